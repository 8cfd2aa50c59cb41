// auto-join: the element joins from its attributes, rejoins when they change, leaves when removed.
import { expect, fixture, html } from '@open-wc/testing';
import type { RoomJoinedDetail, RoomLeftDetail } from '../../dist/src/index.js';
import '../../dist/src/index.js';
import { janusUrl, nextEvent, participantsOnServer, uniqueRoom, until } from '../support/helpers.js';

describe('auto-join', () => {
  it('joins from attributes, moves to another room when `room` changes, and leaves when removed', async () => {
    const first = uniqueRoom('auto-a');
    const second = uniqueRoom('auto-b');
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const room = document.createElement('video-room');
    Object.assign(room, { server: janusUrl(), room: first, identity: 'Auto' });
    room.setAttribute('auto-join', '');
    const joinedFirst = nextEvent<RoomJoinedDetail>(room, 'room.joined');
    container.append(room);
    expect((await joinedFirst).detail.room_session.room_id).to.equal(first);
    expect(room.hasAttribute('active')).to.equal(true);

    const order: string[] = [];
    room.addEventListener('room.left', () => order.push('room.left'));
    room.addEventListener('room.joined', (e) => order.push(`room.joined ${e.detail.room_session.room_id}`));
    const left = nextEvent<RoomLeftDetail>(room, 'room.left');
    const joinedSecond = nextEvent<RoomJoinedDetail>(room, 'room.joined');
    room.setAttribute('room', second);
    expect((await left).detail.reason).to.equal(undefined);
    expect((await joinedSecond).detail.room_session.room_id).to.equal(second);
    expect(order).to.deep.equal(['room.left', `room.joined ${second}`]);
    await until(() => participantsOnServer(first), (p) => p.length === 0, 'the first room to be empty');
    expect((await participantsOnServer(second)).map((p) => p.display)).to.deep.equal(['Auto']);

    const tracks = room.localStream!.getTracks();
    room.remove();
    await until(() => participantsOnServer(second), (p) => p.length === 0, 'the member to leave on removal');
    expect(tracks.every((t) => t.readyState === 'ended')).to.equal(true);
    expect(room.active).to.equal(false);
  });
});

describe('auto-join after removal during a join', () => {
  it('joins afresh when the element is removed and re-added while joining', async () => {
    const roomName = uniqueRoom('auto-readd');
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const room = document.createElement('video-room');
    Object.assign(room, { server: janusUrl(), room: roomName, identity: 'Readded' });
    room.setAttribute('auto-join', '');
    // Heard from the model itself: polling could miss a short join under load.
    const joining = new Promise<void>((resolve) => {
      const onState = ({ state }: { state: string }) => {
        if (state !== 'connecting') return;
        room.roomSession.events.off('state', onState);
        resolve();
      };
      room.roomSession.events.on('state', onState);
    });
    container.append(room);
    await joining;

    room.remove();
    // Removal leaves (after a microtask, so a move is not a leave): that aborts the join.
    await Promise.resolve();
    await Promise.resolve();
    const joined = nextEvent<RoomJoinedDetail>(room, 'room.joined');
    container.append(room);
    expect((await joined).detail.room_session.room_id).to.equal(roomName);
    expect(room.active).to.equal(true);
    const listed = await participantsOnServer(roomName);
    expect(listed.map((p) => [p.id, p.display])).to.deep.equal([[room.memberId, 'Readded']]);
  });
});

// Who may stay, and what is left behind: a duplicate identity, rooms created on the fly, and a
// page that goes away mid-join, on the real Janus.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { DisconnectedDetail, MemberEventDetail, RoomLeftDetail, VideoRoom } from '../../dist/src/index.js';
import '../../dist/src/index.js';
import { janusAdmin, nextEvent, participantsOnServer, roomElement, uniqueRoom, until } from '../support/helpers.js';

const roomExists = async (room: string) => (await janusAdmin<{ exists?: boolean }>({ request: 'exists', room })).exists === true;

describe('a second join with the same identity', () => {
  it('disconnects the older one with ParticipantDuplicateIdentityError (53205), as Twilio does', async () => {
    const roomName = uniqueRoom('duplicate');
    const older = await roomElement(roomName, 'Alice', { media: false });
    const bob = await roomElement(roomName, 'Bob', { media: false });
    const newer = await roomElement(roomName, 'Alice', { media: false });
    await older.join();
    await bob.join();
    const olderId = older.memberId;
    const left = nextEvent<RoomLeftDetail>(older, 'room.left');
    const disconnected = nextEvent<DisconnectedDetail>(older, 'disconnected');
    const bobSawLeave = nextEvent<MemberEventDetail>(bob, 'member.left', (d) => d.member.id === olderId);
    await newer.join();

    expect((await left).detail.reason).to.equal('duplicate_identity');
    const { error } = (await disconnected).detail;
    expect(error?.name).to.equal('ParticipantDuplicateIdentityError');
    expect((error as Error & { code: number }).code).to.equal(53205);
    await bobSawLeave;
    // The newer one stays; Janus has one Alice.
    expect(newer.roomSession.state).to.equal('connected');
    const onServer = await until(() => participantsOnServer(roomName), (list) => list.length === 2, 'one Alice and Bob on Janus');
    expect(onServer.map((p) => p.display).sort()).to.deep.equal(['Alice', 'Bob']);
    expect(onServer.map((p) => p.id)).to.include(newer.memberId);
  });
});

describe('a room created on the fly', () => {
  it('is destroyed when its creator leaves it empty, and kept while others are in it', async () => {
    const roomName = uniqueRoom('ad-hoc');
    const creator = await roomElement(roomName, 'Alice', { media: false });
    const guest = await roomElement(roomName, 'Bob', { media: false });
    await creator.join();
    await guest.join();
    const guestLeft = nextEvent(creator, 'member.left');
    await guest.leave();
    await guestLeft;
    await creator.leave();
    expect(await roomExists(roomName)).to.equal(false);

    // The creator leaving first leaves the room to the others.
    await creator.join();
    await guest.join();
    await creator.leave();
    expect(await roomExists(roomName)).to.equal(true);
    expect((await participantsOnServer(roomName)).map((p) => p.display)).to.deep.equal(['Bob']);
    await guest.leave();
  });
});

describe('a page that goes away', () => {
  afterEach(() => executeServerCommand('fault-janus', { action: 'link-up' }));

  it('leaves no member behind on Janus when pagehide comes in the middle of a join', async () => {
    // The fault tests' Janus, with its media path cut: the join waits for its media connection.
    const server = (await executeServerCommand('fault-janus', { action: 'start' })) as string;
    const admin = (request: Record<string, unknown>) => executeServerCommand('fault-janus-admin', request) as Promise<Record<string, unknown>>;
    const onServer = async (room: string) => ((await admin({ request: 'listparticipants', room }))['participants'] ?? []) as Array<{ display: string }>;
    const roomName = uniqueRoom('pagehide-join');
    // A room that outlives its members, so only who is in it can change.
    await admin({ request: 'create', room: roomName, secret: `s-${roomName}`, publishers: 4, notify_joining: true });
    await executeServerCommand('fault-janus', { action: 'link-down' });
    const alice = await fixture<VideoRoom>(html`<video-room server=${server} room=${roomName} identity="Alice"></video-room>`);
    const joining = alice.join().catch((error: Error) => error);
    await until(() => onServer(roomName), (list) => list.some((p) => p.display === 'Alice'), 'Alice in the room on Janus');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(((await joining) as Error).name).to.equal('AbortError');
    // Janus drops her at once, not after its 30 s reclaim window (`until` gives up after 15 s).
    await until(() => onServer(roomName), (list) => list.length === 0, 'Alice gone from Janus');
  });
});

// Room state the room service keeps and pushes, against real Janus and the real service: room and
// member metadata (SignalWire's set / update / delete / get), raised hands with prioritisation in
// the layout, and a recording composed into a file that ffprobe reads.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { LayoutChangedDetail, ParticipantTile, MemberUpdatedDetail, RecordingEventDetail, RoomUpdatedDetail, VideoRoom } from '../../dist/src/index.js';
import '../../dist/src/index.js';
import { capturePeerConnections, inboundStats, nextEvent, rejection, uniqueRoom, until } from '../support/helpers.js';
import { MODERATOR, remoteTrack, tokenRoom } from './secure-helpers.js';

const NO_MEDIA = { audio: 'false', video: 'false' };
const roomUpdated = (viewer: VideoRoom, field: string) => nextEvent<RoomUpdatedDetail>(viewer, 'room.updated', (d) => d.updated.includes(field as never));
const memberUpdated = (viewer: VideoRoom, memberId: string, field: 'meta' | 'handraised') =>
  nextEvent<MemberUpdatedDetail>(viewer, 'member.updated', (d) => d.member.id === memberId && d.member.updated.includes(field));

async function refusedWith(promise: Promise<unknown>, code: number): Promise<void> {
  const error = (await rejection(promise)) as Error & { code?: number };
  expect(error.code, error.message).to.equal(code);
}

describe('room state on the room service', () => {
  it('metadata: set, update and delete reach every member with the documented payloads; a member without the permission is refused', async () => {
    const room = uniqueRoom('meta');
    const mod = await tokenRoom({ room, identity: 'Mod', permissions: MODERATOR }, NO_MEDIA);
    const bob = await tokenRoom({ room, identity: 'Bob' }, NO_MEDIA);
    await mod.join();
    await bob.join();
    const [modId, bobId] = [mod.memberId!, bob.memberId!];

    // Room metadata: set replaces, update merges, delete removes keys; everyone gets room.updated.
    let told = [mod, bob].map((viewer) => roomUpdated(viewer, 'meta'));
    await mod.setMeta({ topic: 'Quarterly review', slides: 3 });
    for (const { detail } of await Promise.all(told)) {
      expect(detail.room.meta).to.deep.equal({ topic: 'Quarterly review', slides: 3 });
      expect(detail.room_session).to.deep.equal(detail.room);
      expect(detail).to.include({ room_id: room, room_session_id: room });
    }
    told = [bob].map((viewer) => roomUpdated(viewer, 'meta'));
    await mod.updateMeta({ slides: 4, live: true });
    expect((await told[0]!).detail.room.meta).to.deep.equal({ topic: 'Quarterly review', slides: 4, live: true });
    told = [bob].map((viewer) => roomUpdated(viewer, 'meta'));
    await mod.deleteMeta(['topic']);
    expect((await told[0]!).detail.room.meta).to.deep.equal({ slides: 4, live: true });
    expect(bob.meta).to.deep.equal({ slides: 4, live: true });
    expect((await bob.getMeta()).meta).to.deep.equal({ slides: 4, live: true });

    // A plain member may not change the room's metadata: refused (20106), nothing changes.
    await refusedWith(bob.setMeta({ topic: 'mine' }), 20106);
    expect((await mod.getMeta()).meta).to.deep.equal({ slides: 4, live: true });

    // A member's own metadata (room.self.set_meta): the others get member.updated with updated ["meta"].
    const seen = memberUpdated(mod, bobId, 'meta');
    await bob.setMemberMeta({ meta: { email: 'bob@example.com', role: 'guest' } });
    const { detail } = await seen;
    expect(detail.member.meta).to.deep.equal({ email: 'bob@example.com', role: 'guest' });
    expect(detail.member.updated).to.deep.equal(['meta']);
    expect(mod.members.find((m) => m.id === bobId)?.meta).to.deep.equal({ email: 'bob@example.com', role: 'guest' });

    // Another member's needs room.member.set_meta: Bob is refused, the moderator may.
    await refusedWith(bob.updateMemberMeta({ memberId: modId, meta: { hacked: true } }), 20106);
    const bobSees = memberUpdated(bob, bobId, 'meta');
    await mod.deleteMemberMeta({ memberId: bobId, keys: ['role'] });
    expect((await bobSees).detail.member.meta).to.deep.equal({ email: 'bob@example.com' });
    expect((await mod.getMemberMeta({ memberId: bobId })).meta).to.deep.equal({ email: 'bob@example.com' });
    expect((await mod.getMemberMeta()).meta).to.deep.equal({});

    // Bad input gets a typed error before any request.
    expect((await rejection(mod.setMeta(['not', 'an', 'object'] as never))).name).to.equal('RangeError');
    expect((await rejection(mod.deleteMeta('topic' as never))).name).to.equal('RangeError');
  });

  it("raised hands: B sees A's hand in member.updated, on A's tile and in the member list; prioritised, A moves to the first slot of B's layout", async () => {
    const room = uniqueRoom('hands');
    const alice = await tokenRoom({ room, identity: 'Alice' }, NO_MEDIA);
    const mod = await tokenRoom({ room, identity: 'Mod', permissions: MODERATOR }, NO_MEDIA);
    const carol = await tokenRoom({ room, identity: 'Carol' }, NO_MEDIA);
    // In the controls slot: other children would replace the room's own layout.
    const controls = document.createElement('room-controls');
    controls.slot = 'controls';
    alice.append(controls);
    const list = document.createElement('member-list');
    list.slot = 'controls';
    mod.append(list);
    await alice.join();
    await mod.join();
    await carol.join();
    const aliceId = alice.memberId!;
    // The moderator's own tile comes first in its grid before any hand goes up.
    await until(() => mod.currentLayout.layers.filter((l) => l.member_id).length ?? 0, (n) => n === 3, 'three members in the layout');
    expect(mod.currentLayout.layers[0]!.member_id).to.equal(mod.memberId);

    // Alice raises her hand with the button of <room-controls>.
    const raised = [mod, carol].map((viewer) => memberUpdated(viewer, aliceId, 'handraised'));
    await controls.updateComplete;
    const button = controls.shadowRoot!.querySelector<HTMLButtonElement>('[part~="hand"]')!;
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    button.click();
    for (const { detail } of await Promise.all(raised)) {
      expect(detail.member).to.include({ id: aliceId, handraised: true });
      expect(detail.member.updated).to.deep.equal(['handraised']);
    }
    await until(() => controls.shadowRoot!.querySelector('[part~="hand"]')!.getAttribute('aria-pressed'), (v) => v === 'true', 'the hand button pressed');
    const tileOf = (id: string) => [...mod.shadowRoot!.querySelectorAll<ParticipantTile>('participant-tile')].find((t) => t.member?.id === id);
    const tile = await until(() => tileOf(aliceId), (t) => t?.hasAttribute('handraised') === true, 'the hand on her tile');
    expect(tile!.shadowRoot!.querySelector('[part="hand"]')).to.exist;
    expect(tile!.getAttribute('aria-label')).to.include('hand raised');
    await list.updateComplete;
    await until(() => list.shadowRoot!.querySelector('[part~="member"][data-handraised]')?.textContent ?? '', (t) => t.includes('Alice'), 'the hand in the member list');

    // Not prioritised yet: the order is unchanged. Prioritised: Alice takes the first slot everywhere.
    expect(mod.currentLayout.layers[0]!.member_id).to.equal(mod.memberId);
    await refusedWith(carol.setPrioritizeHandraise(true), 20106);
    const moved = [mod, carol].map((viewer) => nextEvent<LayoutChangedDetail>(viewer, 'layout.changed', (d) => d.layout.layers[0]?.member_id === aliceId));
    const updated = roomUpdated(carol, 'prioritize_handraise');
    expect(await mod.setPrioritizeHandraise(true)).to.equal(true);
    await Promise.all(moved);
    expect((await updated).detail.room.prioritize_handraise).to.equal(true);

    // Carol may not lower Alice's hand; the moderator may (the button in its member list), and
    // Alice goes back to her place.
    await refusedWith(carol.setRaisedHand({ memberId: aliceId, raised: false }), 20106);
    const back = nextEvent<LayoutChangedDetail>(mod, 'layout.changed', (d) => d.layout.layers[0]?.member_id === mod.memberId);
    const lowered = memberUpdated(alice, aliceId, 'handraised');
    const lower = list.shadowRoot!.querySelector<HTMLButtonElement>('[part~="action"][part~="hand"]')!;
    expect(lower.textContent!.trim()).to.equal("Lower Alice's hand");
    lower.click();
    expect((await lowered).detail.member.handraised).to.equal(false);
    await back;
  });

  it('records two members into a file with audio and video of about the recorded time; every member gets the start and end events', async () => {
    const connections = capturePeerConnections();
    const room = uniqueRoom('record');
    const mod = await tokenRoom({ room, identity: 'Mod', permissions: MODERATOR });
    const bob = await tokenRoom({ room, identity: 'Bob' });
    await mod.join();
    const modVideo = remoteTrack(bob, () => mod.memberId, 'video');
    await bob.join();
    const video = await modVideo;
    await until(async () => (await inboundStats(connections, video)).framesDecoded ?? 0, (n) => n > 0, "Bob decoding the moderator's video");

    await refusedWith(bob.startRecording(), 20106);
    const events = (name: string) => [mod, bob].map((viewer) => nextEvent<Partial<RecordingEventDetail>>(viewer, name));
    const [started, twilioStarted, ended, twilioStopped] = ['recording.started', 'recordingStarted', 'recording.ended', 'recordingStopped'].map(events);
    const completed = nextEvent<RecordingEventDetail>(bob, 'recording.updated', (d) => d.recording.state !== 'processing');
    const recording = await mod.startRecording();
    const startedAt = performance.now();
    expect(recording.state).to.equal('recording');
    for (const { detail } of await Promise.all(started!)) expect(detail.recording).to.include({ id: recording.id, state: 'recording' });
    for (const { detail } of await Promise.all(twilioStarted!)) expect(detail.recording!.id).to.equal(recording.id);
    expect(bob.recording).to.equal(true);
    await until(() => bob.shadowRoot!.querySelector('[part="recording"]')?.textContent ?? '', (t) => t.includes('Recording'), 'the recording indicator');
    expect((await rejection(recording.pause())).name).to.equal('NotSupportedError');

    // A few seconds of both members' media: about 100 more frames decoded by Bob.
    const frames = async () => (await inboundStats(connections, video)).framesDecoded ?? 0;
    const before = await frames();
    await until(frames, (n) => n >= before + 100, '100 more frames');
    await recording.stop();
    const seconds = (performance.now() - startedAt) / 1000;
    for (const { detail } of await Promise.all(ended!)) expect(detail.recording!.id).to.equal(recording.id);
    await Promise.all(twilioStopped!);
    expect(bob.recording).to.equal(false);
    expect((await completed).detail.recording.state).to.equal('completed');

    const { recordings } = await mod.getRecordings();
    const listed = recordings.find((r) => r.id === recording.id)!;
    expect(listed.state).to.equal('completed');
    expect(listed.duration).to.be.within(seconds - 2, seconds + 2);
    const probe = (await executeServerCommand('probe-media', { url: listed.url })) as { status: number; duration: number; streams: Array<{ codec_type: string; width?: number; height?: number }> };
    expect(probe.status).to.equal(200);
    expect(probe.streams.map((s) => s.codec_type).sort()).to.deep.equal(['audio', 'video']);
    // Both members' videos, side by side in 640x360 cells.
    expect(probe.streams.find((s) => s.codec_type === 'video')).to.include({ width: 1280, height: 360 });
    expect(probe.duration).to.be.within(seconds - 2, seconds + 2);
    // The download URL is signed: changed, it is refused.
    const forged = (await executeServerCommand('probe-media', { url: `${listed.url!}x` })) as { status: number };
    expect(forged.status).to.equal(403);
  });
});

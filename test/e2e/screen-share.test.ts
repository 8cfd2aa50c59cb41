// Screen shares on the real Janus: a member of type "screen" linked to its owner, shown large,
// seen by Twilio code as a track of its owner; it ends with the browser's "Stop sharing", and
// leaves nothing behind on the server.
import { expect, fixture, html } from '@open-wc/testing';
import type {
  ErrorDetail,
  MemberEventDetail,
  ParticipantEventDetail,
  ParticipantTile,
  ScreenShare,
  TrackPublicationEventDetail,
  VideoRoom,
} from '../../dist/src/index.js';
import '../../dist/src/index.js';
import {
  aliceAndBob,
  captureTracks,
  decodedFrame,
  inboundStats,
  nextEvent,
  participantsOnServer,
  present,
  rejection,
  roomElement,
  trustedRoom,
  uniqueRoom,
  until,
} from '../support/helpers.js';

const screenJoined = (room: VideoRoom) => nextEvent<MemberEventDetail>(room, 'member.joined', (d) => d.member.type === 'screen');

/** The tile in `room`'s large slot (the share), once rendered with its video. */
async function stageVideo(room: VideoRoom, memberId: string): Promise<HTMLVideoElement> {
  const tile = await until(
    () => room.shadowRoot!.querySelector<ParticipantTile>('participant-tile[part~="featured"]'),
    (t): t is ParticipantTile => t !== null && t.resolvedMember?.id === memberId,
    'the share in the large slot',
  );
  await tile.updateComplete;
  return tile.shadowRoot!.querySelector('video')!;
}

/** Frames decoded so far for `track`. */
const framesOf = async (connections: RTCPeerConnection[], track: MediaStreamTrack) => (await inboundStats(connections, track)).framesDecoded ?? 0;

describe('screen sharing', () => {
  it('shows a share to the others as a screen member of its owner, large at the captured size, while the camera keeps flowing', async () => {
    const { connections, roomName, alice, bob, remoteVideo } = await aliceAndBob('share');
    const aliceId = alice.memberId!;
    const connected: string[] = [];
    bob.addEventListener('participantConnected', (e) => connected.push(e.detail.participant.sid));
    const bobSeesShare = screenJoined(bob);
    const aliceSeesShare = screenJoined(alice);
    const published = nextEvent<TrackPublicationEventDetail>(bob, 'trackPublished', (d) => d.publication.kind === 'video');

    const share = await alice.startScreenShare();
    expect(share.active).to.equal(true);
    expect(alice.screenShareList).to.deep.equal([share]);

    // SignalWire: a member of type "screen", its owner in parent_id, under its owner's name.
    const member = (await bobSeesShare).detail.member;
    expect(member).to.include({ id: share.memberId, type: 'screen', parent_id: aliceId, name: 'Alice', room_id: roomName, local: false });
    expect((await aliceSeesShare).detail.member).to.include({ id: share.memberId, type: 'screen', parent_id: aliceId, local: true });

    // Twilio: a track of Alice's, named as a screen; no participant of its own.
    const { participant, publication } = (await published).detail;
    expect(participant).to.include({ sid: aliceId, identity: 'Alice' });
    expect(publication.trackName).to.match(/^screen-[0-9a-f]{8}$/);
    expect(connected, 'no participantConnected for a share').to.deep.equal([]);
    expect([...bob.roomSession.participants.keys()]).to.deep.equal([aliceId]);

    // Bob shows it large, decoded at the size Alice captured: Chromium's fake 800x600 screen
    // delivers 16:9 frames scaled to fit it (800x450), and the share keeps that resolution.
    const video = await stageVideo(bob, share.memberId);
    expect(bob.getAttribute('layout-name')).to.equal('screen-share');
    const frame = await decodedFrame(video);
    // Read once frames flow: before the first one, the settings can still say 800x600.
    const captured = share.localVideoTrack!.getSettings();
    expect(captured.width).to.equal(800);
    expect(captured.height).to.be.within(1, 600);
    expect(frame).to.deep.equal({ width: captured.width, height: captured.height });
    expect(share.localVideoTrack!.contentHint, 'encoded for detail (text stays sharp, resolution is kept)').to.equal('detail');
    const strip = [...bob.shadowRoot!.querySelectorAll<ParticipantTile>('[part="cell"]:not([hidden]) participant-tile:not([part~="featured"])')].map(
      (t) => t.resolvedMember?.id,
    );
    expect(strip).to.have.members([bob.memberId, aliceId]);

    // Alice's camera keeps flowing to Bob.
    const before = await framesOf(connections, remoteVideo);
    await until(() => framesOf(connections, remoteVideo), (n) => n > before + 10, "more of Alice's camera frames");
    expect(remoteVideo.readyState).to.equal('live');
  });

  it("ends when the browser's Stop sharing ends the track: the member leaves, the grid returns, nothing stays on Janus", async () => {
    const { roomName, alice, bob } = await aliceAndBob('share-stop');
    const bobSeesShare = screenJoined(bob);
    const share = await alice.startScreenShare();
    await bobSeesShare;
    await stageVideo(bob, share.memberId);
    expect((await participantsOnServer(roomName)).map((p) => p.id)).to.include(share.memberId);
    // The share shown large elsewhere in the page too: <screen-share mode="view"> for Bob's room.
    bob.id = 'bobs-room';
    const viewer = await fixture<ScreenShare>(html`<screen-share for="bobs-room" mode="view"></screen-share>`);
    const viewTile = await until(
      () => viewer.shadowRoot!.querySelector<ParticipantTile>('[part="view"]'),
      (t): t is ParticipantTile => t !== null,
      'the share in <screen-share>',
    );
    await viewTile.updateComplete;
    expect(viewTile.resolvedMember?.id).to.equal(share.memberId);
    expect(viewTile.getAttribute('aria-label')).to.equal("Alice's screen");
    expect((await decodedFrame(viewTile.shadowRoot!.querySelector('video')!)).width).to.equal(800);
    expect(viewer.hasAttribute('showing')).to.equal(true);

    const left = nextEvent<MemberEventDetail>(bob, 'member.left', (d) => d.member.id === share.memberId);
    const unpublished = nextEvent<TrackPublicationEventDetail>(bob, 'trackUnpublished', (d) => d.publication.trackName.startsWith('screen'));
    // What Chromium does when its "Stop sharing" bar is pressed: the track ends, and says so.
    const track = share.localVideoTrack!;
    track.stop();
    track.dispatchEvent(new Event('ended'));

    expect((await left).detail.member).to.include({ type: 'screen', parent_id: alice.memberId });
    expect((await unpublished).detail.participant.sid).to.equal(alice.memberId);
    await until(() => bob.getAttribute('layout-name'), (layout) => layout === 'grid-responsive', 'the grid again');
    await bob.updateComplete;
    expect(bob.shadowRoot!.querySelector('participant-tile[part~="featured"]')).to.equal(null);
    expect(share.state).to.equal('left');
    expect(alice.screenShareList).to.deep.equal([]);
    await until(() => viewer.hasAttribute('showing'), (showing) => !showing, 'the view empty');
    expect(viewer.shadowRoot!.querySelector('[part="view"]')).to.equal(null);
    const onServer = await until(
      () => participantsOnServer(roomName),
      (list) => !list.some((p) => p.id === share.memberId),
      'the share gone from Janus',
    );
    expect(onServer.map((p) => p.id)).to.have.members([alice.memberId, bob.memberId]);
  });

  it("allows several shares at once, and the owner's leave takes them all, its devices too", async () => {
    const { connections, roomName, alice, bob } = await aliceAndBob('share-many');
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    let first: Awaited<ReturnType<VideoRoom['startScreenShare']>>;
    let second: typeof first;
    try {
      first = await alice.startScreenShare({ audio: true });
      second = await alice.createScreenShareObject({ video: true });
      expect(alice.screenShareList).to.deep.equal([first, second]);
      expect(first.localAudioTrack, 'the screen audio the browser gave').to.not.equal(null);
    } finally {
      console.warn = warn;
    }
    expect(warnings.some((w) => w.includes('createScreenShareObject() is deprecated'))).to.equal(true);
    const device = await alice.addMicrophone();
    expect(alice.deviceList).to.deep.equal([device]);
    const shares = await until(
      () => bob.members.filter((m) => m.parent_id === alice.memberId),
      (list) => list.length === 3,
      "Alice's three sources on Bob's side",
    );
    expect(shares.map((m) => m.type).sort()).to.deep.equal(['device', 'screen', 'screen']);
    // Bob's stage shows the latest share, and he hears the first one's sound.
    await stageVideo(bob, second.memberId);
    const shareSound = await until(() => bob.roomSession.snapshot.media.get(first.memberId)?.sources.get('screen_audio') ?? null, present, "the first share's sound on Bob");
    await until(async () => (await inboundStats(connections, shareSound)).packetsReceived, (n) => n > 20, 'its packets');
    // Twilio: all of it is Alice's: her microphone, the share's sound, the second microphone.
    await until(() => bob.roomSession.participants.get(alice.memberId!)!.audioTracks.size, (n) => n === 3, "Alice's three audio tracks");

    const captured = [...alice.screenShareList, ...alice.deviceList].flatMap((s) => s.localStream!.getTracks());
    const gone = new Set<string>();
    bob.addEventListener('member.left', (e) => gone.add(e.detail.member.id));
    const aliceId = alice.memberId;
    const disconnected = nextEvent<ParticipantEventDetail>(bob, 'participantDisconnected');
    await alice.leave();
    expect((await disconnected).detail.participant.sid).to.equal(aliceId);
    await until(() => gone.size, (n) => n === 4, 'Alice and her three sources leaving');
    expect(captured.every((t) => t.readyState === 'ended'), 'every captured track stopped').to.equal(true);
    expect(alice.screenShareList).to.deep.equal([]);
    expect(alice.deviceList).to.deep.equal([]);
    expect((await participantsOnServer(roomName)).map((p) => p.id)).to.deep.equal([bob.memberId]);
  });

  it('a share the room has no publisher slot for is refused with 53105, and leaves nothing captured, joined or published', async () => {
    const roomName = uniqueRoom('share-full');
    await trustedRoom(roomName, { publishers: 2 });
    const alice = await roomElement(roomName, 'Alice');
    const bob = await roomElement(roomName, 'Bob');
    await alice.join();
    await bob.join();
    const captured = captureTracks('getDisplayMedia');
    const errorEvent = nextEvent<ErrorDetail>(alice, 'error');
    const error = await rejection(alice.startScreenShare());
    expect(error.name).to.equal('RoomMaxParticipantsExceededError');
    expect((error as Error & { code: number }).code).to.equal(53105);
    expect((await errorEvent).detail.error).to.equal(error);
    expect(captured.length, 'the screen was captured first').to.be.greaterThan(0);
    expect(captured.every((t) => t.readyState === 'ended'), 'and stopped').to.equal(true);
    expect(alice.screenShareList).to.deep.equal([]);
    expect(alice.members.map((m) => m.type)).to.deep.equal(['member', 'member']);
    const onServer = await until(() => participantsOnServer(roomName), (list) => list.length === 2, 'only Alice and Bob on Janus');
    expect(onServer.map((p) => p.id)).to.have.members([alice.memberId, bob.memberId]);
    // Janus saw the share join and leave again without publishing: Bob is left with Alice alone.
    await until(() => bob.members.map((m) => m.type), (types) => types.join() === 'member,member', "Bob's view of the room");
    expect(bob.roomSession.participants.get(alice.memberId!)!.tracks.size, "Alice's camera and microphone, no share").to.equal(2);
  });
});

// Reconnection on the real Janus: a restart, a Janus that stays down, a cut media path, a cut
// WebSocket and a frozen Janus. Every fault hits a Janus of these tests' own (fault-janus.mjs),
// never the one the other tests share.
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { MemberEventDetail, ParticipantEventDetail, ReconnectingDetail, RoomLeftDetail, DisconnectedDetail, TrackEventDetail, VideoRoom } from '../../dist/src/index.js';
import '../../dist/src/index.js';
import { aliceAndBob, capturePeerConnections, decodedFrame, degradeLink, nextEvent, present, rejection, senderOf, tileFor, uniqueRoom, until } from '../support/helpers.js';

type FaultAction = 'start' | 'kill' | 'freeze' | 'thaw' | 'cut-sockets' | 'link-down' | 'link-up';
const fault = (action: FaultAction) => executeServerCommand('fault-janus', { action }) as Promise<string | undefined>;

let faultUrl = '';

/** A `<video-room>` on the fault tests' Janus. */
async function faultRoom(room: string, identity: string, attributes: Record<string, string> = {}): Promise<VideoRoom> {
  const element = await fixture<VideoRoom>(html`<video-room server=${faultUrl} room=${room} identity=${identity}></video-room>`);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  await element.updateComplete;
  return element;
}

/** Checks an error's documented class and code. */
function expectError(error: Error | undefined, name: string, code: number): void {
  expect(error?.name).to.equal(name);
  expect((error as Error & { code: number }).code).to.equal(code);
}

/** The text of the room's reconnecting notice. */
const banner = (room: VideoRoom) => room.shadowRoot!.querySelector('[part="reconnecting"]')!.textContent!.trim();

/** Records the names of `names` as `target` fires them. */
function record(target: EventTarget, names: string[]): string[] {
  const seen: string[] = [];
  for (const name of names) target.addEventListener(name, () => seen.push(name));
  return seen;
}

/** Resolves once `viewer`'s tile for `other` (a room, or a member id) decodes video again (a new track after a rejoin). */
async function decodesVideoOf(viewer: VideoRoom, other: VideoRoom | string): Promise<{ width: number }> {
  const memberId = typeof other === 'string' ? other : other.memberId!;
  const tile = await until(() => tileFor(viewer, memberId), present, 'a tile for the other member');
  const track = await until(() => tile.media.video, (t) => t !== null && t.readyState === 'live' && !t.muted, 'a live video track in the tile');
  await tile.updateComplete;
  const video = tile.shadowRoot!.querySelector('video')!;
  await until(() => video.srcObject instanceof MediaStream && video.srcObject.getVideoTracks()[0] === track, Boolean, 'the tile showing that track');
  return decodedFrame(video);
}

async function pair(prefix: string, attributes: Record<string, string> = {}) {
  const roomName = uniqueRoom(prefix);
  const alice = await faultRoom(roomName, 'Alice', attributes);
  const bob = await faultRoom(roomName, 'Bob', attributes);
  await alice.join();
  const seen = nextEvent<TrackEventDetail>(bob, 'trackStarted', (d) => d.track.kind === 'video');
  await bob.join();
  await seen;
  await decodesVideoOf(alice, bob);
  await decodesVideoOf(bob, alice);
  return { roomName, alice, bob };
}

describe('reconnection', function () {
  this.timeout(90_000);

  before(async () => {
    faultUrl = (await fault('start'))!;
  });

  afterEach(async () => {
    await fault('link-up');
    await fault('thaw');
    await fault('start');
  });

  it('keeps a call through a Janus restart: same members, no leave, video decoded again', async () => {
    const { alice, bob } = await pair('restart');
    const ids = { alice: alice.memberId, bob: bob.memberId };
    const churn = ['member.left', 'participantDisconnected', 'room.left', 'disconnected', 'member.joined', 'participantConnected'];
    const aliceSeen = record(alice, [...churn, 'reconnecting', 'reconnected']);
    const bobSeen = record(bob, [...churn, 'reconnecting', 'reconnected']);
    const reconnecting = [nextEvent<ReconnectingDetail>(alice, 'reconnecting'), nextEvent<ReconnectingDetail>(bob, 'reconnecting')];
    const reconnected = [nextEvent(alice, 'reconnected'), nextEvent(bob, 'reconnected')];

    await fault('kill');
    for (const { detail } of await Promise.all(reconnecting)) {
      expectError(detail.error, 'SignalingConnectionDisconnectedError', 53001);
    }
    expect(alice.hasAttribute('reconnecting')).to.equal(true);
    expect(alice.roomSession.state).to.equal('reconnecting');
    // The page says so: a live notice on the room, and on the member's own tile.
    await alice.updateComplete;
    expect(banner(alice)).to.equal('Connection lost. Reconnecting…');
    const ownTile = tileFor(alice, alice.memberId!)!;
    await ownTile.updateComplete;
    expect(ownTile.hasAttribute('reconnecting')).to.equal(true);
    expect(ownTile.getAttribute('aria-label')).to.contain('Reconnecting');
    await fault('start');
    await Promise.all(reconnected);

    // Each decodes the other's video again, under the same member ids.
    await decodesVideoOf(alice, bob);
    await decodesVideoOf(bob, alice);
    expect({ alice: alice.memberId, bob: bob.memberId }).to.deep.equal(ids);
    expect(alice.roomSession.snapshot.members.map((m) => m.id).sort()).to.deep.equal([ids.alice, ids.bob].sort());
    expect(aliceSeen).to.deep.equal(['reconnecting', 'reconnected']);
    expect(bobSeen).to.deep.equal(['reconnecting', 'reconnected']);
    expect(alice.roomSession.state).to.equal('connected');
    expect(alice.hasAttribute('reconnecting')).to.equal(false);
    await alice.updateComplete;
    expect(banner(alice)).to.equal('');
  });

  it('brings a screen share back through a Janus restart, under the same member id', async () => {
    const { alice, bob } = await pair('share');
    const shown = nextEvent<MemberEventDetail>(bob, 'member.joined', (d) => d.member.type === 'screen');
    const share = await alice.startScreenShare();
    await shown;
    await decodesVideoOf(bob, share.memberId);
    const churn = ['member.left', 'member.joined', 'participantDisconnected'];
    const aliceSeen = record(alice, churn);
    const bobSeen = record(bob, churn);
    const reconnected = [nextEvent(alice, 'reconnected'), nextEvent(bob, 'reconnected')];
    await fault('kill');
    await fault('start');
    await Promise.all(reconnected);

    // Bob decodes the share again, from the same member; nobody saw it leave or join.
    expect((await decodesVideoOf(bob, share.memberId)).width).to.be.greaterThan(0);
    expect(share.state).to.equal('joined');
    expect(aliceSeen).to.deep.equal([]);
    expect(bobSeen).to.deep.equal([]);
  });

  it('gives up when Janus stays down past the window, and joins again once it is back', async () => {
    const connections = capturePeerConnections();
    const { alice } = await pair('down', { 'reconnect-window': '3000' });
    const left = nextEvent<RoomLeftDetail>(alice, 'room.left');
    const disconnected = nextEvent<DisconnectedDetail>(alice, 'disconnected');
    const mediaDisconnected = nextEvent(alice, 'media.disconnected');
    await fault('kill');
    expect((await left).detail.reason).to.equal('RECONNECTION_ATTEMPT_TIMEOUT');
    const { error } = (await disconnected).detail;
    expectError(error, 'SignalingConnectionDisconnectedError', 53001);
    await mediaDisconnected;
    expect(alice.roomSession.state).to.equal('disconnected');
    expect(alice.hasAttribute('active')).to.equal(false);
    // Everything was let go: the camera and microphone are off, Alice's PeerConnections closed.
    expect(alice.localStream).to.equal(null);
    const aliceSent = connections.filter((pc) => pc.getSenders().some((s) => s.track?.readyState === 'ended'));
    expect(aliceSent.length).to.be.greaterThan(0);
    expect(aliceSent.map((pc) => pc.connectionState)).to.deep.equal(aliceSent.map(() => 'closed'));

    await fault('start');
    await alice.join();
    expect(alice.roomSession.state).to.equal('connected');
  });

  it('rides out a cut media path: reconnecting, then reconnected with frames flowing again', async () => {
    const { alice, bob } = await pair('media');
    const reconnecting = nextEvent<ReconnectingDetail>(alice, 'reconnecting');
    const mediaReconnecting = nextEvent(alice, 'media.reconnecting');
    const reconnected = nextEvent(alice, 'reconnected');
    const left = record(alice, ['room.left', 'member.left']);
    await fault('link-down');
    const { error } = (await reconnecting).detail;
    expectError(error, 'MediaConnectionError', 53405);
    await mediaReconnecting;
    await fault('link-up');
    await reconnected;
    const track = tileFor(alice, bob.memberId!)!.media.video!;
    const frames = (await decodesVideoOf(alice, bob)).width;
    expect(frames).to.be.greaterThan(0);
    expect(track.readyState).to.equal('live');
    expect(left).to.deep.equal([]);
  });

  it('restarts ICE when the media path stays cut: the same PeerConnections, new ICE credentials', async () => {
    const connections = capturePeerConnections();
    const { alice, bob } = await pair('ice-restart');
    const ufrag = (pc: RTCPeerConnection) => /a=ice-ufrag:(\S+)/.exec(pc.localDescription?.sdp ?? '')?.[1];
    const aliceSends = senderOf(connections, alice.localVideoTrack);
    const before = ufrag(aliceSends);
    const open = connections.filter((pc) => pc.connectionState !== 'closed');
    const reconnecting = nextEvent(alice, 'reconnecting');
    const reconnected = nextEvent(alice, 'reconnected');
    await fault('link-down');
    await reconnecting;
    // Longer than a PeerConnection is given to come back by itself (2 s): ICE is restarted.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    await fault('link-up');
    await reconnected;
    expect(ufrag(aliceSends)).to.not.equal(before);
    expect(connections.filter((pc) => pc.connectionState !== 'closed')).to.deep.equal(open);
    await decodesVideoOf(alice, bob);
    await decodesVideoOf(bob, alice);
  });

  it('reclaims its Janus session after the WebSocket is cut: the same PeerConnections carry on', async () => {
    const connections = capturePeerConnections();
    const { alice, bob } = await pair('socket');
    const before = tileFor(alice, bob.memberId!)!.media.video;
    const seen = record(alice, ['reconnecting', 'reconnected', 'trackUnsubscribed', 'member.left']);
    const reconnected = nextEvent(alice, 'reconnected');
    await fault('cut-sockets');
    await reconnected;
    expect(seen.slice(0, 2)).to.deep.equal(['reconnecting', 'reconnected']);
    // Claimed, not rejoined: no track was replaced, and no PeerConnection was made.
    expect(seen).to.not.include('trackUnsubscribed');
    expect(tileFor(alice, bob.memberId!)!.media.video).to.equal(before);
    expect(connections.filter((pc) => pc.connectionState !== 'closed').length).to.equal(4);
  });

  it('notices a Janus that stops answering (53002) and carries on once it answers again', async () => {
    // Without media only the liveness check can notice: the WebSocket stays open all along.
    const roomName = uniqueRoom('frozen');
    const alice = await faultRoom(roomName, 'Alice', { audio: 'false', video: 'false' });
    const bob = await faultRoom(roomName, 'Bob', { audio: 'false', video: 'false' });
    await alice.join();
    await bob.join();
    await until(() => alice.roomSession.snapshot.members.length, (n) => n === 2, 'Alice seeing Bob');
    const reconnecting = nextEvent<ReconnectingDetail>(alice, 'reconnecting');
    const reconnected = nextEvent(alice, 'reconnected');
    const left = record(alice, ['member.left', 'room.left']);
    await fault('freeze');
    const { error } = (await reconnecting).detail;
    expectError(error, 'SignalingConnectionTimeoutError', 53002);
    await fault('thaw');
    await reconnected;
    expect(alice.roomSession.snapshot.members.map((m) => m.name).sort()).to.deep.equal(['Alice', 'Bob']);
    expect(left).to.deep.equal([]);
  });

  it('tells remote members apart while they reconnect: participantReconnecting, then participantReconnected', async () => {
    const { alice, bob } = await pair('remote');
    const reconnecting = nextEvent<ParticipantEventDetail>(alice, 'participantReconnecting');
    const reconnected = nextEvent<ParticipantEventDetail>(alice, 'participantReconnected');
    await fault('kill');
    await fault('start');
    const who = (await reconnecting).detail.participant;
    expect(who.sid).to.equal(bob.memberId);
    expect(who.state).to.equal('reconnecting');
    // Bob's tile on Alice's page says so while he is away.
    const tile = tileFor(alice, bob.memberId!)!;
    await until(() => tile.hasAttribute('reconnecting'), Boolean, "Bob's tile marked reconnecting");
    expect(tile.shadowRoot!.querySelector('[part="reconnecting"]')!.textContent).to.equal('Reconnecting…');
    expect((await reconnected).detail.participant.state).to.equal('connected');
  });

  it('fails a join at once with 53001 when Janus dies during it', async () => {
    const roomName = uniqueRoom('dying');
    const alice = await faultRoom(roomName, 'Alice', { timeout: '20000' });
    // No media can pass: the join waits for its media connection.
    await fault('link-down');
    const joining = rejection(alice.join());
    // In the room on Janus, waiting for media (a join whose connection dies later times out with 53405 or 53002).
    await until(() => alice.roomSession.snapshot.localParticipant, present, 'the join in the room, waiting for media');
    await fault('kill');
    const error = await joining;
    expectError(error, 'SignalingConnectionDisconnectedError', 53001);
    expect(alice.roomSession.state).to.equal('disconnected');
  });
});

describe("another member's media stopping", function () {
  this.timeout(60_000);

  it('marks that member reconnecting (participantReconnecting) until its media flows again', async () => {
    const { connections, alice, bob } = await aliceAndBob('stall');
    const reconnecting = nextEvent<ParticipantEventDetail>(bob, 'participantReconnecting');
    const reconnected = nextEvent<ParticipantEventDetail>(bob, 'participantReconnected');
    const bobSaw = record(bob, ['member.left', 'participantDisconnected', 'reconnecting']);
    // Almost nothing of what Alice sends gets through.
    await degradeLink(senderOf(connections, alice.localVideoTrack), '1kbit');
    expect((await reconnecting).detail.participant.sid).to.equal(alice.memberId);
    await executeServerCommand('unshape-link');
    expect((await reconnected).detail.participant.state).to.equal('connected');
    // Bob's own connection was fine all along.
    expect(bobSaw).to.deep.equal([]);
  });
});

// The Twilio classes seed's Room examples (attach on trackSubscribed, detach on trackUnsubscribed
// and participantDisconnected, disconnected with its error), the best practices' error handling
// and media warnings samples (./twilio-samples, import and token changed), and a SignalWire-style
// script (`new RoomSession({ token }).on('member.joined', ...)`) in the same room, against real
// Janus and the room service.
import { expect } from '@open-wc/testing';
import { LocalDataTrack, connect, createLocalTracks, type LocalTrackPublication, type RemoteParticipant, type Room } from '../../dist/src/twilio/index.js';
import { RoomSession } from '../../dist/src/index.js';
import { decodedFrame, until } from '../support/helpers.js';
import { MODERATOR, roomToken } from './secure-helpers.js';
import { leave, leaveAll, next, run } from './twilio-helpers.js';

/** What the samples said on the console (they log their handling). */
function consoleLines(method: 'log' | 'error'): { lines: string[]; restore(): void } {
  const original = console[method];
  const lines: string[] = [];
  console[method] = (...args: unknown[]) => {
    lines.push(args.map(String).join(' '));
    original.apply(console, args);
  };
  return { lines, restore: () => (console[method] = original) };
}

describe('Twilio Room examples, error handling and media warnings on Janus', () => {
  // A test that failed half-way leaves nothing behind in my-cool-room for the next.
  afterEach(() => leaveAll());

  it("attach and detach: each subscribed track plays in the participant's view and leaves it with the participant; disconnecting stops the local tracks", async () => {
    document.body.insertAdjacentHTML('beforeend', '<div id="participant-view-Alice"></div>');
    const view = document.getElementById('participant-view-Alice')!;
    const { room: bob } = await run<{ room: Room }>('attach-detach', 'Bob');
    // Alice joins with connect()'s own camera and microphone.
    const { room: alice } = await run<{ room: Room }>('remoteuser', 'Alice');
    const video = await until(() => view.querySelector('video'), (v): v is HTMLVideoElement => v !== null, "Alice's video in her view");
    expect((await decodedFrame(video)).width).to.be.greaterThan(0);
    await until(() => view.querySelector('audio'), (a) => a !== null, "Alice's audio in her view");
    // Alice leaves: Bob's handlers take her media out of the page.
    const gone = next(bob, 'participantDisconnected', (p: RemoteParticipant) => p.identity === 'Alice');
    await leave(alice);
    await gone;
    expect(view.children.length).to.equal(0);
    // Bob leaves: his `disconnected` handler stops his own tracks (1.x style, through the publications).
    const own = [...bob.localParticipant.tracks.values()].map((p) => p.track as { mediaStreamTrack: MediaStreamTrack });
    await leave(bob);
    expect(own.length).to.equal(2);
    expect(own.every((t) => t.mediaStreamTrack.readyState === 'ended')).to.equal(true);
    view.remove();
  });

  it('error handling: a bad token is a coded error the sample reports; media is acquired fine', async () => {
    const errors = consoleLines('error');
    try {
      (window as unknown as { SAMPLE_TOKEN?: string }).SAMPLE_TOKEN = 'not-a-room-token';
      const { connecting } = await run<{ connecting: Promise<unknown> }>('errors', 'Alice');
      await connecting;
      await until(() => errors.lines, (lines) => lines.some((l) => l.startsWith('Failed to join Room: 20101')), 'the sample reporting 20101');
      expect(errors.lines.filter((l) => l.startsWith('Failed to acquire media'))).to.deep.equal([]);
    } finally {
      delete (window as unknown as { SAMPLE_TOKEN?: string }).SAMPLE_TOKEN;
      errors.restore();
    }
  });

  it('disconnected: another client with the same identity ends the session with 53205, which the sample logs; a SignalWire-style script sees the members and removes one', async () => {
    const logs = consoleLines('log');
    const moderator = new RoomSession({ token: await roomToken({ room: 'my-cool-room', identity: 'Moderator', permissions: MODERATOR }), audio: false, video: false });
    try {
      const joinedMembers: string[] = [];
      moderator.on('member.joined', (e) => joinedMembers.push(e.member.name));
      await moderator.join();
      const first = await (await run<{ joined: Promise<Room> }>('disconnected', 'Alice')).joined;
      await until(() => joinedMembers, (names) => names.includes('Alice'), 'member.joined for Alice');
      expect((await moderator.getMembers()).members.map((m) => m.name)).to.include('Alice');
      // SignalWire's remoteStream: what the moderator receives, Alice's camera and microphone.
      const remote = await until(() => moderator.remoteStream, (stream) => (stream?.getTracks().length ?? 0) >= 2, "Alice's tracks in remoteStream");
      expect(remote!.getTracks().map((t) => t.kind).sort()).to.deep.equal(['audio', 'video']);
      expect(moderator.iceServers).to.deep.equal([]);
      // Alice again, from another client: the first one is out.
      const disconnected = next(first, 'disconnected');
      const second = await (await run<{ joined: Promise<Room> }>('disconnected', 'Alice')).joined;
      const [room, error] = await disconnected;
      expect(room).to.equal(first);
      expect(error).to.include({ name: 'ParticipantDuplicateIdentityError', code: 53205 });
      expect(logs.lines.some((l) => l.startsWith('You were disconnected from the Room: 53205'))).to.equal(true);
      expect(first.state).to.equal('disconnected');
      // The moderator removes her: like a REST removal on Twilio, that is no error.
      const removed = next(second, 'disconnected');
      await moderator.removeMember({ memberId: second.localParticipant.sid });
      const [, removal] = await removed;
      expect(removal).to.equal(null);
    } finally {
      logs.restore();
      moderator.destroy();
    }
  });

  it('media warnings: recording-media-lost while the room is recorded and the microphone sends nothing, cleared when it sends again', async () => {
    const moderator = new RoomSession({ token: await roomToken({ room: 'my-cool-room', identity: 'Moderator', permissions: MODERATOR }), audio: false, video: false });
    const logs = consoleLines('log');
    try {
      await moderator.join();
      const started = new Promise((resolve) => moderator.once('recording.started', resolve));
      // Janus reports media lost only after media arrived: Alice's microphone reaches the moderator first.
      const heard = new Promise((resolve) =>
        moderator.on('trackStarted', (e) => e.track.kind === 'audio' && e.participant.identity === 'Alice' && resolve(e)),
      );
      const { room } = await run<{ room: Room }>('warnings', 'Alice');
      const recording = await moderator.startRecording();
      await started;
      await until(() => room.isRecording, (on) => on, 'the room recorded, as Alice sees it');
      await heard;
      // The microphone stops sending (as a broken capture would). The camera works as well, once
      // its video reached the moderator (three runs of each).
      const microphone = [...room.localParticipant.audioTracks.values()][0] as LocalTrackPublication;
      const warned = next(microphone, 'warning');
      const track = microphone.track as unknown as { mediaStreamTrack: MediaStreamTrack; restart(): Promise<void> };
      track.mediaStreamTrack.stop();
      const [name] = await warned;
      expect(name).to.equal('recording-media-lost');
      expect(logs.lines.some((l) => l.startsWith('LocalTrack ') && l.endsWith('is not recording media.'))).to.equal(true);
      const cleared = next(microphone, 'warningsCleared');
      await track.restart();
      await cleared;
      expect(logs.lines.some((l) => l.endsWith('warnings have cleared!'))).to.equal(true);
      await recording.stop();
      await leave(room);
    } finally {
      logs.restore();
      moderator.destroy();
    }
  });

  it('track events across participants: a data track message, disable and enable, network quality levels', async () => {
    const tokenOf = (identity: string) => roomToken({ room: 'my-cool-room', identity });
    const bob = await connect(await tokenOf('Bob'), { name: 'my-cool-room', audio: false, video: false, networkQuality: { local: 1, remote: 1 } });
    const data = new LocalDataTrack({ name: 'chat' });
    const tracks = [...(await createLocalTracks()), data];
    const subscribed = next(bob, 'trackSubscribed', (track: { kind: string }) => track.kind === 'video');
    const alice = await connect(await tokenOf('Alice'), { name: 'my-cool-room', tracks, networkQuality: true });
    try {
      const [remoteVideo, participant] = await subscribed;
      expect((participant as RemoteParticipant).identity).to.equal('Alice');
      // Data: the first message brings the data track (published and subscribed), then the message.
      const dataSubscribed = next(participant, 'trackSubscribed', (track: { kind: string }) => track.kind === 'data');
      const message = next(bob, 'trackMessage');
      // Nothing says when Bob's subscription to Alice's data channel is up: she says it until he hears it.
      const saying = setInterval(() => data.send('hello'), 200);
      const [dataTrack] = await dataSubscribed;
      const [text, track, sender] = await message.finally(() => clearInterval(saying));
      expect(text).to.equal('hello');
      expect(track).to.equal(dataTrack);
      expect(sender).to.equal(participant);
      expect(participant.dataTracks.size).to.equal(1);
      // Alice turns her camera off and on: Bob's room, participant, publication and track all say so.
      const camera = tracks.find((t) => t.kind === 'video') as unknown as { disable(): void; enable(): void };
      const publication = [...participant.videoTracks.values()][0]!;
      const disabled = next(bob, 'trackDisabled');
      const trackDisabled = next(remoteVideo, 'disabled');
      camera.disable();
      const [offTrack, offParticipant] = await disabled;
      await trackDisabled;
      expect([offTrack, offParticipant]).to.deep.equal([remoteVideo, participant]);
      expect(publication.isTrackEnabled).to.equal(false);
      const enabled = next(bob, 'trackEnabled');
      camera.enable();
      await enabled;
      expect(publication.isTrackEnabled).to.equal(true);
      // networkQuality: the local participant's level arrives (0 to 5).
      const [level] = await next(alice.localParticipant, 'networkQualityLevelChanged', (l: number | null) => l !== null);
      expect(level).to.be.within(0, 5);
      expect(alice.localParticipant.networkQualityLevel).to.equal(level);
    } finally {
      await leave(alice);
      await leave(bob);
      tracks.forEach((t) => (t as { stop?: () => void }).stop?.());
    }
  });

  it('the SignalWire emitter: unknown event names and non-function handlers are refused; once fires once; off detaches', async () => {
    const session = new RoomSession({ token: await roomToken({ room: 'my-cool-room', identity: 'Carol' }), audio: false, video: false });
    expect(() => session.on('no.such.event' as never, () => {})).to.throw(RangeError);
    expect(() => session.on('room.joined', 'nope' as never)).to.throw(TypeError);
    let joined = 0;
    let left = 0;
    const onLeft = () => left++;
    session.once('room.joined', () => joined++).on('room.left', onLeft).off('room.left', onLeft);
    await session.join();
    await session.leave();
    await session.join();
    await session.leave();
    expect(joined).to.equal(1);
    expect(left).to.equal(0);
    session.destroy();
    const error = await session.join().then(() => null, (e: Error) => e);
    expect(error?.name).to.equal('InvalidStateError');
  });
});

// The code samples of Twilio's best practices (twilio-video-best-practices.txt), each in
// ./twilio-samples with only its import and token lines changed (plus an `export` line marked
// "test hook" so the test can see the sample's own variables), run against real Janus, the room
// service and Chromium's fake camera and microphone. Every sample joins `my-cool-room`, as
// written; each test leaves it before the next starts.
import { expect } from '@open-wc/testing';
import type { LocalVideoTrack, RemoteMediaTrack, RemoteParticipant, RemoteTrackPublication, Room } from '../../dist/src/twilio/index.js';
import { decodedFrame, until } from '../support/helpers.js';
import { leaveAll, next, run } from './twilio-helpers.js';

/** A room joined by the test itself (an observer), with plain `connect`. */
async function observer(identity: string): Promise<Room> {
  const { room } = await run<{ room: Room }>('remoteuser', identity);
  return room;
}

/** A video element that decodes `track`'s frames (attached the way Twilio apps do). */
async function framesOf(track: { attach(): HTMLMediaElement }): Promise<{ width: number; height: number }> {
  const video = track.attach() as HTMLVideoElement;
  document.body.append(video);
  try {
    return await decodedFrame(video);
  } finally {
    video.remove();
  }
}

const participantNamed = (room: Room, identity: string) =>
  until(() => [...room.participants.values()].find((p) => p.identity === identity), (p): p is RemoteParticipant => p !== undefined, `${identity} in the room`);

describe('Twilio best-practices samples on Janus (import and token changed)', () => {
  afterEach(async () => {
    await leaveAll();
    document.querySelectorAll('#divContainer, #local-video').forEach((element) => element.remove());
  });

  it('isSupported is true in Chromium', async () => {
    await run('supported', 'Nobody');
    expect((window as unknown as { SAMPLE_SUPPORTED?: boolean }).SAMPLE_SUPPORTED).to.equal(true);
  });

  it('pre-acquired tracks: the preview shows the camera, and the room publishes those very tracks', async () => {
    document.body.insertAdjacentHTML('beforeend', '<div id="divContainer"></div>');
    const bob = await observer('Bob');
    const subscribed = next(bob, 'trackSubscribed', (track: { kind: string }) => track.kind === 'video');
    const { tracks, room } = await run<{ tracks: LocalVideoTrack[]; room: Room }>('preacquire', 'Alice');
    const preview = document.querySelector<HTMLVideoElement>('#divContainer video')!;
    expect((await decodedFrame(preview)).width).to.be.greaterThan(0);
    const published = [...room.localParticipant.tracks.values()].map((p) => p.track);
    expect(published).to.have.members(tracks);
    expect(room.name).to.equal('my-cool-room');
    const [track, participant] = await subscribed;
    expect((participant as RemoteParticipant).identity).to.equal('Alice');
    expect((await framesOf(track as LocalVideoTrack)).width).to.be.greaterThan(0);
    // Pre-acquired tracks are the page's: leaving does not stop them.
    const left = next(room, 'disconnected');
    room.disconnect();
    const [, error] = await left;
    expect(error).to.equal(null);
    expect(tracks.every((t) => t.mediaStreamTrack.readyState === 'live')).to.equal(true);
    tracks.forEach((t) => t.stop());
  });

  it('camera restart: the published camera is captured again and the others keep decoding it', async () => {
    const bob = await observer('Bob');
    const { room, cameraTrack, restarted } = await run<{ room: Room; cameraTrack: LocalVideoTrack; restarted: Promise<void> }>('restart', 'Alice');
    const before = cameraTrack.mediaStreamTrack;
    await restarted;
    expect(before.readyState).to.equal('ended');
    expect(cameraTrack.mediaStreamTrack).to.not.equal(before);
    expect(cameraTrack.mediaStreamTrack.readyState).to.equal('live');
    expect(cameraTrack.isStarted).to.equal(true);
    // The new capture goes out on the same publication: Bob's video of Alice keeps coming.
    const alice = await participantNamed(bob, 'Alice');
    const publication = await until(() => [...alice.videoTracks.values()][0], (p): p is RemoteTrackPublication => p?.track != null, "Alice's video");
    expect((await framesOf(publication.track as RemoteMediaTrack)).width).to.be.greaterThan(0);
    expect([...room.localParticipant.videoTracks.values()][0]!.track).to.equal(cameraTrack);
  });

  it('camera switch (SDK 2.6 and below): stop, unpublish, publish another; the others see it unpublished, then the new one', async () => {
    const bob = await observer('Bob');
    const unpublished = next(bob, 'trackUnpublished', (publication: RemoteTrackPublication) => publication.kind === 'video');
    const published = next(bob, 'trackSubscribed', (track: { kind: string }, participant: RemoteParticipant) => track.kind === 'video' && participant.identity === 'Alice');
    const { room, backFacingTrack, frontFacingTrack } = await run<{ room: Room; backFacingTrack: LocalVideoTrack; frontFacingTrack: LocalVideoTrack }>('switch-camera', 'Alice');
    expect(frontFacingTrack.isStopped).to.equal(true);
    await until(() => [...room.localParticipant.videoTracks.values()][0]?.track, (t) => t === backFacingTrack, 'the back camera published');
    await unpublished;
    const [track] = await published;
    expect((await framesOf(track as LocalVideoTrack)).width).to.be.greaterThan(0);
  });

  it('microphone test: the level of the fake microphone rises above 0', async () => {
    (window as unknown as { SAMPLE_LEVELS: number[] }).SAMPLE_LEVELS = [];
    const { audioTrack } = await run<{ audioTrack: { stop(): void } }>('testmic', 'Nobody');
    await until(() => (window as unknown as { SAMPLE_LEVELS: number[] }).SAMPLE_LEVELS, (levels) => levels.some((level) => level > 0), 'a level above 0');
    audioTrack.stop();
  });

  it('camera test: the preview in #local-video decodes frames', async () => {
    document.body.insertAdjacentHTML('beforeend', '<div id="local-video"></div>');
    const { videoTrack, videoElement } = await run<{ videoTrack: LocalVideoTrack; videoElement: HTMLVideoElement }>('testcamera', 'Nobody');
    expect(videoElement.parentElement?.id).to.equal('local-video');
    expect((await decodedFrame(videoElement)).width).to.be.greaterThan(0);
    videoTrack.stop();
    expect(videoTrack.mediaStreamTrack.readyState).to.equal('ended');
  });

  it('backgrounding: the mobile user unpublishes its camera while hidden and publishes a new one when shown; the remote user sees unsubscribed, then subscribed', async () => {
    const { room: remote } = await run<{ room: Room }>('remoteuser', 'Remote');
    const { room: mobile } = await run<{ room: Room }>('mobileuser', 'Mobile');
    const participant = await participantNamed(remote, 'Mobile');
    const publication = await until(() => [...participant.videoTracks.values()][0], (p): p is RemoteTrackPublication => p?.isSubscribed === true, 'the mobile video subscribed');
    const visibility = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState')!;
    try {
      // Hidden: the sample stops and unpublishes its camera.
      const unsubscribed = next(publication, 'unsubscribed');
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
      await unsubscribed;
      await until(() => participant.videoTracks.size, (size) => size === 0, 'the video unpublished');
      expect(mobile.localParticipant.videoTracks.size).to.equal(0);
      // Shown again: a new camera is published, and subscribed to on the other side.
      const published = next(participant, 'trackPublished', (p: RemoteTrackPublication) => p.kind === 'video');
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
      document.dispatchEvent(new Event('visibilitychange'));
      const [again] = await published;
      const [track] = await next(again, 'subscribed');
      expect((await framesOf(track as LocalVideoTrack)).width).to.be.greaterThan(0);
      expect(mobile.localParticipant.videoTracks.size).to.equal(1);
    } finally {
      delete (document as unknown as Record<string, unknown>)['visibilityState'];
      Object.defineProperty(Document.prototype, 'visibilityState', visibility);
    }
  });

  it('closing the tab: the beforeunload listener disconnects, and the others are told at once', async () => {
    const bob = await observer('Bob');
    const { room, tracks } = await run<{ room: Room; tracks: LocalVideoTrack[] }>('unload', 'Alice');
    await participantNamed(bob, 'Alice');
    const gone = next(bob, 'participantDisconnected', (p: RemoteParticipant) => p.identity === 'Alice');
    const left = next(room, 'disconnected');
    window.dispatchEvent(new Event('beforeunload'));
    await left;
    const [participant] = await gone;
    expect((participant as RemoteParticipant).state).to.equal('disconnected');
    expect(bob.participants.size).to.equal(0);
    tracks.forEach((t) => t.stop());
  });
});

// Muting on the real Janus: everyone learns each change (member.updated, trackDisabled /
// trackEnabled), a late joiner sees the current state, the camera is released while muted, and
// the same mid carries new frames after unmuting (no new publisher, no renegotiation).
import { expect } from '@open-wc/testing';
import type { MemberUpdatedDetail, RoomJoinedDetail, TrackEventDetail, VideoRoom } from '../../dist/src/index.js';
import '../../dist/src/index.js';
import {
  aliceAndBob,
  decodedFrame,
  inboundStats,
  nextEvent,
  participantsOnServer,
  present,
  roomElement,
  tileFor,
  uniqueRoom,
  until,
} from '../support/helpers.js';

/** The next member.updated on `room` about `memberId` that changed `field`. */
const updated = (room: VideoRoom, memberId: string, field: MemberUpdatedDetail['member']['updated'][number]) =>
  nextEvent<MemberUpdatedDetail>(room, 'member.updated', (d) => d.member.id === memberId && d.member.updated.includes(field));

/** The tile `viewer` shows for `memberId`, once rendered. */
async function tile(viewer: VideoRoom, memberId: string) {
  const found = await until(() => tileFor(viewer, memberId), present, 'the tile');
  await found.updateComplete;
  return found;
}

const part = (element: Element, name: string) => element.shadowRoot!.querySelector(`[part="${name}"]`);

describe('muting', () => {
  it('tells everyone, releases the devices, shows it on tiles and to late joiners, and resumes with new frames', async () => {
    const { connections, roomName, alice, bob, remoteVideo, remoteAudio } = await aliceAndBob('mute');
    const aliceId = alice.memberId!;
    const publisherBefore = (await participantsOnServer(roomName)).find((p) => p.id === aliceId);

    // The microphone first.
    const microphone = alice.localAudioTrack!;
    const bobHearsMute = updated(bob, aliceId, 'audio_muted');
    const aliceHearsMute = updated(alice, aliceId, 'audio_muted');
    const audioDisabled = nextEvent<TrackEventDetail>(bob, 'trackDisabled', (d) => d.track.kind === 'audio');
    await alice.audioMute();
    const muted = (await bobHearsMute).detail;
    expect(muted.member).to.include({ id: aliceId, name: 'Alice', audio_muted: true, video_muted: false, deaf: false });
    expect(muted.member.updated).to.deep.equal(['audio_muted']);
    expect(muted.room_id).to.equal(roomName);
    expect((await aliceHearsMute).detail.member).to.include({ local: true, audio_muted: true });
    const disabled = (await audioDisabled).detail;
    expect(disabled.participant.sid).to.equal(aliceId);
    expect(disabled.track.isEnabled).to.equal(false);
    expect(disabled.publication.isTrackEnabled).to.equal(false);
    expect(microphone.readyState, 'the microphone is released (stopMicrophoneWhileMuted)').to.equal('ended');

    // Then the camera.
    const camera = alice.localVideoTrack!;
    const bobSeesCameraOff = updated(bob, aliceId, 'video_muted');
    const videoDisabled = nextEvent<TrackEventDetail>(bob, 'trackDisabled', (d) => d.track.kind === 'video');
    await alice.videoMute();
    const cameraOff = (await bobSeesCameraOff).detail.member;
    expect(cameraOff).to.include({ audio_muted: true, video_muted: true });
    expect(cameraOff.updated).to.deep.equal(['video_muted']);
    expect((await videoDisabled).detail.participant.identity).to.equal('Alice');
    expect(camera.readyState, 'the camera light is off (stopCameraWhileMuted)').to.equal('ended');
    expect(alice.localVideoTrack).to.equal(null);

    // Bob's tile for Alice shows it: placeholder, mute icon, state in its accessible name.
    const aliceOnBob = await tile(bob, aliceId);
    await until(() => aliceOnBob.hasAttribute('video-muted') && aliceOnBob.hasAttribute('audio-muted'), Boolean, 'the muted tile');
    await aliceOnBob.updateComplete;
    expect(part(aliceOnBob, 'placeholder')!.textContent).to.equal('A');
    expect(part(aliceOnBob, 'mute-indicator')).to.not.equal(null);
    expect(aliceOnBob.getAttribute('aria-label')).to.equal('Alice, microphone muted, camera off');
    expect((part(aliceOnBob, 'video') as HTMLVideoElement).srcObject).to.equal(null);

    // A late joiner sees Alice muted, in room.joined and on her tile.
    const carol = await roomElement(roomName, 'Carol');
    const carolJoined = nextEvent<RoomJoinedDetail>(carol, 'room.joined');
    await carol.join();
    const aliceForCarol = (await carolJoined).detail.room_session.members.find((m) => m.id === aliceId);
    expect(aliceForCarol).to.include({ audio_muted: true, video_muted: true });
    const aliceOnCarol = await tile(carol, aliceId);
    expect(aliceOnCarol.hasAttribute('video-muted') && aliceOnCarol.hasAttribute('audio-muted')).to.equal(true);

    // Unmuting the camera: Bob learns, and decodes frames that are new.
    const framesWhileMuted = (await inboundStats(connections, remoteVideo)).framesDecoded ?? 0;
    const bobSeesCameraOn = updated(bob, aliceId, 'video_muted');
    const videoEnabled = nextEvent<TrackEventDetail>(bob, 'trackEnabled', (d) => d.track.kind === 'video');
    await alice.videoUnmute();
    expect((await bobSeesCameraOn).detail.member.video_muted).to.equal(false);
    expect((await videoEnabled).detail.track.mediaStreamTrack).to.equal(remoteVideo);
    expect(alice.localVideoTrack!.readyState).to.equal('live');
    expect(alice.localVideoTrack).to.not.equal(camera);
    await until(
      async () => (await inboundStats(connections, remoteVideo)).framesDecoded ?? 0,
      (frames) => frames > framesWhileMuted + 10,
      'new frames from Alice',
    );
    await until(() => !aliceOnBob.hasAttribute('video-muted'), Boolean, 'the tile to show video again');
    await aliceOnBob.updateComplete;
    expect((await decodedFrame(part(aliceOnBob, 'video') as HTMLVideoElement)).width).to.be.greaterThan(0);

    // And the microphone: audio energy arrives again.
    const energyWhileMuted = (await inboundStats(connections, remoteAudio)).totalAudioEnergy ?? 0;
    const bobHearsUnmute = updated(bob, aliceId, 'audio_muted');
    await alice.audioUnmute();
    expect((await bobHearsUnmute).detail.member.audio_muted).to.equal(false);
    await until(
      async () => (await inboundStats(connections, remoteAudio)).totalAudioEnergy ?? 0,
      (energy) => energy > energyWhileMuted,
      'audio from Alice again',
    );

    // All of it on the PeerConnections Alice had: Janus still lists one publisher for her.
    const publisherAfter = (await participantsOnServer(roomName)).find((p) => p.id === aliceId);
    expect(publisherAfter).to.deep.include({ publisher: true });
    expect(publisherAfter?.id).to.equal(publisherBefore?.id);
  });

  it('deafens: the member hears nobody and its microphone is muted, and everyone knows', async () => {
    const roomName = uniqueRoom('deaf');
    const alice = await roomElement(roomName, 'Alice');
    const bob = await roomElement(roomName, 'Bob');
    await alice.join();
    const aliceHearsBob = nextEvent<TrackEventDetail>(alice, 'trackSubscribed', (d) => d.track.kind === 'audio');
    await bob.join();
    const bobAudio = (await aliceHearsBob).detail.track.mediaStreamTrack;

    const bobSeesDeaf = updated(bob, alice.memberId!, 'deaf');
    await alice.deaf();
    const deaf = (await bobSeesDeaf).detail.member;
    expect(deaf).to.include({ deaf: true, audio_muted: true });
    expect(deaf.updated).to.have.members(['audio_muted', 'deaf']);
    expect(bobAudio.enabled, "Bob's audio is silenced for Alice").to.equal(false);
    expect(alice.members.find((m) => m.local)).to.include({ deaf: true, audio_muted: true });

    const bobSeesUndeaf = updated(bob, alice.memberId!, 'deaf');
    await alice.undeaf();
    expect((await bobSeesUndeaf).detail.member).to.include({ deaf: false });
    expect(bobAudio.enabled).to.equal(true);
    expect(alice.localAudioTrack!.readyState, 'undeaf unmutes the microphone, as SignalWire does').to.equal('live');
  });

  it('joins muted when muted before joining, and publishes the source on the first unmute', async () => {
    const roomName = uniqueRoom('premute');
    const alice = await roomElement(roomName, 'Alice');
    const bob = await roomElement(roomName, 'Bob');
    await bob.join();
    const captures: MediaStreamConstraints[] = [];
    const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = (constraints) => {
      captures.push(constraints ?? {});
      return getUserMedia(constraints);
    };
    after(() => {
      navigator.mediaDevices.getUserMedia = getUserMedia;
    });
    await alice.videoMute();
    const aliceJoined = nextEvent<MemberEventLike>(bob, 'member.joined');
    await alice.join();
    expect((await aliceJoined).detail.member).to.include({ video_muted: true });
    expect(captures.map((c) => Boolean(c.video)), 'the camera was never turned on').to.deep.equal([false]);

    const published = nextEvent<TrackEventDetail>(bob, 'trackStarted', (d) => d.track.kind === 'video' && d.participant.sid === alice.memberId);
    await alice.videoUnmute();
    expect((await published).detail.track.isEnabled).to.equal(true);
    expect((await participantsOnServer(roomName)).filter((p) => p.id === alice.memberId)).to.have.length(1);
  });

  it('turns the camera off while the page is hidden, when asked to (the default on mobile browsers)', async () => {
    const roomName = uniqueRoom('background');
    const alice = await roomElement(roomName, 'Alice');
    alice.setAttribute('stop-camera-in-background', '');
    const bob = await roomElement(roomName, 'Bob');
    await alice.join();
    await bob.join();
    const visibility = (state: DocumentVisibilityState) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
      document.dispatchEvent(new Event('visibilitychange'));
    };
    after(() => {
      delete (document as { visibilityState?: unknown }).visibilityState;
    });
    const camera = alice.localVideoTrack!;
    const off = updated(bob, alice.memberId!, 'video_muted');
    visibility('hidden');
    expect((await off).detail.member.video_muted).to.equal(true);
    expect(camera.readyState).to.equal('ended');
    const on = updated(bob, alice.memberId!, 'video_muted');
    visibility('visible');
    expect((await on).detail.member.video_muted).to.equal(false);
    expect(alice.localVideoTrack!.readyState).to.equal('live');

    // A camera the member turned off stays off when the page comes back.
    await alice.videoMute();
    visibility('hidden');
    visibility('visible');
    await alice.updateComplete;
    expect(alice.members.find((m) => m.local)!.video_muted).to.equal(true);
  });

  it('refuses to mute another member: that needs a room service', async () => {
    const roomName = uniqueRoom('mute-other');
    const alice = await roomElement(roomName, 'Alice');
    await alice.join();
    const errorEvent = nextEvent<{ error: Error }>(alice, 'error');
    const error = await alice.audioMute({ memberId: 'someone-else' }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error).to.include({ name: 'AccessTokenGrantsInvalidError', code: 20106 });
    expect((await errorEvent).detail.error).to.equal(error);
    expect(alice.members[0]!.audio_muted).to.equal(false);
  });
});

type MemberEventLike = { member: { video_muted: boolean } };

// Switching devices mid-call on the real Janus: the track is replaced on the PeerConnection Alice
// already has (no new publisher, no renegotiation), the other member keeps decoding, and the
// SignalWire device events fire. Chromium lists two fake cameras and three fake microphones.
import { expect } from '@open-wc/testing';
import type { DeviceDisconnectedDetail, DeviceUpdatedDetail, VideoRoom } from '../../dist/src/index.js';
import '../../dist/src/index.js';
import {
  aliceAndBob,
  inboundStats,
  nextEvent,
  participantsOnServer,
  present,
  tileFor,
  until,
} from '../support/helpers.js';

async function devices(kind: MediaDeviceKind): Promise<MediaDeviceInfo[]> {
  return (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === kind && d.deviceId !== 'default');
}

/** The default fake camera and another one that WebRTC can encode (fake_device_1 sends depth frames). */
async function cameras(): Promise<[MediaDeviceInfo, MediaDeviceInfo]> {
  const list = await devices('videoinput');
  return [list.find((c) => c.label === 'fake_device_0')!, list.find((c) => c.label === 'fake_device_2')!];
}

/** Resolves once `track`'s receiver has decoded `count` more frames than now. */
async function moreFrames(connections: RTCPeerConnection[], track: MediaStreamTrack, count: number): Promise<void> {
  const start = (await inboundStats(connections, track)).framesDecoded ?? 0;
  await until(async () => (await inboundStats(connections, track)).framesDecoded ?? 0, (n) => n >= start + count, 'more decoded frames');
}

/** A moving 320x240 canvas, as a page would publish instead of its camera. */
function canvasStream(): MediaStream {
  const canvas = document.createElement('canvas');
  canvas.width = 320;
  canvas.height = 240;
  const context = canvas.getContext('2d')!;
  let hue = 0;
  const timer = setInterval(() => {
    context.fillStyle = `hsl(${(hue += 10) % 360} 80% 50%)`;
    context.fillRect(0, 0, 320, 240);
  }, 50);
  after(() => clearInterval(timer));
  return canvas.captureStream(20);
}

const widthOnTile = async (viewer: VideoRoom, memberId: string) => {
  const tile = await until(() => tileFor(viewer, memberId), present, 'the tile');
  return () => tile.shadowRoot!.querySelector('video')!.videoWidth;
};

describe('switching devices mid-call', () => {
  it('replaces the camera on the same PeerConnection: Bob keeps decoding, Janus sees no new publisher', async () => {
    const { connections, roomName, alice, bob, remoteVideo } = await aliceAndBob('camera');
    const peerConnections = connections.length;
    const [first, second] = await cameras();
    expect(alice.cameraId).to.equal(first!.deviceId);
    expect(alice.cameraLabel).to.equal('fake_device_0');
    const oldTrack = alice.localVideoTrack!;
    const publisherBefore = (await participantsOnServer(roomName)).find((p) => p.id === alice.memberId);

    const updated = nextEvent<DeviceUpdatedDetail>(alice, 'camera.updated');
    await alice.updateCamera({ deviceId: { exact: second!.deviceId } });
    expect((await updated).detail).to.deep.equal({
      previous: { deviceId: first!.deviceId, label: 'fake_device_0' },
      current: { deviceId: second!.deviceId, label: 'fake_device_2' },
    });
    expect(alice.cameraId).to.equal(second!.deviceId);
    expect(oldTrack.readyState, 'the old camera is released').to.equal('ended');
    expect(alice.localVideoTrack!.readyState).to.equal('live');
    expect(alice.localStream!.getVideoTracks()).to.deep.equal([alice.localVideoTrack]);
    await moreFrames(connections, remoteVideo, 15);

    expect(connections.length, 'no new PeerConnection').to.equal(peerConnections);
    const publishers = (await participantsOnServer(roomName)).filter((p) => p.publisher);
    expect(publishers.map((p) => p.id)).to.have.members([alice.memberId, bob.memberId]);
    expect(publishers.find((p) => p.id === alice.memberId)).to.deep.equal(publisherBefore);
  });

  it("publishes the page's own stream (setLocalStream) in the camera's place, and never stops it", async () => {
    const { connections, alice, bob, remoteVideo } = await aliceAndBob('canvas');
    const width = await widthOnTile(bob, alice.memberId!);
    await until(width, (w) => w === 640, "the camera's width on Bob's tile");
    const stream = canvasStream();
    const canvasTrack = stream.getVideoTracks()[0]!;
    const updated = nextEvent<DeviceUpdatedDetail>(alice, 'camera.updated');
    alice.setLocalStream(stream);
    // What the browser says of the canvas track (Chromium gives it a generated id).
    expect((await updated).detail.current).to.deep.equal({ deviceId: canvasTrack.getSettings().deviceId ?? '', label: canvasTrack.label });
    await until(width, (w) => w === 320, "the canvas's width on Bob's tile");
    await moreFrames(connections, remoteVideo, 10);
    expect(alice.localVideoTrack).to.equal(canvasTrack);

    await alice.leave();
    expect(canvasTrack.readyState, 'the page owns it').to.equal('live');
  });

  it('switches the microphone: microphone.updated, and Bob keeps hearing', async () => {
    const { connections, alice, remoteAudio } = await aliceAndBob('microphone');
    const microphones = await devices('audioinput');
    const other = microphones.find((m) => m.deviceId !== alice.microphoneId)!;
    const updated = nextEvent<DeviceUpdatedDetail>(alice, 'microphone.updated');
    await alice.updateMicrophone({ deviceId: { exact: other.deviceId } });
    expect((await updated).detail.current).to.deep.equal({ deviceId: other.deviceId, label: other.label });
    expect(alice.microphoneLabel).to.equal(other.label);
    const energy = (await inboundStats(connections, remoteAudio)).totalAudioEnergy ?? 0;
    await until(async () => (await inboundStats(connections, remoteAudio)).totalAudioEnergy ?? 0, (e) => e > energy, 'audio after the switch');
  });

  it('falls back to the default camera when the one in use is unplugged', async () => {
    const { connections, alice, remoteVideo } = await aliceAndBob('unplug');
    const [first, second] = await cameras();
    await alice.updateCamera({ deviceId: { exact: second!.deviceId } });
    // Unplugging: the browser no longer lists the device, and says so with devicechange.
    const enumerate = navigator.mediaDevices.enumerateDevices.bind(navigator.mediaDevices);
    navigator.mediaDevices.enumerateDevices = async () => (await enumerate()).filter((d) => d.deviceId !== second!.deviceId);
    after(() => {
      navigator.mediaDevices.enumerateDevices = enumerate;
    });
    const disconnected = nextEvent<DeviceDisconnectedDetail>(alice, 'camera.disconnected');
    const updated = nextEvent<DeviceUpdatedDetail>(alice, 'camera.updated');
    navigator.mediaDevices.dispatchEvent(new Event('devicechange'));
    expect((await disconnected).detail).to.deep.equal({ deviceId: second!.deviceId, label: 'fake_device_2' });
    expect((await updated).detail.current.deviceId).to.equal(first!.deviceId);
    expect(alice.cameraId).to.equal(first!.deviceId);
    await moreFrames(connections, remoteVideo, 10);
  });

  it('rejects a camera that does not exist with OverconstrainedError, keeping the one in use', async () => {
    const { connections, alice, remoteVideo } = await aliceAndBob('badcamera');
    const camera = alice.localVideoTrack!;
    const errorEvent = nextEvent<{ error: Error }>(alice, 'error');
    const error = await alice.updateCamera({ deviceId: { exact: 'no-such-camera' } }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.name).to.equal('OverconstrainedError');
    expect((await errorEvent).detail.error).to.equal(error);
    expect(alice.localVideoTrack).to.equal(camera);
    expect(camera.readyState).to.equal('live');
    await moreFrames(connections, remoteVideo, 5);
  });
});

// Extra cameras and microphones (SignalWire addCamera / addMicrophone / addDevice) on the real
// Janus: each a member of type "device" with its owner in parent_id, joined when asked.
import { expect } from '@open-wc/testing';
import type { MemberEventDetail, TrackPublicationEventDetail } from '../../dist/src/index.js';
import '../../dist/src/index.js';
import { aliceAndBob, captureTracks, decodedFrame, inboundStats, nextEvent, participantsOnServer, present, rejection, roomElement, tileFor, uniqueRoom, until } from '../support/helpers.js';

/** fake_device_2: a second camera WebRTC can encode (fake_device_1 sends depth frames). */
async function secondCamera(): Promise<MediaDeviceInfo> {
  const cameras = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
  return cameras.find((c) => c.label === 'fake_device_2')!;
}

describe('extra devices', () => {
  it('addCamera({ autoJoin: false }) joins on join(): the others see a device member with frames; leave() removes it', async () => {
    const { roomName, alice, bob } = await aliceAndBob('device');
    const camera = await secondCamera();
    const device = await alice.addCamera({ autoJoin: false, deviceId: { exact: camera.deviceId } });
    expect(device).to.include({ type: 'device', state: 'new', active: false, localStream: null });
    expect(alice.deviceList).to.deep.equal([device]);
    expect((await participantsOnServer(roomName)).map((p) => p.id), 'not in the room before join()').to.not.include(device.memberId);

    const joined = nextEvent<MemberEventDetail>(bob, 'member.joined', (d) => d.member.type === 'device');
    const published = nextEvent<TrackPublicationEventDetail>(bob, 'trackPublished', (d) => d.publication.trackName.startsWith('camera-'));
    await device.join();
    expect(device.active).to.equal(true);
    expect(device.localVideoTrack!.getSettings().deviceId).to.equal(camera.deviceId);
    expect((await joined).detail.member).to.include({ id: device.memberId, type: 'device', parent_id: alice.memberId, name: 'Alice' });
    expect((await published).detail.participant.sid, 'Twilio: a second camera track of Alice').to.equal(alice.memberId);

    const tile = await until(() => tileFor(bob, device.memberId), present, 'the device tile on Bob');
    await tile.updateComplete;
    expect(tile.getAttribute('type')).to.equal('device');
    const frame = await decodedFrame(tile.shadowRoot!.querySelector('video')!);
    expect(frame.width).to.be.greaterThan(0);

    const left = nextEvent<MemberEventDetail>(bob, 'member.left', (d) => d.member.id === device.memberId);
    const track = device.localVideoTrack!;
    await device.leave();
    expect((await left).detail.member.type).to.equal('device');
    expect(track.readyState).to.equal('ended');
    expect(alice.deviceList).to.deep.equal([]);
    await until(() => participantsOnServer(roomName), (list) => !list.some((p) => p.id === device.memberId), 'the device gone from Janus');
    const again = await rejection(device.join());
    expect(again.name).to.equal('InvalidStateError');
  });

  it('leave() during join() cancels it: AbortError, and nothing captured, joined or published stays', async () => {
    const { roomName, alice } = await aliceAndBob('device-cancel');
    const captured = captureTracks();
    const device = await alice.addCamera({ autoJoin: false });
    const joining = device.join();
    await until(() => device.state, (state) => state === 'joining', 'the join started');
    await device.leave();
    expect((await rejection(joining)).name).to.equal('AbortError');
    expect(device.state).to.equal('left');
    expect(alice.deviceList).to.deep.equal([]);
    // A capture that arrives after the leave is stopped as it arrives.
    await until(() => captured.length > 0 && captured.every((t) => t.readyState === 'ended'), Boolean, 'the late capture stopped');
    const onServer = await participantsOnServer(roomName);
    expect(onServer.map((p) => p.id)).to.not.include(device.memberId);
    expect(alice.members.map((m) => m.type)).to.deep.equal(['member', 'member']);
  });

  it('addMicrophone publishes a second microphone that the others hear', async () => {
    const { connections, alice, bob } = await aliceAndBob('microphone');
    const joined = nextEvent<MemberEventDetail>(bob, 'member.joined', (d) => d.member.type === 'device');
    const device = await alice.addMicrophone({ deviceId: 'default' });
    expect(device.localAudioTrack).to.not.equal(null);
    expect(device.localVideoTrack).to.equal(null);
    expect((await joined).detail.member).to.include({ id: device.memberId, type: 'device', parent_id: alice.memberId });
    // It joins, then publishes: Bob sees it sending sound, and no picture.
    const onBob = await until(() => bob.members.find((m) => m.id === device.memberId), (m) => m?.audio_muted === false, 'its microphone on');
    expect(onBob).to.include({ video_muted: true });
    const heard = await until(() => bob.roomSession.snapshot.media.get(device.memberId)?.audio ?? null, present, 'the second microphone on Bob');
    await until(async () => (await inboundStats(connections, heard)).packetsReceived, (n) => n > 20, 'its packets');
  });

  it('refuses clearly: before joining, without audio or video, and bad options', async () => {
    const room = await roomElement(uniqueRoom('device-errors'), 'Alice');
    expect((await rejection(room.addCamera())).name).to.equal('InvalidStateError');
    expect((await rejection(room.startScreenShare())).name).to.equal('InvalidStateError');
    await room.join();
    expect((await rejection(room.addDevice({}))).name).to.equal('TypeError');
    expect((await rejection(room.addDevice(null as never))).name).to.equal('RangeError');
    expect(room.deviceList).to.deep.equal([]);
  });
});

// The elements a member uses for their own media, on the real Janus: <local-preview> before
// joining, <room-controls> from the keyboard alone, <device-select> switching a camera.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type {
  DeviceSelect,
  DeviceUpdatedDetail,
  LocalPreview,
  MemberUpdatedDetail,
  RoomControls,
  TrackEventDetail,
  VideoRoom,
} from '../../dist/src/index.js';
import '../../dist/src/index.js';
import { decodedFrame, janusUrl, nextEvent, present, roomElement, uniqueRoom, until } from '../support/helpers.js';

/** Counts getUserMedia calls from now on. */
function countCaptures(): () => number {
  let calls = 0;
  const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = (constraints) => {
    calls++;
    return original(constraints);
  };
  after(() => {
    navigator.mediaDevices.getUserMedia = original;
  });
  return () => calls;
}

/** The element that has focus, looking through shadow roots. */
function focused(): Element | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
}

const button = (controls: RoomControls, name: string) => controls.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="${name}"]`)!;

describe('<local-preview>', () => {
  it('shows the camera and a live microphone level before joining, and join() publishes those very tracks', async () => {
    const captures = countCaptures();
    const roomName = uniqueRoom('preview');
    const container = await fixture<HTMLDivElement>(html`<div>
      <local-preview for="previewed"></local-preview>
      <video-room id="previewed" server=${janusUrl()} room=${roomName} identity="Alice"></video-room>
    </div>`);
    const preview = container.querySelector<LocalPreview>('local-preview')!;
    const room = container.querySelector<VideoRoom>('video-room')!;

    const frame = await decodedFrame(await until(() => preview.shadowRoot!.querySelector('video')?.srcObject ? preview.shadowRoot!.querySelector('video') : null, present, 'the camera in the preview'));
    expect(frame.width).to.equal(640);
    // The fake microphone beeps: the level rises above silence.
    await until(() => preview.level, (level) => level > 0.2, 'a microphone level');
    const meter = preview.shadowRoot!.querySelector('[part="meter"]')!;
    expect(meter.getAttribute('role')).to.equal('meter');
    expect(Number(meter.getAttribute('aria-valuenow'))).to.be.greaterThan(0);
    await expect(preview).to.be.accessible();
    const camera = room.roomSession.localMedia.track('camera')!;
    const microphone = room.roomSession.localMedia.track('microphone')!;
    expect(captures()).to.equal(1);

    await room.join();
    expect(captures(), 'no second capture').to.equal(1);
    expect(room.localVideoTrack).to.equal(camera);
    expect(room.localAudioTrack).to.equal(microphone);
    // They are what the others receive.
    const bob = await roomElement(roomName, 'Bob');
    const seen = nextEvent<TrackEventDetail>(bob, 'trackStarted', (d) => d.track.kind === 'video');
    await bob.join();
    expect((await seen).detail.participant.identity).to.equal('Alice');

    // Leaving keeps the preview's tracks; removing the preview too releases the devices.
    await room.leave();
    expect(camera.readyState).to.equal('live');
    preview.remove();
    expect([camera.readyState, microphone.readyState]).to.deep.equal(['ended', 'ended']);
  });

  it('shows the camera as off when muted before joining, and the camera light is off', async () => {
    const container = await fixture<HTMLDivElement>(html`<div>
      <video-room id="premuted" server=${janusUrl()} room=${uniqueRoom('preview-muted')} identity="Alice"></video-room>
      <local-preview for="premuted"></local-preview>
    </div>`);
    const preview = container.querySelector<LocalPreview>('local-preview')!;
    const room = container.querySelector<VideoRoom>('video-room')!;
    const camera = await until(() => room.roomSession.localMedia.track('camera'), present, 'the preview camera');
    await room.videoMute();
    expect(camera.readyState).to.equal('ended');
    await preview.updateComplete;
    expect(preview.shadowRoot!.querySelector('[part="placeholder"]')!.textContent).to.equal('Camera off');
    await room.videoUnmute();
    await until(() => room.roomSession.localMedia.track('camera'), (t) => t?.readyState === 'live', 'the camera back');
  });
});

describe('<room-controls>', () => {
  it('works from the keyboard alone: Tab to each control, Space or Enter to press it', async () => {
    const roomName = uniqueRoom('keyboard');
    const container = await fixture<HTMLDivElement>(html`<div>
      <button id="before">before</button>
      <video-room server=${janusUrl()} room=${roomName} identity="Alice"><room-controls slot="controls"></room-controls></video-room>
    </div>`);
    const alice = container.querySelector<VideoRoom>('video-room')!;
    const controls = container.querySelector<RoomControls>('room-controls')!;
    await alice.join();
    const bob = await roomElement(roomName, 'Bob');
    await bob.join();
    await controls.updateComplete;
    await expect(controls).to.be.accessible();
    const microphone = button(controls, 'microphone');
    expect(microphone.getAttribute('aria-label')).to.equal('Mute microphone');
    expect(microphone.getAttribute('aria-pressed')).to.equal('false');

    container.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(microphone);
    // The tooltip shows on keyboard focus.
    const tooltip = microphone.parentElement!.querySelector('[part="tooltip"]')!;
    expect(tooltip.textContent).to.equal('Mute microphone');
    await until(() => getComputedStyle(tooltip).opacity, (o) => o === '1', 'the tooltip');

    const muted = nextEvent<MemberUpdatedDetail>(bob, 'member.updated', (d) => d.member.updated.includes('audio_muted'));
    await sendKeys({ press: 'Space' });
    expect((await muted).detail.member).to.include({ name: 'Alice', audio_muted: true });
    await until(() => microphone.getAttribute('aria-pressed'), (p) => p === 'true', 'the pressed state');
    expect(focused(), 'focus stays').to.equal(microphone);

    await sendKeys({ press: 'Tab' });
    const camera = button(controls, 'camera');
    expect(focused()).to.equal(camera);
    const cameraOff = nextEvent<MemberUpdatedDetail>(bob, 'member.updated', (d) => d.member.updated.includes('video_muted'));
    await sendKeys({ press: 'Enter' });
    expect((await cameraOff).detail.member.video_muted).to.equal(true);
    await until(() => camera.getAttribute('aria-pressed'), (p) => p === 'true', 'the camera toggle pressed');

    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focused()).to.equal(microphone);
    const unmuted = nextEvent<MemberUpdatedDetail>(bob, 'member.updated', (d) => d.member.updated.includes('audio_muted'));
    await sendKeys({ press: 'Enter' });
    expect((await unmuted).detail.member.audio_muted).to.equal(false);

    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(button(controls, 'leave'));
    const left = nextEvent(alice, 'room.left');
    await sendKeys({ press: 'Enter' });
    await left;
    expect(alice.active).to.equal(false);
  });

  it('cancels a join under way with its Leave button', async () => {
    const container = await fixture<HTMLDivElement>(html`<div>
      <video-room id="cancel" server=${janusUrl()} room=${uniqueRoom('cancel-button')} identity="Alice"></video-room>
      <room-controls for="cancel"></room-controls>
    </div>`);
    const room = container.querySelector<VideoRoom>('video-room')!;
    const controls = container.querySelector<RoomControls>('room-controls')!;
    const joining = room.join().then(
      () => 'joined',
      (error: Error) => error.name,
    );
    const leave = await until(() => controls.shadowRoot!.querySelector<HTMLButtonElement>('[part~="leave"]'), present, 'the Leave button');
    expect(leave.textContent!.trim()).to.equal('Cancel joining');
    leave.click();
    expect(await joining).to.equal('AbortError');
    expect(room.roomSession.state).to.equal('disconnected');
  });
});

describe('<device-select>', () => {
  it('lists the devices and switches the camera when one is picked', async () => {
    const container = await fixture<HTMLDivElement>(html`<div>
      <video-room id="picking" server=${janusUrl()} room=${uniqueRoom('pick')} identity="Alice"></video-room>
      <device-select for="picking"></device-select>
    </div>`);
    const room = container.querySelector<VideoRoom>('video-room')!;
    const picker = container.querySelector<DeviceSelect>('device-select')!;
    await room.join();
    const select = await until(
      () => picker.shadowRoot!.querySelector<HTMLSelectElement>('[part~="camera"] select'),
      (s): s is HTMLSelectElement => (s?.options.length ?? 0) === 3,
      'three cameras',
    );
    await expect(picker).to.be.accessible();
    expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal(['fake_device_0', 'fake_device_1', 'fake_device_2']);
    expect(select.value).to.equal(room.cameraId);
    expect(picker.shadowRoot!.querySelectorAll('[part~="microphone"] option').length).to.be.greaterThan(1);
    expect(picker.shadowRoot!.querySelector('[part~="speaker"] select')).to.not.equal(null);

    const target = [...select.options].find((o) => o.textContent!.trim() === 'fake_device_2')!.value;
    const changed = nextEvent<{ kind: string; deviceId: string }>(picker, 'change');
    const updated = nextEvent<DeviceUpdatedDetail>(room, 'camera.updated');
    select.value = target;
    select.dispatchEvent(new Event('change'));
    expect((await changed).detail).to.deep.equal({ kind: 'camera', deviceId: target });
    expect((await updated).detail.current.label).to.equal('fake_device_2');
    expect(room.cameraId).to.equal(target);
  });
});

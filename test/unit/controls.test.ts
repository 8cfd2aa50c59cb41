import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { DeviceSelect } from '../../elements/device-select/device-select.js';
import type { RoomControls } from '../../elements/room-controls/room-controls.js';
import type { VideoRoom } from '../../elements/video-room/video-room.js';
import { registerStrings } from '../../src/i18n/strings.js';
import { until } from '../support/helpers.js';

const button = (controls: RoomControls, name: string) => controls.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="${name}"]`);

describe('<room-controls>', () => {
  it('mutes before joining (the next join starts muted), and shows no Leave button outside a call', async () => {
    const room = await fixture<VideoRoom>(html`<video-room><room-controls slot="controls"></room-controls></video-room>`);
    const controls = room.querySelector('room-controls')!;
    await controls.updateComplete;
    expect(room.shadowRoot!.querySelector('[part="layout"]'), 'controls do not replace the grid').to.not.equal(null);
    expect(button(controls, 'leave')).to.equal(null);
    expect(button(controls, 'microphone')!.getAttribute('aria-pressed')).to.equal('false');
    await expect(controls).to.be.accessible();

    button(controls, 'microphone')!.click();
    await until(() => button(controls, 'microphone')!.getAttribute('aria-pressed'), (p) => p === 'true', 'pressed');
    expect(room.roomSession.snapshot.self.audioMuted).to.equal(true);
    button(controls, 'microphone')!.click();
    await until(() => button(controls, 'microphone')!.getAttribute('aria-pressed'), (p) => p === 'false', 'released');
  });

  it('shows the camera as off when the room will not publish one', async () => {
    const room = await fixture<VideoRoom>(html`<video-room video="false"><room-controls slot="controls"></room-controls></video-room>`);
    const controls = room.querySelector('room-controls')!;
    await controls.updateComplete;
    expect(button(controls, 'camera')!.getAttribute('aria-pressed')).to.equal('true');
  });

  it('finds the room its for attribute names, even one added later', async () => {
    const container = await fixture<HTMLDivElement>(html`<div><room-controls for="later"></room-controls></div>`);
    const controls = container.querySelector('room-controls')!;
    await controls.updateComplete;
    expect(button(controls, 'microphone')!.getAttribute('aria-disabled'), 'no room yet').to.equal('true');
    await expect(controls).to.be.accessible();
    const room = document.createElement('video-room');
    room.id = 'later';
    container.append(room);
    await until(() => button(controls, 'microphone')!.getAttribute('aria-disabled'), (d) => d === 'false', 'the room found');
    button(controls, 'camera')!.click();
    await until(() => room.roomSession.snapshot.self.videoMuted, Boolean, 'the camera muted in that room');
  });

  it('speaks the language of the page', async () => {
    registerStrings('xx-ctl', { muteMicrophone: 'Micro coupé' });
    const container = await fixture<HTMLDivElement>(html`<div lang="xx-ctl"><video-room><room-controls slot="controls"></room-controls></video-room></div>`);
    const controls = container.querySelector('room-controls')!;
    await controls.updateComplete;
    expect(button(controls, 'microphone')!.getAttribute('aria-label')).to.equal('Micro coupé');
    expect(button(controls, 'camera')!.getAttribute('aria-label'), 'English where untranslated').to.equal('Turn off camera');
  });
});

describe('<device-select>', () => {
  it('shows the pickers asked for, each labelled', async () => {
    const picker = await fixture<DeviceSelect>(html`<device-select kind="camera microphone"></device-select>`);
    const labels = [...picker.shadowRoot!.querySelectorAll('label')].map((l) => l.textContent);
    expect(labels).to.deep.equal(['Camera', 'Microphone']);
    // Outside a room there is nothing to switch.
    expect([...picker.shadowRoot!.querySelectorAll('select')].every((s) => s.disabled)).to.equal(true);
    await expect(picker).to.be.accessible();
  });

  it('leaves out the speaker picker where the browser cannot choose a speaker', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'setSinkId')!;
    delete (HTMLMediaElement.prototype as { setSinkId?: unknown }).setSinkId;
    try {
      const picker = await fixture<DeviceSelect>(html`<device-select></device-select>`);
      expect(picker.shadowRoot!.querySelector('[part~="speaker"]')).to.equal(null);
      expect(picker.shadowRoot!.querySelectorAll('select')).to.have.length(2);
    } finally {
      Object.defineProperty(HTMLMediaElement.prototype, 'setSinkId', descriptor);
    }
  });
});

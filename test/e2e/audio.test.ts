// The room's sound on the real Janus: the autoplay prompt and startAudio(), and the speaker.
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { DeviceUpdatedDetail, VideoRoom } from '../../dist/src/index.js';
import '../../dist/src/index.js';
import { aliceAndBob, nextEvent, present, tileFor, until } from '../support/helpers.js';

/**
 * Headless Chromium lets MediaStream audio play without a gesture, so the policy is emulated the
 * way browsers apply it: an unmuted element may start only during real user activation (a click
 * or key press sent through the DevTools protocol, as a person's would be).
 */
function autoplayPolicy(): void {
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
    if (!this.muted && !navigator.userActivation.isActive) {
      return Promise.reject(new DOMException('play() failed because the user did not interact with the document first.', 'NotAllowedError'));
    }
    return play.call(this);
  };
  after(() => {
    HTMLMediaElement.prototype.play = play;
  });
}

async function bobHearingAlice(prefix: string): Promise<{ alice: VideoRoom; bob: VideoRoom; audio: () => HTMLAudioElement }> {
  const { alice, bob } = await aliceAndBob(prefix);
  const tile = await until(() => tileFor(bob, alice.memberId!), present, "Alice's tile");
  await until(() => tile.shadowRoot!.querySelector('audio')?.srcObject, present, "Alice's audio in the tile");
  return { alice, bob, audio: () => tile.shadowRoot!.querySelector('audio')! };
}

const startButton = (room: VideoRoom) => room.shadowRoot!.querySelector<HTMLButtonElement>('[part="start-audio"]');

describe("the room's sound", () => {
  it('asks for one click when the browser holds the sound back, then plays it', async () => {
    autoplayPolicy();
    const { bob, audio } = await bobHearingAlice('autoplay');
    await until(() => startButton(bob), present, 'the Enable audio button');
    expect(audio().paused, 'held back').to.equal(true);
    const button = startButton(bob)!;
    expect(button.textContent!.trim()).to.equal('Enable audio');
    expect(bob.shadowRoot!.querySelector('[part="audio-blocked"]')!.getAttribute('role')).to.equal('alert');
    const tile = tileFor(bob, bob.members.find((m) => !m.local)!.id)!;
    expect(tile.hasAttribute('audio-blocked')).to.equal(true);

    const unblocked = nextEvent(bob, 'audio.unblocked');
    const box = button.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
    await unblocked;
    expect(audio().paused).to.equal(false);
    await bob.updateComplete;
    expect(startButton(bob)).to.equal(null);
    expect(tile.hasAttribute('audio-blocked')).to.equal(false);
  });

  it('lets the keyboard start it too', async () => {
    autoplayPolicy();
    // The click above still counts as user activation for a few seconds; nothing announces its end.
    await until(() => navigator.userActivation.isActive, (active) => !active, 'the last gesture to lapse');
    const { bob, audio } = await bobHearingAlice('autoplay-keys');
    await until(() => startButton(bob), present, 'the Enable audio button');
    startButton(bob)!.focus();
    const unblocked = nextEvent(bob, 'audio.unblocked');
    await sendKeys({ press: 'Enter' });
    await unblocked;
    expect(audio().paused).to.equal(false);
  });

  it('plays every member on the speaker chosen with updateSpeaker', async () => {
    const { bob, audio } = await bobHearingAlice('speaker');
    const speakers = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'audiooutput' && d.deviceId !== 'default');
    const updated = nextEvent<DeviceUpdatedDetail>(bob, 'speaker.updated');
    await bob.updateSpeaker({ deviceId: speakers[1]!.deviceId });
    expect((await updated).detail.current).to.deep.equal({ deviceId: speakers[1]!.deviceId, label: speakers[1]!.label });
    expect(bob.speakerId).to.equal(speakers[1]!.deviceId);
    await until(() => (audio() as HTMLAudioElement & { sinkId: string }).sinkId, (id) => id === speakers[1]!.deviceId, 'the sink');

    const error = await bob.updateSpeaker({ deviceId: 'no-such-speaker' }).then(() => undefined, (e: Error) => e);
    expect(error?.name).to.equal('NotFoundError');
    expect(bob.speakerId, 'unchanged').to.equal(speakers[1]!.deviceId);
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { AudioLevel } from '../../elements/audio-level/audio-level.js';
import { until } from '../support/helpers.js';
import { audioTrack, member, snapshotOf, type FakeRoom } from './fake-room.js';

const lit = (meter: AudioLevel) =>
  [...meter.shadowRoot!.querySelectorAll<HTMLElement>('[part="bar"]')].filter((bar) => Number(getComputedStyle(bar).opacity) > 0.5).length;

describe('<audio-level>', () => {
  it('follows a track it is given: the level, the lit bars and the meter value rise, and fall to 0 without a track', async () => {
    const meter = await fixture<AudioLevel>(html`<audio-level bars="4"></audio-level>`);
    expect(meter.level).to.equal(0);
    expect(meter.shadowRoot!.querySelectorAll('[part="bar"]')).to.have.length(4);
    await expect(meter).to.be.accessible();
    meter.track = audioTrack();
    await until(() => meter.level, (level) => level > 0.3, 'a level');
    await until(() => lit(meter), (bars) => bars > 0, 'lit bars');
    const value = Number(meter.shadowRoot!.querySelector('[part="meter"]')!.getAttribute('aria-valuenow'));
    expect(value).to.be.within(1, 100);
    meter.track = null;
    await meter.updateComplete;
    expect(meter.level).to.equal(0);
    await until(() => lit(meter), (bars) => bars === 0, 'the bars off');
  });

  it("meters the member of the tile it sits in, or a member of the room by member-id", async () => {
    const track = audioTrack();
    const room = await fixture<FakeRoom>(html`<fake-room>
      <participant-tile member-id="b"><audio-level id="in-tile"></audio-level></participant-tile>
      <audio-level id="by-id" member-id="b"></audio-level>
    </fake-room>`);
    room.snapshot = snapshotOf([[member('b', 'Bob'), { audio: track }]]);
    for (const id of ['in-tile', 'by-id']) {
      const meter = room.querySelector<AudioLevel>(`#${id}`)!;
      await until(() => meter.meteredTrack, (t) => t === track, `${id} to find the track`);
      await until(() => meter.level, (level) => level > 0.3, `${id} to show a level`);
    }
  });
});

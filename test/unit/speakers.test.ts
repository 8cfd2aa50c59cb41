import { expect } from '@open-wc/testing';
import { DOMINANT_HOLD_MS, NO_DOMINANT, nextDominant, talkThreshold, type DominantState } from '../../src/room/speakers.js';

const present = new Set(['a', 'b', 'c']);
const talkers = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('who speaks', () => {
  it("maps SignalWire's input sensitivity onto Janus's talk threshold, and rejects what is not 0-100", () => {
    expect([0, 30, 50, 95, 100].map(talkThreshold)).to.deep.equal([1, 55, 76, 122, 127]);
    for (const bad of [-1, 101, Number.NaN, '30' as unknown as number]) {
      expect(() => talkThreshold(bad), String(bad)).to.throw(RangeError, /from 0 to 100/);
    }
  });

  it('makes the first talker dominant, and keeps it after it stops until someone else talks', () => {
    let state: DominantState = nextDominant(NO_DOMINANT, talkers({ a: 0 }), present, 0).state;
    expect(state.current).to.equal('a');
    state = nextDominant(state, talkers({}), present, 5_000).state;
    expect(state.current, 'silence keeps the last speaker').to.equal('a');
    state = nextDominant(state, talkers({ b: 5_000 }), present, 5_000).state;
    expect(state.current).to.equal('b');
  });

  it('does not hand over while the dominant speaker talks, nor within the hold after it took the floor', () => {
    const a = nextDominant(NO_DOMINANT, talkers({ a: 0 }), present, 0).state;
    expect(nextDominant(a, talkers({ a: 0, b: 100 }), present, 200).state, 'a still talks').to.equal(a);
    const held = nextDominant(a, talkers({ b: 100 }), present, 300);
    expect(held.state).to.equal(a);
    expect(held.recheckAt).to.equal(DOMINANT_HOLD_MS);
    expect(nextDominant(a, talkers({ b: 100 }), present, DOMINANT_HOLD_MS).state.current).to.equal('b');
  });

  it('hands over to whoever has talked longest, and resets when the dominant speaker leaves', () => {
    const a = nextDominant(NO_DOMINANT, talkers({ a: 0 }), present, 0).state;
    expect(nextDominant(a, talkers({ c: 2_000, b: 1_000 }), present, 3_000).state.current).to.equal('b');
    expect(nextDominant(a, talkers({}), new Set(['b', 'c']), 3_000).state.current).to.equal(null);
    expect(nextDominant(a, talkers({ z: 0 }), present, 3_000).state.current, 'not in the room').to.equal('a');
  });
});

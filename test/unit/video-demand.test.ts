import { expect } from '@open-wc/testing';
import { FULL_VIDEO, substreamFor, videoDemand, type VideoView } from '../../src/room/video-demand.js';

const auto = { autoSwitchOff: true, autoLayers: true };
const view = (memberId: string, visible: boolean, width = 800): VideoView => ({ memberId, visible, width });

describe('video demand', () => {
  it('leaves video of a member no renderer reports on alone (the page may attach its tracks itself)', () => {
    expect(videoDemand('a', [view('b', false)], false, auto)).to.equal(FULL_VIDEO);
  });

  it('switches off video that no view shows, and off-canvas video whatever the views and the policy', () => {
    expect(videoDemand('a', [view('a', false), view('a', false)], false, auto)).to.include({ send: false });
    expect(videoDemand('a', [view('a', true)], true, { autoSwitchOff: false, autoLayers: false })).to.include({ send: false });
    expect(videoDemand('a', [view('a', false)], false, { autoSwitchOff: false, autoLayers: true }), 'manual switch-off').to.equal(FULL_VIDEO);
  });

  it('asks for the layer the widest visible view needs, unless layers are manual', () => {
    expect(videoDemand('a', [view('a', true, 200), view('a', false, 1200)], false, auto)).to.deep.equal({ send: true, substream: 0 });
    expect(videoDemand('a', [view('a', true, 200), view('a', true, 400)], false, auto)).to.deep.equal({ send: true, substream: 1 });
    expect(videoDemand('a', [view('a', true, 200)], false, { autoSwitchOff: true, autoLayers: false })).to.equal(FULL_VIDEO);
    expect([0, 240, 241, 480, 481, 4000].map(substreamFor)).to.deep.equal([0, 0, 1, 1, 2, 2]);
  });
});

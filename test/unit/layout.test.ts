import { expect } from '@open-wc/testing';
import {
  DEFAULT_SIZE,
  LAYOUT_NAMES,
  checkLayoutName,
  checkPosition,
  checkPositions,
  computeLayout,
  effectiveLayout,
  sameLayers,
  withPositions,
  type LayoutSettings,
  type VideoPosition,
} from '../../src/room/layout.js';
import { bestColumns } from '../../src/room/layout-geometry.js';
import type { Member } from '../../src/room/types.js';
import { member } from './fake-room.js';

const settings = (changes: Partial<LayoutSettings> = {}): LayoutSettings => ({
  name: 'grid-responsive',
  positions: new Map(),
  hideVideoMuted: false,
  page: 0,
  size: DEFAULT_SIZE,
  ...changes,
});
const people = (count: number, local = true): Member[] =>
  Array.from({ length: count }, (_, i) => member(`m${i}`, `M${i}`, { local: local && i === 0 }));
const placed = (layout: ReturnType<typeof computeLayout>) => layout.layers.map((l) => [l.position, l.member_id ?? null]);
const positions = (entries: Record<string, VideoPosition>) => new Map(Object.entries(entries));

describe('layouts', () => {
  it("lists SignalWire's layout names and rejects unknown names and positions with RangeError", () => {
    expect(LAYOUT_NAMES).to.include.members(['1x1', '2x1', '2x2', '3x3', '4x4', '5x5', '5up', 'grid-responsive', 'highlight-1-responsive', 'screen-share']);
    expect(checkLayoutName('auto')).to.equal('auto');
    expect(() => checkLayoutName('6x6')).to.throw(RangeError, /unknown layout "6x6": use one of 1x1/);
    for (const good of ['auto', 'off-canvas', 'reserved-1', 'standard-12']) expect(checkPosition(good)).to.equal(good);
    for (const bad of ['reserved-0', 'standard-', 'Auto', 'standard-1 ', 3]) expect(() => checkPosition(bad), String(bad)).to.throw(RangeError, /unknown position/);
    expect(checkPositions({ self: 'reserved-1', b: 'auto' }, 'me')).to.deep.equal(positions({ me: 'reserved-1', b: 'auto' }));
    expect(() => checkPositions({ self: 'reserved-1' }, null)).to.throw(RangeError, /join first/);
    expect(() => checkPositions(['reserved-1'], 'me')).to.throw(RangeError, /object of member id/);
  });

  it('keeps the latest wish: a member set again moves last, and auto drops out', () => {
    const first = withPositions(new Map(), positions({ a: 'reserved-1', b: 'standard-1' }));
    const again = withPositions(first, positions({ a: 'standard-2', b: 'auto' }));
    expect([...again]).to.deep.equal([['a', 'standard-2']]);
  });

  it('fills a fixed grid row by row; empty slots stay, and members beyond it show nowhere', () => {
    const three = computeLayout(settings({ name: '2x2' }), people(3), null);
    expect(placed(three)).to.deep.equal([
      ['standard-1', 'm0'],
      ['standard-2', 'm1'],
      ['standard-3', 'm2'],
      ['standard-4', null],
    ]);
    expect(three.layers[3]).to.include({ visible: false, x: 50, y: 50, width: 50, height: 50 });
    expect(three.layers[0]).to.include({ layer_index: 0, z_index: 0, reservation: '', visible: true, playing_file: false });
    const five = computeLayout(settings({ name: '2x2' }), people(5), null);
    expect(five.layers.map((l) => l.member_id)).to.deep.equal(['m0', 'm1', 'm2', 'm3']);
  });

  it('picks the grid columns that show 16:9 tiles largest, centring a short last row', () => {
    expect(bestColumns(2, DEFAULT_SIZE), 'side by side on a landscape canvas').to.equal(2);
    expect(bestColumns(2, { width: 720, height: 1280 }), 'stacked on a portrait one').to.equal(1);
    expect(bestColumns(4, DEFAULT_SIZE)).to.equal(2);
    expect(bestColumns(3, DEFAULT_SIZE)).to.equal(2);
    expect(bestColumns(4, { width: 720, height: 1280 }), 'portrait: one column').to.equal(1);
    expect(bestColumns(9, DEFAULT_SIZE)).to.equal(3);
    const three = computeLayout(settings(), people(3), null);
    expect(three.layers.map((l) => [l.x, l.y, l.width, l.height])).to.deep.equal([
      [0, 0, 50, 50],
      [50, 0, 50, 50],
      [25, 50, 50, 50],
    ]);
  });

  it('changes with the canvas size only when the columns change (no layout.changed while resizing)', () => {
    const wide = computeLayout(settings({ size: { width: 1280, height: 720 } }), people(4), null);
    const wider = computeLayout(settings({ size: { width: 1300, height: 700 } }), people(4), null);
    expect(sameLayers(wide.layers, wider.layers)).to.equal(true);
    const tall = computeLayout(settings({ size: { width: 400, height: 900 } }), people(4), null);
    expect(sameLayers(wide.layers, tall.layers)).to.equal(false);
  });

  it('pages the responsive grid past 25 tiles, keeping the page asked for within the pages there are', () => {
    const members = people(30);
    const first = computeLayout(settings(), members, null);
    expect([first.page, first.pages, first.layers.length]).to.deep.equal([0, 2, 25]);
    expect(bestColumns(25, DEFAULT_SIZE)).to.equal(5);
    const second = computeLayout(settings({ page: 1 }), members, null);
    expect(second.layers.map((l) => l.member_id)).to.deep.equal(['m25', 'm26', 'm27', 'm28', 'm29']);
    expect(computeLayout(settings({ page: 9 }), members, null).page).to.equal(1);
    expect(computeLayout(settings(), [], null)).to.include({ page: 0, pages: 1 }).and.to.have.property('layers').that.is.empty;
  });

  it('puts the dominant speaker large in the speaker view, another person when nobody spoke, and a strip of what fits', () => {
    const members = people(8);
    const speaker = computeLayout(settings({ name: 'highlight-1-responsive' }), members, 'm3');
    expect(speaker.layers[0]).to.include({ position: 'reserved-1', reservation: 'reserved-1', member_id: 'm3', x: 0, y: 0, width: 100, height: 80 });
    // 16:9 tiles a fifth of 720 px tall: five fit across 1280 px.
    expect(speaker.layers.slice(1).map((l) => l.member_id)).to.deep.equal(['m0', 'm1', 'm2', 'm4', 'm5']);
    expect(speaker.layers.slice(1).every((l) => l.height === 20 && l.y === 80)).to.equal(true);
    const nobody = computeLayout(settings({ name: 'highlight-1-responsive' }), members, null);
    expect(nobody.layers[0]!.member_id, 'the first other person, not oneself').to.equal('m1');
  });

  it('gives explicit slots first (the latest wish wins a contested one), and hides off-canvas and, when asked, video-muted members', () => {
    const members = [...people(3), member('m3', 'M3', { video_muted: true })];
    const wishes = positions({ m2: 'reserved-1', m1: 'reserved-1', m0: 'off-canvas' });
    const layout = computeLayout(settings({ name: 'highlight-1-responsive', positions: wishes }), members, 'm2');
    expect(placed(layout)).to.deep.equal([
      ['reserved-1', 'm1'],
      ['standard-1', 'm2'],
      ['standard-2', 'm3'],
    ]);
    const hidden = computeLayout(settings({ name: 'highlight-1-responsive', positions: wishes, hideVideoMuted: true }), members, 'm2');
    expect(hidden.layers.map((l) => l.member_id)).to.deep.equal(['m1', 'm2']);
    const grid = computeLayout(settings({ positions: positions({ m3: 'standard-1', m0: 'off-canvas' }) }), members, null);
    expect(grid.layers.map((l) => l.member_id), 'standard-n places a grid tile').to.deep.equal(['m3', 'm1', 'm2']);
  });

  it('shows the latest share large in the share layout, which auto picks while a screen is shared', () => {
    const share = member('m1.screen.0a0b0c0d', 'M1', { type: 'screen', parent_id: 'm1' });
    const members = [...people(3), share];
    expect(effectiveLayout('auto', members)).to.equal('screen-share');
    expect(effectiveLayout('auto', people(3))).to.equal('grid-responsive');
    const layout = computeLayout(settings({ name: 'auto' }), members, 'm2');
    expect(layout.name).to.equal('screen-share');
    expect(layout.layers[0]).to.include({ member_id: share.id, x: 0, y: 0, width: 80, height: 100 });
    expect(layout.layers.slice(1).map((l) => [l.member_id, l.x, l.width])).to.deep.equal([
      ['m0', 80, 20],
      ['m1', 80, 20],
      ['m2', 80, 20],
    ]);
  });

  it('5up: one large slot and five around it', () => {
    const layout = computeLayout(settings({ name: '5up' }), people(7), 'm4');
    expect(layout.layers).to.have.length(6);
    expect(layout.layers[0]).to.include({ member_id: 'm4', position: 'reserved-1' });
    expect(layout.layers.map((l) => Math.round(l.width))).to.deep.equal([67, 33, 33, 33, 33, 33]);
  });
});

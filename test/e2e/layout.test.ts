// Layouts on the real Janus: SignalWire's named layouts and positions computed on this client,
// layout.changed with its layers, the layout attribute, and the tiles placed where the layers say;
// video nobody can see (off-canvas, or a tile scrolled away) stops at Janus and comes back.
import { expect } from '@open-wc/testing';
import type { ErrorDetail, LayoutChangedDetail, TrackEventDetail, VideoRoom } from '../../dist/src/index.js';
import { RoomSession } from '../../dist/src/index.js';
import {
  aliceAndBob,
  nextEvent,
  onlyAliceTalks,
  packetsFlow,
  packetsStop,
  present,
  rejection,
  roomElement,
  tileFor,
  uniqueRoom,
  until,
} from '../support/helpers.js';

const layoutChanged = (room: VideoRoom, accept: (detail: LayoutChangedDetail) => boolean) =>
  nextEvent<LayoutChangedDetail>(room, 'layout.changed', accept);

describe('layouts', () => {
  it('shows the speaker view: one large layer for the dominant speaker, the others in a strip, as layout.changed says', async () => {
    const { roomName, alice, bob, carol } = await onlyAliceTalks('speaker-view');
    expect((await bob.getLayouts()).layouts).to.include.members(['grid-responsive', 'highlight-1-responsive', 'screen-share', '2x2', '5up']);
    expect(bob.getAttribute('layout-name')).to.equal('grid-responsive');

    const changed = layoutChanged(bob, (d) => d.layout.name === 'highlight-1-responsive');
    await bob.setLayout({ name: 'highlight-1-responsive' });
    const { detail } = await changed;
    expect(detail).to.include({ room_id: roomName, room_session_id: roomName });
    const large = detail.layout.layers.filter((layer) => layer.reservation !== '');
    expect(large).to.have.length(1);
    expect(large[0]).to.include({ member_id: alice.memberId, position: 'reserved-1', visible: true, x: 0, y: 0, width: 100, height: 80 });
    expect(detail.layout.layers.map((layer) => layer.member_id)).to.have.members([alice.memberId, bob.memberId, carol.memberId]);
    expect(bob.layout, 'the attribute follows setLayout').to.equal('highlight-1-responsive');
    expect(bob.getAttribute('layout-name')).to.equal('highlight-1-responsive');

    // On screen, Alice's tile is the large one.
    await bob.updateComplete;
    const aliceTile = await until(() => tileFor(bob, alice.memberId!), present, "Alice's tile");
    const carolTile = tileFor(bob, carol.memberId!)!;
    expect(aliceTile.getAttribute('part')).to.equal('tile featured');
    expect(aliceTile.getBoundingClientRect().width).to.be.greaterThan(3 * carolTile.getBoundingClientRect().width);

    // A position given wins over the dominant speaker; auto gives the slot back.
    const carolLarge = layoutChanged(bob, (d) => d.layout.layers[0]?.member_id === carol.memberId);
    await bob.setMemberPosition({ memberId: carol.memberId!, position: 'reserved-1' });
    expect((await carolLarge).detail.layout.layers.slice(1).map((layer) => layer.member_id)).to.include(alice.memberId);
    const aliceBack = layoutChanged(bob, (d) => d.layout.layers[0]?.member_id === alice.memberId);
    await bob.setPositions({ positions: { [carol.memberId!]: 'auto' } });
    await aliceBack;
  });

  it('takes the layout attribute, reports a bad one, and refuses positions for members not in the room', async () => {
    const { bob } = await onlyAliceTalks('layout-attribute');
    const grid = layoutChanged(bob, (d) => d.layout.name === '2x2');
    bob.setAttribute('layout', '2x2');
    const { layout } = (await grid).detail;
    expect(layout.layers.map((layer) => [layer.position, layer.visible])).to.deep.equal([
      ['standard-1', true],
      ['standard-2', true],
      ['standard-3', true],
      ['standard-4', false],
    ]);
    await bob.updateComplete;
    expect(bob.getAttribute('layout-name')).to.equal('2x2');

    const error = nextEvent<ErrorDetail>(bob, 'error');
    bob.setAttribute('layout', '6x6');
    expect((await error).detail.error).to.be.instanceOf(RangeError);
    expect(bob.currentLayout.name, 'the layout stays').to.equal('2x2');
    await until(() => bob.layout, (layout) => layout === '2x2', 'the attribute to go back');

    const auto = layoutChanged(bob, (d) => d.layout.name === 'grid-responsive');
    bob.removeAttribute('layout');
    await auto;

    const unknown = await rejection(bob.setMemberPosition({ memberId: 'nobody', position: 'reserved-1' }));
    expect(unknown).to.be.instanceOf(RangeError);
    expect(unknown.message).to.match(/no member "nobody"/);
    const bad = await rejection(bob.setPositions({ positions: { self: 'middle' as never } }));
    expect(bad.message).to.match(/unknown position "middle"/);
  });

  it("applies startScreenShare's layout and positions to this client's layout, self being the share", async () => {
    const { alice } = await aliceAndBob('share-layout');
    const changed = layoutChanged(alice, (d) => d.layout.name === '5up' && d.layout.layers.some((layer) => layer.member_id?.includes('.screen.')));
    const share = await alice.startScreenShare({ layout: '5up', positions: { self: 'reserved-1' } });
    const { layout } = (await changed).detail;
    expect(layout.layers[0]).to.include({ position: 'reserved-1', member_id: share.memberId });
    await alice.updateComplete;
    expect(alice.layout, 'the attribute follows').to.equal('5up');
    expect(alice.getAttribute('layout-name')).to.equal('5up');
    const bad = await rejection(alice.startScreenShare({ layout: 'bogus' as never }));
    expect(bad).to.be.instanceOf(RangeError);
    expect(alice.screenShareList, 'a bad layout fails before the picker').to.have.length(1);
  });

  it('pages the grid past 25 tiles, with page buttons', async () => {
    const roomName = uniqueRoom('pages');
    const viewer = await roomElement(roomName, 'Viewer', { media: false });
    await viewer.join();
    // 25 more members without media, as bare room models (no elements to render).
    const others = Array.from({ length: 25 }, (_, i) => new RoomSession({ server: viewer.server, room: roomName, identity: `Member ${i + 1}`, audio: false, video: false }));
    after(() => Promise.all(others.map((member) => member.leave())));
    const twoPages = layoutChanged(viewer, (d) => d.layout.layers.length === 25);
    for (const member of others) await member.join();
    await twoPages;
    const part = (name: string) => viewer.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
    await until(() => part('page-label')?.textContent, (label) => label === 'Page 1 of 2', 'the page buttons');
    const shown = () => viewer.shadowRoot!.querySelectorAll('[part="cell"]:not([hidden])').length;
    expect(shown()).to.equal(25);
    expect(viewer.shadowRoot!.querySelectorAll('participant-tile'), 'every member has a tile (so everyone is heard)').to.have.length(26);
    expect(part('page-previous')!.hasAttribute('disabled')).to.equal(true);
    expect(part('pagination')!.getAttribute('aria-label')).to.equal('Pages');

    const secondPage = layoutChanged(viewer, (d) => d.layout.layers.length === 1);
    part('page-next')!.click();
    expect((await secondPage).detail.layout.layers[0]!.member_id).to.equal(others[24]!.memberId);
    await until(() => part('page-label')?.textContent, (label) => label === 'Page 2 of 2', 'page 2');
    expect(shown()).to.equal(1);
    expect(part('page-next')!.hasAttribute('disabled')).to.equal(true);
  });

  it('switches off the video of a member put off-canvas: Janus stops relaying it, until the member is back', async () => {
    const { connections, alice, bob, remoteVideo, remoteAudio } = await aliceAndBob('off-canvas');
    const aliceId = alice.memberId!;
    const off = nextEvent<TrackEventDetail>(bob, 'trackSwitchedOff');
    const layout = nextEvent<LayoutChangedDetail>(bob, 'layout.changed', (d) => !d.layout.layers.some((layer) => layer.member_id === aliceId));
    await bob.setMemberPosition({ memberId: aliceId, position: 'off-canvas' });
    const { track, participant, publication } = (await off).detail;
    expect(track).to.include({ kind: 'video', mediaStreamTrack: remoteVideo, isSwitchedOff: true });
    expect(participant.sid).to.equal(aliceId);
    expect(publication.track?.isSwitchedOff).to.equal(true);
    await layout;
    await packetsStop(connections, remoteVideo);
    await packetsFlow(connections, remoteAudio);

    const on = nextEvent<TrackEventDetail>(bob, 'trackSwitchedOn');
    await bob.setMemberPosition({ memberId: aliceId, position: 'auto' });
    expect((await on).detail.track).to.include({ mediaStreamTrack: remoteVideo, isSwitchedOff: false });
    await packetsFlow(connections, remoteVideo);
  });

  it('switches off the video of a tile scrolled out of view, and back on when it scrolls back', async () => {
    const { connections, alice, bob, remoteVideo } = await aliceAndBob('scrolled');
    const spacer = document.body.appendChild(Object.assign(document.createElement('div'), { style: 'height: 400vh' }));
    after(() => spacer.remove());
    const tile = await until(() => tileFor(bob, alice.memberId!), present, "Alice's tile on Bob's side");

    const off = nextEvent<TrackEventDetail>(bob, 'trackSwitchedOff');
    window.scrollTo(0, document.documentElement.scrollHeight);
    expect((await off).detail.track.mediaStreamTrack).to.equal(remoteVideo);
    await packetsStop(connections, remoteVideo);
    await until(() => tile.hasAttribute('switched-off'), Boolean, 'the tile to say so');

    const on = nextEvent<TrackEventDetail>(bob, 'trackSwitchedOn');
    window.scrollTo(0, 0);
    expect((await on).detail.participant.sid).to.equal(alice.memberId);
    await packetsFlow(connections, remoteVideo);
    await until(() => !tile.hasAttribute('switched-off'), Boolean, 'the tile to show video again');
  });
});

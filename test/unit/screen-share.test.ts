import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { ScreenShare } from '../../elements/screen-share/screen-share.js';
import type { VideoRoom } from '../../elements/video-room/video-room.js';
import { featuredShare } from '../../src/room/layout.js';
import { memberKind, newMemberId, sourceMemberId } from '../../src/room/member-types.js';
import { member } from './fake-room.js';

const button = (element: ScreenShare) => element.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!;

describe('<screen-share>', () => {
  it('says to join first, stays focusable, and is accessible', async () => {
    const room = await fixture<VideoRoom>(html`<video-room><screen-share slot="controls"></screen-share></video-room>`);
    const control = room.querySelector('screen-share')!;
    await control.updateComplete;
    expect(control.mode).to.equal('button');
    expect(button(control).getAttribute('aria-disabled')).to.equal('true');
    expect(button(control).disabled).to.equal(false);
    expect(button(control).title).to.equal('Join the room to share your screen');
    expect(button(control).getAttribute('aria-pressed')).to.equal('false');
    expect(control.shadowRoot!.querySelector('[part="view"]'), 'no view in button mode').to.equal(null);
    await expect(control).to.be.accessible();
  });

  it('is disabled with the reason where the browser cannot share a screen (mobile browsers)', async () => {
    const devices = navigator.mediaDevices;
    Object.defineProperty(devices, 'getDisplayMedia', { value: undefined, configurable: true });
    try {
      const room = await fixture<VideoRoom>(html`<video-room><screen-share slot="controls"></screen-share></video-room>`);
      const control = room.querySelector('screen-share')!;
      await control.updateComplete;
      expect(button(control).disabled).to.equal(true);
      expect(button(control).title).to.equal('This browser cannot share a screen');
      expect(control.shadowRoot!.querySelector('[part="tooltip"]')!.textContent).to.equal('This browser cannot share a screen');
    } finally {
      delete (devices as { getDisplayMedia?: unknown }).getDisplayMedia;
    }
    expect(typeof navigator.mediaDevices.getDisplayMedia).to.equal('function');
  });

  it('falls back to the button for an unknown mode', async () => {
    const control = await fixture<ScreenShare>(html`<screen-share mode="large"></screen-share>`);
    await control.updateComplete;
    expect(control.mode).to.equal('button');
    expect(control.getAttribute('mode')).to.equal('button');
  });
});

describe('featuredShare', () => {
  const alice = member('a', 'Alice');
  const own = member('me.screen.00000001', 'Me', { type: 'screen', parent_id: 'me', local: true });
  const first = member('a.screen.00000002', 'Alice', { type: 'screen', parent_id: 'a' });
  const latest = member('b.screen.00000003', 'Bob', { type: 'screen', parent_id: 'b' });

  it("is the latest share of another member, else this client's own, else none", () => {
    expect(featuredShare([alice, first, latest, own])).to.equal(latest);
    expect(featuredShare([alice, own])).to.equal(own);
    expect(featuredShare([alice])).to.equal(undefined);
  });
});

describe('member ids', () => {
  it("name an extra source's owner and type, and nothing else", () => {
    const owner = newMemberId();
    const share = sourceMemberId(owner, 'screen');
    expect(share).to.match(new RegExp(`^${owner}\\.screen\\.[0-9a-f]{8}$`));
    expect(memberKind(share)).to.deep.equal({ type: 'screen', parentId: owner });
    expect(memberKind(sourceMemberId(owner, 'device'))).to.deep.equal({ type: 'device', parentId: owner });
    expect(memberKind(owner)).to.deep.equal({ type: 'member' });
    for (const other of ['alice.screen', 'a.screen.xyz12345', 'a.window.0a1b2c3d', '.screen.0a1b2c3d', '1234']) {
      expect(memberKind(other), other).to.deep.equal({ type: 'member' });
    }
  });
});

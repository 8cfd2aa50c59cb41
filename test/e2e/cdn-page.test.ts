// CMS-style pages: nothing but a <script type="module"> and the tags in the page's HTML, which
// exist before the elements are defined (the module runs after parsing).
import { expect } from '@open-wc/testing';
import type { ParticipantTile } from '../../dist/src/index.js';
import { decodedFrame, janusUrl, nextEvent, present, uniqueRoom, until } from '../support/helpers.js';

/** An iframe whose HTML loads the CDN bundle; resolves once it has loaded. */
async function page(body: string): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.allow = 'camera; microphone; autoplay';
  frame.style.width = '640px';
  frame.style.height = '480px';
  frame.srcdoc = `<!doctype html>
    <script type="module" src="${location.origin}/dist/cdn/janus-room-elements.js"></script>
    ${body}`;
  document.body.append(frame);
  after(() => frame.remove());
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return frame.contentDocument!;
}

/** `room.joined` of a room that auto-joins (or has already joined). */
async function joined(room: HTMLElement & { active: boolean }): Promise<void> {
  if (!room.active) await nextEvent(room, 'room.joined');
  expect(room.active).to.equal(true);
}

describe('a page that only has the script tag and the elements', () => {
  it('auto-joins from attributes alone', async () => {
    const doc = await page(`<video-room server="${janusUrl()}" room="${uniqueRoom('cms')}" identity="Embedded" auto-join></video-room>`);
    const room = doc.querySelector('video-room')!;
    await joined(room);
    expect(room.members.map((m) => m.name)).to.deep.equal(['Embedded']);
  });

  it('gives tiles written in the HTML of a custom layout their room, although they upgrade first', async () => {
    const doc = await page(`
      <video-room server="${janusUrl()}" room="${uniqueRoom('cms-layout')}" identity="Static Layout" auto-join>
        <div class="stage"><participant-tile id="me"></participant-tile></div>
      </video-room>`);
    const room = doc.querySelector('video-room')!;
    const tile = doc.querySelector<ParticipantTile>('#me')!;
    await joined(room);
    expect(room.shadowRoot!.querySelector('[part="layout"]'), 'the custom layout replaces the grid').to.equal(null);
    tile.memberId = room.memberId!;
    await until(() => tile.resolvedMember, present, 'the tile to find its member through the room');
    await until(() => tile.media.video, present, 'the local camera in the tile');
    await tile.updateComplete;
    expect(tile.shadowRoot!.querySelector('[part="name"]')!.textContent).to.equal('Static Layout');
    expect((await decodedFrame(tile.shadowRoot!.querySelector('video')!)).width).to.be.greaterThan(0);
  });
});

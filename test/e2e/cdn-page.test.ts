// A CMS-style page: nothing but a <script type="module"> and the tag with attributes.
import { expect } from '@open-wc/testing';
import { janusUrl, nextEvent, uniqueRoom } from '../support/helpers.js';

describe('a page that only has the script tag and the element', () => {
  it('auto-joins from attributes alone', async () => {
    const frame = document.createElement('iframe');
    frame.allow = 'camera; microphone; autoplay';
    frame.style.width = '640px';
    frame.style.height = '480px';
    const roomName = uniqueRoom('cms');
    frame.srcdoc = `<!doctype html>
      <script type="module" src="${location.origin}/dist/cdn/janus-room-elements.js"></script>
      <video-room server="${janusUrl()}" room="${roomName}" identity="Embedded" auto-join></video-room>`;
    document.body.append(frame);
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    const room = frame.contentDocument!.querySelector('video-room')!;
    const joined = room.active
      ? undefined
      : await nextEvent<{ member_id: string }>(room, 'room.joined');
    expect(room.active).to.equal(true);
    if (joined) expect(joined.detail.member_id).to.equal(room.memberId);
    frame.remove();
  });
});

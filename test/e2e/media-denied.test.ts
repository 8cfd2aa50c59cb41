// Run by the "media-denied" group: Chromium's fake permission prompt answers no.
import { expect, fixture, html } from '@open-wc/testing';
import type { ErrorDetail, VideoRoom } from '../../dist/src/index.js';
import '../../dist/src/index.js';
import { janusUrl, nextEvent, rejection, uniqueRoom } from '../support/helpers.js';

describe('camera and microphone denied', () => {
  it("rejects join() with the browser's NotAllowedError, fires error, and can join without media", async () => {
    const room = await fixture<VideoRoom>(
      html`<video-room server=${janusUrl()} room=${uniqueRoom('denied')} identity="Alice"></video-room>`,
    );
    const errorEvent = nextEvent<ErrorDetail>(room, 'error');
    const error = await rejection(room.join());
    expect(error.name).to.equal('NotAllowedError');
    expect(error).to.be.instanceOf(DOMException);
    expect((await errorEvent).detail.error).to.equal(error);
    expect(room.active).to.equal(false);
    expect(room.localStream).to.equal(null);
    expect(room.roomSession.state).to.equal('disconnected');

    // Still usable: without media there is nothing to ask permission for.
    room.audio = false;
    room.video = false;
    await room.join();
    expect(room.active).to.equal(true);
    expect(room.members.map((m) => m.name)).to.deep.equal(['Alice']);
  });
});

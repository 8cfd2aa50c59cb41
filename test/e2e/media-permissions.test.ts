// Run by the "media-permissions" group: no fake prompt, so camera and microphone permissions are
// what the test sets through the DevTools protocol (as a user would in the browser's settings).
import { expect, fixture, html } from '@open-wc/testing';
import type { ErrorDetail, VideoRoom } from '../../dist/src/index.js';
import '../../dist/src/index.js';
import { janusUrl, nextEvent, rejection, setMediaPermission, uniqueRoom } from '../support/helpers.js';

describe('camera and microphone permission', () => {
  afterEach(() => setMediaPermission('granted'));

  it("rejects join() with the browser's NotAllowedError when denied, and the same element joins once allowed", async () => {
    await setMediaPermission('denied');
    const room = await fixture<VideoRoom>(html`<video-room server=${janusUrl()} room=${uniqueRoom('denied')} identity="Alice"></video-room>`);
    const errorEvent = nextEvent<ErrorDetail>(room, 'error');
    const error = await rejection(room.join());
    expect(error.name).to.equal('NotAllowedError');
    expect(error).to.be.instanceOf(DOMException);
    expect((await errorEvent).detail.error).to.equal(error);
    expect(room.active).to.equal(false);
    expect(room.localStream).to.equal(null);
    expect(room.roomSession.state).to.equal('disconnected');

    await setMediaPermission('granted');
    await room.join();
    expect(room.active).to.equal(true);
    expect(room.localStream!.getTracks().map((t) => [t.kind, t.readyState])).to.have.deep.members([
      ['audio', 'live'],
      ['video', 'live'],
    ]);
  });

  it('still joins without media when denied, and turning the camera on then rejects with NotAllowedError', async () => {
    await setMediaPermission('denied');
    const room = await fixture<VideoRoom>(
      html`<video-room server=${janusUrl()} room=${uniqueRoom('denied-nomedia')} identity="Viewer" audio="false" video="false"></video-room>`,
    );
    await room.join();
    expect(room.members.map((m) => m.name)).to.deep.equal(['Viewer']);
    const errorEvent = nextEvent<ErrorDetail>(room, 'error');
    const error = await rejection(room.videoUnmute());
    expect(error.name).to.equal('NotAllowedError');
    expect((await errorEvent).detail.error).to.equal(error);
    expect(room.members[0]!.video_muted).to.equal(true);
  });
});

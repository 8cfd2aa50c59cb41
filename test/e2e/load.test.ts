// A full room on this 2-core machine: eight members (eight <video-room>s in one page, each with
// a small fake camera and a microphone) for a minute, on the real Janus.
import { expect, fixture, html } from '@open-wc/testing';
import type { ReconnectingDetail, VideoRoom } from '../../dist/src/index.js';
import '../../dist/src/index.js';
import { janusUrl, tileFor, uniqueRoom, until } from '../support/helpers.js';

const MEMBERS = 8;
const HOLD_MS = 60_000;
const CAMERA = { width: 160, height: 120, frameRate: 15 };

/** Frames `video` has decoded so far. */
const framesOf = (video: HTMLVideoElement) => video.getVideoPlaybackQuality().totalVideoFrames;

describe('eight members in one room', function () {
  this.timeout(HOLD_MS + 120_000);

  it('for a minute: at the end each decodes every other one, and nothing failed', async () => {
    const roomName = uniqueRoom('eight');
    // Eight small rooms side by side, all on screen (video nobody can see would be switched off).
    const page = await fixture<HTMLDivElement>(html`<div style="display: grid; grid-template-columns: repeat(4, 240px); gap: 4px"></div>`);
    const rooms: VideoRoom[] = [];
    const errors: Error[] = [];
    const troubles: string[] = [];
    for (let i = 0; i < MEMBERS; i++) {
      const room = document.createElement('video-room') as unknown as VideoRoom;
      Object.assign(room, { server: janusUrl(), room: roomName, identity: `Member ${i + 1}`, simulcast: false, video: CAMERA });
      room.addEventListener('error', (event) => errors.push(event.detail.error));
      for (const name of ['reconnecting', 'room.left', 'trackSubscriptionFailed']) {
        room.addEventListener(name, (event) => troubles.push(`${room.identity}: ${name} ${(event as CustomEvent<ReconnectingDetail>).detail?.error?.message ?? ''}`));
      }
      page.append(room);
      rooms.push(room);
    }
    for (const room of rooms) await room.join();
    // Everyone sees everyone.
    for (const viewer of rooms) {
      await until(() => viewer.roomSession.snapshot.members.length, (n) => n === MEMBERS, `${viewer.identity} seeing all ${MEMBERS}`);
    }

    // The minute the room is held (the point of the test, not a wait for something).
    await new Promise((resolve) => setTimeout(resolve, HOLD_MS));

    // At the end: every tile of every other member shows video that is still moving.
    for (const viewer of rooms) {
      for (const other of rooms) {
        if (other === viewer) continue;
        const tile = await until(() => tileFor(viewer, other.memberId!), (t) => t !== undefined, `${viewer.identity}'s tile for ${other.identity}`);
        const video = tile!.shadowRoot!.querySelector('video')!;
        const before = framesOf(video);
        await until(() => framesOf(video), (frames) => frames > before, `${viewer.identity} decoding ${other.identity}`);
        expect(video.videoWidth).to.be.greaterThan(0);
      }
    }
    expect(errors.map((e) => `${e.name}: ${e.message}`)).to.deep.equal([]);
    expect(troubles).to.deep.equal([]);
    for (const room of rooms) expect(room.roomSession.state).to.equal('connected');
    for (const room of rooms) await room.leave();
  });
});

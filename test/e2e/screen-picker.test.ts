// Run by the "screen-picker" group: Chromium's fake prompt answers no to every capture, its
// screen picker included, as a user who cancels the picker does (NotAllowedError). Alice
// publishes a canvas (the page's own media needs no permission), so the room has a picture.
import { expect, fixture, html } from '@open-wc/testing';
import type { ErrorDetail, MemberEventDetail, ScreenShare, TrackEventDetail, VideoRoom } from '../../dist/src/index.js';
import '../../dist/src/index.js';
import { capturePeerConnections, inboundStats, janusUrl, nextEvent, participantsOnServer, roomElement, uniqueRoom, until } from '../support/helpers.js';

/** A canvas that keeps drawing, as a video track. */
function canvasStream(): MediaStream {
  const canvas = Object.assign(document.createElement('canvas'), { width: 320, height: 240 });
  const context = canvas.getContext('2d')!;
  let frame = 0;
  const timer = setInterval(() => {
    context.fillStyle = `hsl(${(frame += 7) % 360} 80% 50%)`;
    context.fillRect(0, 0, canvas.width, canvas.height);
  }, 33);
  after(() => clearInterval(timer));
  return canvas.captureStream(30);
}

describe('a cancelled screen picker', () => {
  it('rejects with NotAllowedError, fires error, publishes nothing, and the room goes on', async () => {
    const connections = capturePeerConnections();
    const roomName = uniqueRoom('picker');
    const alice = await fixture<VideoRoom>(
      html`<video-room server=${janusUrl()} room=${roomName} identity="Alice" audio="false">
        <screen-share slot="controls"></screen-share>
      </video-room>`,
    );
    alice.setLocalStream(canvasStream());
    const bob = await roomElement(roomName, 'Bob', { media: false });
    await alice.join();
    const started = nextEvent<TrackEventDetail>(bob, 'trackStarted', (d) => d.track.kind === 'video');
    await bob.join();
    const remoteVideo = (await started).detail.track.mediaStreamTrack;
    const joinedOnBob: string[] = [];
    bob.addEventListener('member.joined', (e) => joinedOnBob.push((e as CustomEvent<MemberEventDetail>).detail.member.type));

    // The user presses Share screen, then cancels the picker.
    const control = alice.querySelector<ScreenShare>('screen-share')!;
    await control.updateComplete;
    const button = control.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!;
    expect(button.getAttribute('aria-disabled')).to.equal('false');
    const errorEvent = nextEvent<ErrorDetail>(alice, 'error');
    button.click();
    const { error } = (await errorEvent).detail;
    expect(error.name).to.equal('NotAllowedError');
    expect(error).to.be.instanceOf(DOMException);
    // The method says the same.
    const direct = await alice.startScreenShare().catch((e: Error) => e);
    expect((direct as Error).name).to.equal('NotAllowedError');

    // Nothing half-published: no share, no member, no extra participant on Janus.
    await control.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(button.getAttribute('aria-busy')).to.equal('false');
    expect(alice.screenShareList).to.deep.equal([]);
    expect(alice.roomSession.snapshot.self.screenShare).to.equal('off');
    expect(alice.members.map((m) => m.type)).to.deep.equal(['member', 'member']);
    expect((await participantsOnServer(roomName)).map((p) => p.id)).to.have.members([alice.memberId, bob.memberId]);

    // The room goes on: Alice's picture still reaches Bob, and she mutes and leaves as usual.
    const before = (await inboundStats(connections, remoteVideo)).framesDecoded ?? 0;
    await until(async () => (await inboundStats(connections, remoteVideo)).framesDecoded ?? 0, (n) => n > before + 10, 'more frames from Alice');
    const muted = nextEvent<MemberEventDetail>(bob, 'member.updated', (d) => d.member.id === alice.memberId);
    await alice.videoMute();
    expect((await muted).detail.member).to.include({ video_muted: true });
    expect(joinedOnBob, 'Bob never saw a share join').to.deep.equal([]);
    await alice.leave();
    // Janus answers the session's destruction, then drops its participant.
    await until(() => participantsOnServer(roomName), (list) => list.length === 1, 'only Bob left on Janus');
  });
});

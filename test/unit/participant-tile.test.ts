import { expect, fixture, html } from '@open-wc/testing';
import { ContextConsumer } from '@lit/context';
import { LitElement } from 'lit';
import '../../elements/participant-tile/define.js';
import type { ParticipantTile } from '../../elements/participant-tile/participant-tile.js';
import { memberContext, type MemberContextValue } from '../../src/context/context.js';
import { registerStrings } from '../../src/i18n/strings.js';
import { until } from '../support/helpers.js';
import { FakeRoom, audioTrack, member, snapshotOf, videoTrack } from './fake-room.js';

async function tileIn(room: FakeRoom, id: string): Promise<ParticipantTile> {
  const tile = document.createElement('participant-tile');
  tile.memberId = id;
  room.append(tile);
  await tile.updateComplete;
  return tile;
}

const part = (tile: ParticipantTile, name: string) => tile.shadowRoot!.querySelector(`[part="${name}"]`);

describe('<participant-tile>', () => {
  it('finds its member through context by member-id and shows video, audio and name', async () => {
    const video = videoTrack();
    const audio = audioTrack();
    const room = await fixture<FakeRoom>(html`<fake-room></fake-room>`);
    room.snapshot = snapshotOf([[member('b', 'Bob Smith'), { audio, video }]]);
    const tile = await tileIn(room, 'b');

    expect(tile.getAttribute('member-id')).to.equal('b');
    expect(part(tile, 'name')!.textContent).to.equal('Bob Smith');
    expect(tile.getAttribute('role')).to.equal('group');
    expect(tile.getAttribute('aria-label')).to.equal('Bob Smith');
    const videoElement = part(tile, 'video') as HTMLVideoElement;
    expect((videoElement.srcObject as MediaStream).getVideoTracks()).to.deep.equal([video]);
    expect(videoElement.muted).to.equal(true);
    expect(videoElement.hidden).to.equal(false);
    const audioElement = tile.shadowRoot!.querySelector('audio')!;
    expect((audioElement.srcObject as MediaStream).getAudioTracks()).to.deep.equal([audio]);
    expect(tile.hasAttribute('local')).to.equal(false);
    await expect(tile).to.be.accessible();
  });

  it('renders untrusted names as text', async () => {
    const room = await fixture<FakeRoom>(html`<fake-room></fake-room>`);
    const name = '<img src=x onerror="window.__pwned = true">';
    room.snapshot = snapshotOf([[member('x', name)]]);
    const tile = await tileIn(room, 'x');
    expect(part(tile, 'name')!.textContent).to.equal(name);
    expect(tile.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as unknown as { __pwned?: boolean }).__pwned).to.equal(undefined);
  });

  it('shows initials instead of video when there is none', async () => {
    const room = await fixture<FakeRoom>(html`<fake-room></fake-room>`);
    room.snapshot = snapshotOf([[member('c', 'carol ann jones', { audio_muted: true, video_muted: true })]]);
    const tile = await tileIn(room, 'c');
    expect(part(tile, 'placeholder')!.textContent).to.equal('ca');
    expect(part(tile, 'placeholder')!.getAttribute('aria-hidden')).to.equal('true');
    expect((part(tile, 'video') as HTMLVideoElement).hidden).to.equal(true);
    expect(tile.hasAttribute('video-muted')).to.equal(true);
    expect(tile.hasAttribute('audio-muted')).to.equal(true);
    await expect(tile).to.be.accessible();
  });

  it('shows a muted member as muted although their tracks are still there, and says so to screen readers', async () => {
    const room = await fixture<FakeRoom>(html`<fake-room></fake-room>`);
    const video = videoTrack();
    room.snapshot = snapshotOf([[member('b', 'Bob'), { audio: audioTrack(), video }]]);
    const tile = await tileIn(room, 'b');
    expect(part(tile, 'mute-indicator')).to.equal(null);
    expect(tile.getAttribute('aria-label')).to.equal('Bob');

    room.snapshot = snapshotOf([[member('b', 'Bob', { audio_muted: true, video_muted: true }), { audio: audioTrack(), video }]]);
    await tile.updateComplete;
    expect(tile.hasAttribute('audio-muted') && tile.hasAttribute('video-muted')).to.equal(true);
    expect(part(tile, 'mute-indicator')).to.not.equal(null);
    expect(part(tile, 'placeholder')!.textContent).to.equal('B');
    expect((part(tile, 'video') as HTMLVideoElement).srcObject, 'no frozen last frame').to.equal(null);
    expect(tile.getAttribute('aria-label')).to.equal('Bob, microphone muted, camera off');
    expect(part(tile, 'name')!.textContent).to.equal('Bob');
    await expect(tile).to.be.accessible();
  });

  it('speaks the language of the page', async () => {
    registerStrings('xx', { microphoneMuted: 'micro coupé' });
    const room = await fixture<FakeRoom>(html`<fake-room lang="xx"></fake-room>`);
    room.snapshot = snapshotOf([[member('b', 'Bob', { audio_muted: true })]]);
    const tile = await tileIn(room, 'b');
    expect(tile.getAttribute('aria-label')).to.equal('Bob, micro coupé');
  });

  it('reuses its media elements when tracks change, and lets go of them when removed', async () => {
    const room = await fixture<FakeRoom>(html`<fake-room></fake-room>`);
    const first = videoTrack();
    room.snapshot = snapshotOf([[member('b', 'Bob'), { audio: null, video: first }]]);
    const tile = await tileIn(room, 'b');
    const videoElement = part(tile, 'video') as HTMLVideoElement;

    const second = videoTrack();
    room.snapshot = snapshotOf([[member('b', 'Bob'), { audio: null, video: second }]]);
    await tile.updateComplete;
    expect(part(tile, 'video')).to.equal(videoElement);
    expect((videoElement.srcObject as MediaStream).getVideoTracks()).to.deep.equal([second]);

    room.snapshot = snapshotOf([[member('b', 'Bob'), { audio: null, video: null }]]);
    await tile.updateComplete;
    expect(part(tile, 'video')).to.equal(videoElement);
    expect(videoElement.srcObject).to.equal(null);

    room.snapshot = snapshotOf([[member('b', 'Bob'), { audio: null, video: second }]]);
    await tile.updateComplete;
    tile.remove();
    expect(videoElement.srcObject).to.equal(null);
  });

  it('marks audio the autoplay policy blocks, and plays it on the next user gesture', async () => {
    const original = HTMLMediaElement.prototype.play;
    let allowed = false;
    HTMLMediaElement.prototype.play = function play(this: HTMLMediaElement) {
      return allowed ? Promise.resolve() : Promise.reject(new DOMException('autoplay', 'NotAllowedError'));
    };
    try {
      const room = await fixture<FakeRoom>(html`<fake-room></fake-room>`);
      room.snapshot = snapshotOf([[member('b', 'Bob'), { audio: audioTrack(), video: null }]]);
      const tile = await tileIn(room, 'b');
      // play() settles asynchronously, and nothing announces it: re-read the attribute.
      await until(() => tile.hasAttribute('audio-blocked'), Boolean, 'the audio-blocked attribute');
      allowed = true;
      document.dispatchEvent(new PointerEvent('pointerdown'));
      await until(() => !tile.hasAttribute('audio-blocked'), Boolean, 'audio-blocked to go away');
    } finally {
      HTMLMediaElement.prototype.play = original;
    }
  });

  it('mirrors the local member and never plays its audio back', async () => {
    const room = await fixture<FakeRoom>(html`<fake-room></fake-room>`);
    room.snapshot = snapshotOf([[member('me', 'Me', { local: true }), { audio: audioTrack(), video: videoTrack() }]]);
    const tile = await tileIn(room, 'me');
    expect(tile.hasAttribute('local')).to.equal(true);
    expect(getComputedStyle(part(tile, 'video')!).transform).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
    expect(tile.shadowRoot!.querySelector('audio')!.srcObject).to.equal(null);
    tile.style.setProperty('--participant-tile-local-mirror', '1');
    expect(getComputedStyle(part(tile, 'video')!).transform).to.equal('matrix(1, 0, 0, 1, 0, 0)');
  });

  it("follows the room's localOverlay: unmirrored on setMirror(false), no self-view with applyLocalVideoOverlay false", async () => {
    const room = await fixture<FakeRoom>(html`<fake-room></fake-room>`);
    const entries: Parameters<typeof snapshotOf>[0] = [[member('me', 'Me', { local: true }), { video: videoTrack() }]];
    const base = snapshotOf(entries);
    room.snapshot = { ...base, self: { ...base.self, mirrored: false } };
    const tile = await tileIn(room, 'me');
    expect(tile.hasAttribute('unmirrored')).to.equal(true);
    expect(getComputedStyle(part(tile, 'video')!).transform).to.equal('none');
    expect((part(tile, 'video') as HTMLVideoElement).srcObject).to.not.equal(null);
    room.snapshot = { ...base, self: { ...base.self, overlay: false } };
    await tile.updateComplete;
    expect(tile.hasAttribute('unmirrored')).to.equal(false);
    expect((part(tile, 'video') as HTMLVideoElement).srcObject).to.equal(null);
  });

  it('prefers the member property over member-id', async () => {
    const room = await fixture<FakeRoom>(html`<fake-room></fake-room>`);
    room.snapshot = snapshotOf([[member('a', 'Alice')], [member('b', 'Bob')]]);
    const tile = await tileIn(room, 'a');
    tile.member = { id: 'b', name: 'Bobby' };
    await tile.updateComplete;
    expect(part(tile, 'name')!.textContent).to.equal('Bobby');
    expect(tile.resolvedMember!.id).to.equal('b');
  });

  it('works outside a room with only a member property', async () => {
    const tile = await fixture<ParticipantTile>(html`<participant-tile .member=${{ id: 'z', name: 'Zoe' }}></participant-tile>`);
    expect(part(tile, 'name')!.textContent).to.equal('Zoe');
    expect(part(tile, 'placeholder')!.textContent).to.equal('Z');
  });

  it('provides its member to its own children', async () => {
    class Child extends LitElement {
      value: MemberContextValue | undefined;
      consumer = new ContextConsumer(this, {
        context: memberContext,
        subscribe: true,
        callback: (value) => {
          this.value = value;
        },
      });
    }
    customElements.define('tile-child', Child);
    const room = await fixture<FakeRoom>(html`<fake-room></fake-room>`);
    room.snapshot = snapshotOf([[member('b', 'Bob')]]);
    const tile = await tileIn(room, 'b');
    const child = document.createElement('tile-child') as Child;
    tile.append(child);
    await tile.updateComplete;
    expect(child.value?.member.name).to.equal('Bob');
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import '../../elements/video-room/define.js';
import type { VideoRoom } from '../../elements/video-room/video-room.js';
import { defineElement } from '../../src/define.js';
import type { ErrorDetail } from '../../src/events/event-map.js';
import { ParticipantIdentityInvalidError, RoomNameInvalidError, SignalingConnectionError } from '../../src/errors/errors.js';
import { VERSION } from '../../src/version.js';
import { rejection } from '../support/helpers.js';

describe('<video-room>', () => {
  it('has sensible defaults and read-only state before joining', async () => {
    const room = await fixture<VideoRoom>(html`<video-room></video-room>`);
    expect(room).to.include({ server: '', room: '', identity: '', pin: '', audio: true, video: true, create: true, autoJoin: false });
    expect(room).to.include({ active: false, memberId: null, localStream: null, localAudioTrack: null, localVideoTrack: null });
    expect(room.members).to.deep.equal([]);
    expect(room.roomSession.state).to.equal('disconnected');
    expect(() => {
      (room as unknown as { active: boolean }).active = true;
    }).to.throw(TypeError);
    await expect(room).to.be.accessible();
  });

  it('reads audio, video and create as on unless they say "false"', () => {
    const room = document.createElement('video-room');
    room.setAttribute('audio', 'false');
    room.setAttribute('video', 'off');
    room.setAttribute('create', '0');
    room.setAttribute('auto-join', '');
    expect(room).to.include({ audio: false, video: false, create: false, autoJoin: true });
    room.removeAttribute('audio');
    room.setAttribute('video', '');
    expect(room).to.include({ audio: true, video: true });
  });

  it('renders its layout of tiles unless given its own', async () => {
    const empty = await fixture<VideoRoom>(html`<video-room> </video-room>`);
    expect(empty.shadowRoot!.querySelector('[part="layout"]')).to.not.equal(null);
    const custom = await fixture<VideoRoom>(html`<video-room><div>my layout</div></video-room>`);
    await custom.updateComplete;
    expect(custom.shadowRoot!.querySelector('[part="layout"]')).to.equal(null);
    custom.querySelector('div')!.remove();
    await new Promise((resolve) => custom.shadowRoot!.querySelector('slot')!.addEventListener('slotchange', resolve));
    await custom.updateComplete;
    expect(custom.shadowRoot!.querySelector('[part="layout"]')).to.not.equal(null);
  });

  const attributeCases: Array<[string, string, typeof SignalingConnectionError]> = [
    ['server', '<video-room room="r" identity="A"></video-room>', SignalingConnectionError],
    ['room', '<video-room server="ws://127.0.0.1:8188" identity="A"></video-room>', RoomNameInvalidError],
    ['identity', '<video-room server="ws://127.0.0.1:8188" room="r"></video-room>', ParticipantIdentityInvalidError],
  ];
  for (const [attribute, markup, ErrorClass] of attributeCases) {
    it(`rejects join() without "${attribute}" with ${ErrorClass.name}, naming the attribute`, async () => {
      const container = await fixture<HTMLDivElement>(html`<div></div>`);
      container.innerHTML = markup;
      const room = container.firstElementChild as VideoRoom;
      const bubbled: Event[] = [];
      container.addEventListener('error', (event) => bubbled.push(event));
      const errors: ErrorDetail[] = [];
      room.addEventListener('error', (event) => errors.push(event.detail));
      const error = await rejection(room.join());
      expect(error).to.be.instanceOf(ErrorClass);
      expect(error).to.include({ attribute });
      expect(error.message).to.contain(`"${attribute}" attribute`);
      expect(errors.map((e) => e.error)).to.deep.equal([error]);
      expect(bubbled).to.have.length(0);
      expect(room.roomSession.state).to.equal('disconnected');
    });
  }

  it('reports an auto-join failure through error, and on the console unless handled', async () => {
    const logged: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      const handled = document.createElement('video-room');
      const caught = new Promise<ErrorDetail>((resolve) =>
        handled.addEventListener('error', (event) => {
          event.preventDefault();
          resolve(event.detail);
        }),
      );
      handled.autoJoin = true;
      document.body.append(handled);
      expect((await caught).error).to.be.instanceOf(SignalingConnectionError);
      expect(logged).to.have.length(0);

      const unhandled = document.createElement('video-room');
      const seen = new Promise((resolve) => unhandled.addEventListener('error', resolve));
      unhandled.autoJoin = true;
      document.body.append(unhandled);
      await seen;
      expect(String(logged[0]?.[0])).to.contain('"server" attribute');
      handled.remove();
      unhandled.remove();
    } finally {
      console.error = original;
    }
  });

  it('stays in the room when moved within the document', async () => {
    const room = await fixture<VideoRoom>(html`<video-room></video-room>`);
    let leaves = 0;
    room.roomSession.leave = () => {
      leaves++;
      return Promise.resolve();
    };
    const elsewhere = document.createElement('section');
    document.body.append(elsewhere);
    elsewhere.append(room);
    await Promise.resolve();
    expect(leaves).to.equal(0);
    room.remove();
    await Promise.resolve();
    expect(leaves).to.equal(1);
    elsewhere.remove();
  });

  it('tolerates a second registration of its tags', () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const Existing = customElements.get('video-room')!;
      expect(() => defineElement('video-room', Existing)).to.not.throw();
      // Another copy of the same version: silently keeps the first.
      expect(() => defineElement('video-room', Object.assign(class extends HTMLElement {}, { version: VERSION }))).to.not.throw();
      expect(warnings).to.have.length(0);
      expect(() => defineElement('video-room', Object.assign(class extends HTMLElement {}, { version: '0.0.0-other' }))).to.not.throw();
      expect(String(warnings[0]?.[0])).to.contain('already defined');
      expect(customElements.get('video-room') === Existing, 'the first definition stays').to.equal(true);
    } finally {
      console.warn = original;
    }
  });

  it('knows its own version', async () => {
    const pkg = (await (await fetch('/package.json')).json()) as { version: string };
    expect(VERSION).to.equal(pkg.version);
  });
});

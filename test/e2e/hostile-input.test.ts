// Untrusted input on the real Janus: markup and script in names and room descriptions stay text,
// and malformed or oversized frames from the server are ignored (and logged), never a crash.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { RoomJoinedDetail, TrackEventDetail, VideoRoom } from '../../dist/src/index.js';
import '../../dist/src/index.js';
import { decodedFrame, nextEvent, present, roomElement, tileFor, trustedRoom, uniqueRoom, until } from '../support/helpers.js';

declare global {
  interface Window {
    pwned?: string;
  }
}

/** Payloads that would run script or add elements if they were ever parsed as HTML. */
const PAYLOADS = [
  '<img src=x onerror="window.pwned=\'img\'">',
  '<script>window.pwned="script"</script>',
  '"><svg onload="window.pwned=\'svg\'">',
  '<b>bold</b> & <i>friends</i>',
];

/** Every element in `root`'s shadow trees, depth first. */
function allElements(root: Element | ShadowRoot): Element[] {
  const out: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    out.push(element);
    if (element.shadowRoot) out.push(...allElements(element.shadowRoot));
  }
  return out;
}

/** Elements a payload would have made: its tags, or anything with an event-handler attribute. */
const injected = (room: VideoRoom) =>
  allElements(room.shadowRoot!).filter(
    (e) => ['IMG', 'SCRIPT', 'B', 'I'].includes(e.tagName.toUpperCase()) || e.getAttributeNames().some((name) => name.startsWith('on')),
  );

describe('markup from other members and from the server', () => {
  it('renders identities and the room description as text, and runs nothing', async () => {
    const roomName = uniqueRoom('hostile');
    const description = '<img src=x onerror="window.pwned=\'room\'"><script>window.pwned="room"</script>';
    await trustedRoom(roomName, { description });
    const viewer = await roomElement(roomName, 'Viewer');
    const joined = nextEvent<RoomJoinedDetail>(viewer, 'room.joined');
    await viewer.join();
    expect((await joined).detail.room_session.name).to.equal(description);
    const others = [];
    for (const identity of PAYLOADS) {
      const other = await roomElement(roomName, identity, { media: false });
      await other.join();
      others.push(other);
    }
    for (const other of others) {
      const tile = await until(() => tileFor(viewer, other.memberId!), present, 'a tile for the member');
      await tile.updateComplete;
      // The name shows exactly as typed, as text, and names the tile for screen readers.
      expect(tile.shadowRoot!.querySelector('[part="name"]')!.textContent!.trim()).to.equal(other.identity);
      expect(tile.getAttribute('aria-label')).to.contain(other.identity);
    }
    await viewer.updateComplete;
    expect(viewer.shadowRoot!.querySelector('[part="layout"]')!.getAttribute('aria-label')).to.equal(description);
    expect(injected(viewer)).to.deep.equal([]);
    // Handlers would have run by now (an img error fires as soon as the element exists).
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(window.pwned).to.equal(undefined);
  });
});

describe('frames a broken or hostile server sends', () => {
  it('are ignored and logged as SignalingIncomingMessageInvalidError; the call goes on', async () => {
    const { port } = (await executeServerCommand('hostile-janus')) as { port: number };
    const roomName = uniqueRoom('garbage');
    const alice = await roomElement(roomName, 'Alice', { attributes: { server: `ws://127.0.0.1:${port}` } });
    const bob = await roomElement(roomName, 'Bob');
    await alice.join();
    const started = nextEvent<TrackEventDetail>(alice, 'trackStarted', (d) => d.track.kind === 'video');
    await bob.join();
    await started;

    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
    };
    const uncaught: unknown[] = [];
    const onError = (event: ErrorEvent) => uncaught.push(event.error ?? event.message);
    window.addEventListener('error', onError);
    const errors: Error[] = [];
    alice.addEventListener('error', (event) => errors.push(event.detail.error));
    try {
      const frames = [
        '{ not json',
        '[1, 2, 3]',
        JSON.stringify({ no: 'janus field' }),
        `{"janus":"event","padding":"${'x'.repeat(1_100_000)}"}`,
        // A publisher list with an id that is an object, and a name of 10,000 characters.
        { videoroom: 'event', room: roomName, publishers: [{ id: { evil: true }, display: 'Mallory', streams: [] }] },
        { videoroom: 'event', room: roomName, publishers: [{ id: 'mallory', display: 'x'.repeat(10_000), streams: [] }] },
        { videoroom: 'event', room: roomName, publishers: 'not a list' },
        { videoroom: 'event', room: roomName, leaving: { id: bob.memberId } },
        { videoroom: 'event', room: roomName, joining: 'Mallory' },
        { videoroom: 'talking', room: roomName, id: ['x'] },
      ];
      const sent = (await executeServerCommand('hostile-janus-inject', { port, frames })) as number;
      expect(sent).to.equal(frames.length);
      await until(() => warnings.filter((w) => w.includes('SignalingIncomingMessageInvalidError (53003)')).length, (n) => n >= frames.length, 'a warning per bad frame');
    } finally {
      console.warn = warn;
      window.removeEventListener('error', onError);
    }
    expect(uncaught).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
    // Nothing forged got in, nobody was dropped, and Bob's video still plays.
    expect(alice.roomSession.state).to.equal('connected');
    expect(alice.roomSession.snapshot.members.map((m) => m.name).sort()).to.deep.equal(['Alice', 'Bob']);
    const tile = tileFor(alice, bob.memberId!)!;
    expect((await decodedFrame(tile.shadowRoot!.querySelector('video')!)).width).to.be.greaterThan(0);
  });
});

/** Browser-side helpers shared by the end-to-end tests. */
import { fixture, html } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import type { DominantSpeakerChangedDetail, ParticipantTile, TrackEventDetail, VideoRoom } from '../../dist/src/index.js';

declare global {
  interface Window {
    __JANUS_URL__: string;
  }
}

// Tall enough to show the two or three rooms a test stacks: a tile off screen gets no video (the
// library switches it off), which the layout tests check on purpose by scrolling.
before(() => setViewport({ width: 1000, height: 2400 }));

/** The Janus WebSocket URL that scripts/with-janus started (ws://127.0.0.1:8188). */
export const janusUrl = (): string => window.__JANUS_URL__;

let rooms = 0;
/** A room name no other test uses. */
export const uniqueRoom = (prefix = 'test'): string =>
  `${prefix}-${Date.now().toString(36)}-${(rooms++).toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

/** Records every RTCPeerConnection the page creates from now on. */
export function capturePeerConnections(): RTCPeerConnection[] {
  const created: RTCPeerConnection[] = [];
  const Original = window.RTCPeerConnection;
  const Recording = class extends Original {
    constructor(configuration?: RTCConfiguration) {
      super(configuration);
      created.push(this);
    }
  };
  window.RTCPeerConnection = Recording as typeof RTCPeerConnection;
  after(() => {
    window.RTCPeerConnection = Original;
  });
  return created;
}

/** The PeerConnection (among `connections`) that sends `track`. */
export function senderOf(connections: RTCPeerConnection[], track: MediaStreamTrack | null): RTCPeerConnection {
  const pc = connections.find((c) => c.getSenders().some((s) => s.track !== null && s.track === track));
  if (!pc) throw new Error(`no PeerConnection sends ${track?.kind ?? 'that'} track`);
  return pc;
}

/** The next `name` event on `target` whose detail passes `accept`. */
export function nextEvent<T = unknown>(
  target: EventTarget,
  name: string,
  accept: (detail: T) => boolean = () => true,
): Promise<CustomEvent<T>> {
  return new Promise((resolve) => {
    const listener = (event: Event) => {
      const custom = event as CustomEvent<T>;
      if (!accept(custom.detail)) return;
      target.removeEventListener(name, listener);
      resolve(custom);
    };
    target.addEventListener(name, listener);
  });
}

/** Resolves once `video` has decoded a frame of its current stream. */
export async function decodedFrame(video: HTMLVideoElement): Promise<{ width: number; height: number }> {
  if (video.videoWidth === 0) {
    await new Promise<void>((resolve) => {
      video.requestVideoFrameCallback(() => resolve());
    });
  }
  return { width: video.videoWidth, height: video.videoHeight };
}

/** The tracks the page captures from now on, through `getUserMedia` (or `getDisplayMedia`): to check they get stopped. */
export function captureTracks(method: 'getUserMedia' | 'getDisplayMedia' = 'getUserMedia'): MediaStreamTrack[] {
  const tracks: MediaStreamTrack[] = [];
  const devices = navigator.mediaDevices as MediaDevices & Record<string, unknown>;
  const original = devices[method].bind(devices) as (constraints?: MediaStreamConstraints) => Promise<MediaStream>;
  devices[method] = async (constraints?: MediaStreamConstraints) => {
    const stream = await original(constraints);
    tracks.push(...stream.getTracks());
    return stream;
  };
  after(() => {
    // The page's own property goes; the prototype's method shows again.
    delete devices[method];
  });
  return tracks;
}

/** Inbound RTP stats of the receiver that carries `track` (found among `connections`). */
export async function inboundStats(
  connections: RTCPeerConnection[],
  track: MediaStreamTrack,
): Promise<{ packetsReceived: number; totalAudioEnergy?: number; framesDecoded?: number }> {
  for (const pc of connections) {
    const receiver = pc.getReceivers().find((r) => r.track === track);
    if (!receiver) continue;
    const report = await receiver.getStats();
    for (const stat of report.values()) {
      if (stat.type === 'inbound-rtp') return stat;
    }
    // Nothing has arrived on it yet.
    return { packetsReceived: 0, framesDecoded: 0 };
  }
  throw new Error(`no receiver for ${track.kind} track ${track.id}`);
}

const packetsOf = async (connections: RTCPeerConnection[], track: MediaStreamTrack) => (await inboundStats(connections, track)).packetsReceived;

/**
 * Resolves once no packet of `track` arrives for a whole second: nothing announces that packets
 * stopped, so getStats is read twice a second apart until they agree.
 */
export async function packetsStop(connections: RTCPeerConnection[], track: MediaStreamTrack): Promise<void> {
  await until(
    async () => {
      const before = await packetsOf(connections, track);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return (await packetsOf(connections, track)) === before;
    },
    Boolean,
    `no more packets of ${track.kind} track ${track.id}`,
  );
}

/** Resolves once `count` more packets of `track` have arrived. */
export async function packetsFlow(connections: RTCPeerConnection[], track: MediaStreamTrack, count = 20): Promise<void> {
  const before = await packetsOf(connections, track);
  await until(() => packetsOf(connections, track), (now) => now >= before + count, `packets of ${track.kind} track ${track.id}`);
}

/** The error `promise` rejects with; fails the test if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

/** Accepts any value but null and undefined (a type guard for `until`). */
export const present = <T>(value: T): value is NonNullable<T> => value !== null && value !== undefined;

/** Re-reads `read` every 50 ms until `done` accepts its value: for state no event announces. */
export async function until<T, S extends T>(
  read: () => T | Promise<T>,
  done: (value: T) => value is S,
  what: string,
): Promise<S>;
export async function until<T>(read: () => T | Promise<T>, done: (value: T) => boolean, what: string): Promise<T>;
export async function until<T>(read: () => T | Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = performance.now() + 15_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A VideoRoom request through Janus's Admin API (what a trusted server does). */
export function janusAdmin<T = Record<string, unknown>>(request: Record<string, unknown>): Promise<T> {
  return executeServerCommand('janus-admin', request) as Promise<T>;
}

/**
 * Creates `room` through the Admin API as a trusted service would, with a secret that the test
 * then passes to privileged requests (rooms that clients create ad hoc have a secret nobody knows).
 */
export async function trustedRoom(room: string, options: Record<string, unknown> = {}): Promise<{ secret: string }> {
  const secret = `secret-${room}`;
  const created = await janusAdmin({ request: 'create', room, secret, publishers: 16, notify_joining: true, ...options });
  if (created['videoroom'] !== 'created') throw new Error(`could not create ${room}: ${JSON.stringify(created)}`);
  return { secret };
}

/** A TCP port on which something accepts connections and never answers. */
export async function silentServerUrl(): Promise<string> {
  const { port } = (await executeServerCommand('silent-server')) as { port: number };
  return `ws://127.0.0.1:${port}`;
}

/** A WebSocket server that accepts Janus's subprotocol and never answers. */
export async function notJanusWebSocketUrl(): Promise<string> {
  const { port } = (await executeServerCommand('not-janus-websocket')) as { port: number };
  return `ws://127.0.0.1:${port}`;
}

/** Janus behind a proxy that lets connections through only after `delay` ms. */
export async function slowJanus(delay: number): Promise<{ url: string; answered: () => Promise<boolean> }> {
  const { port } = (await executeServerCommand('slow-janus', { delay })) as { port: number };
  return {
    url: `ws://127.0.0.1:${port}`,
    answered: () => executeServerCommand('slow-janus-relayed', { port }) as Promise<boolean>,
  };
}

/**
 * Grants camera and microphone to this page, or denies them (the prompt answers no, as a user
 * would). Only in the "media-permissions" group, whose browser has no always-yes fake prompt.
 */
export function setMediaPermission(setting: 'granted' | 'denied'): Promise<unknown> {
  return executeServerCommand('media-permission', { setting });
}

/**
 * Squeezes what one PeerConnection sends to `rate` (say "100kbit"): packets that do not fit are
 * lost, the rest wait. Undone after the test (and when the run ends).
 */
export async function degradeLink(pc: RTCPeerConnection, rate: string): Promise<void> {
  const report = await pc.getStats();
  let port: number | undefined;
  for (const stat of report.values()) {
    if (stat.type !== 'transport' || !stat.selectedCandidatePairId) continue;
    port = report.get(report.get(stat.selectedCandidatePairId)?.localCandidateId)?.port;
  }
  if (!port) throw new Error('the PeerConnection has no selected candidate pair yet');
  after(() => executeServerCommand('unshape-link'));
  await executeServerCommand('shape-link', { port, rate });
}

/** The ids of the sessions Janus has (Admin API). */
export function janusSessions(): Promise<number[]> {
  return executeServerCommand('janus-sessions') as Promise<number[]>;
}

/** How many sessions Janus has (Admin API). */
export function janusSessionCount(): Promise<number> {
  return janusSessions().then((ids) => ids.length);
}

/** A `<video-room>` on the test Janus (not joined yet), with any other `attributes`. */
export async function roomElement(
  room: string,
  identity: string,
  options: { media?: boolean; attributes?: Record<string, string> } = {},
): Promise<VideoRoom> {
  const element =
    options.media === false
      ? await fixture<VideoRoom>(
          html`<video-room server=${janusUrl()} room=${room} identity=${identity} audio="false" video="false"></video-room>`,
        )
      : await fixture<VideoRoom>(html`<video-room server=${janusUrl()} room=${room} identity=${identity}></video-room>`);
  for (const [name, value] of Object.entries(options.attributes ?? {})) element.setAttribute(name, value);
  await element.updateComplete;
  return element;
}

/**
 * Chromium's fake microphone is a short beep a second, far quieter on average than speech: at
 * the highest input sensitivity (100) Janus counts it as talking, at the default (30) it does not.
 */
export const BEEPS_TALK = { 'input-sensitivity': '100' };

/**
 * Alice joins a new room, then Bob; resolves once Alice's camera and microphone have started on
 * Bob's side. `connections` holds every PeerConnection the page made from the start.
 */
export async function aliceAndBob(prefix: string) {
  const connections = capturePeerConnections();
  const roomName = uniqueRoom(prefix);
  const alice = await roomElement(roomName, 'Alice');
  const bob = await roomElement(roomName, 'Bob');
  await alice.join();
  const video = nextEvent<TrackEventDetail>(bob, 'trackStarted', (d) => d.track.kind === 'video');
  const audio = nextEvent<TrackEventDetail>(bob, 'trackStarted', (d) => d.track.kind === 'audio');
  await bob.join();
  return {
    connections,
    roomName,
    alice,
    bob,
    remoteVideo: (await video).detail.track.mediaStreamTrack,
    remoteAudio: (await audio).detail.track.mediaStreamTrack,
  };
}

/**
 * Alice, Bob and Carol in a new room, all with a beep that counts as talk, Bob and Carol muted;
 * resolves once Bob names Alice the dominant speaker (the event is returned).
 */
export async function onlyAliceTalks(prefix: string) {
  const roomName = uniqueRoom(prefix);
  const [alice, bob, carol] = (await Promise.all(['Alice', 'Bob', 'Carol'].map((name) => roomElement(roomName, name, { attributes: BEEPS_TALK })))) as [
    VideoRoom,
    VideoRoom,
    VideoRoom,
  ];
  // Everyone's beep would count as talk: only the unmuted one may be named.
  await bob.audioMute();
  await carol.audioMute();
  await bob.join();
  await carol.join();
  const named = nextEvent<DominantSpeakerChangedDetail>(bob, 'dominantSpeakerChanged', (d) => d.dominantSpeaker !== null);
  await alice.join();
  return { roomName, alice, bob, carol, named: (await named).detail };
}

/** The tiles of a room's default grid. */
export const tilesOf = (room: VideoRoom): ParticipantTile[] => [
  ...room.shadowRoot!.querySelectorAll<ParticipantTile>('participant-tile'),
];

/** The tile `room` shows for the member with `memberId`. */
export const tileFor = (room: VideoRoom, memberId: string): ParticipantTile | undefined =>
  tilesOf(room).find((tile) => tile.resolvedMember?.id === memberId);

/** The participants Janus has in `room` (Admin API `listparticipants`). */
export async function participantsOnServer(
  room: string,
): Promise<Array<{ id: string; display: string; publisher: boolean }>> {
  const answer = await janusAdmin<{ participants?: Array<{ id: string; display: string; publisher: boolean }> }>({
    request: 'listparticipants',
    room,
  });
  return answer.participants ?? [];
}

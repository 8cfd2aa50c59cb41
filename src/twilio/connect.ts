/**
 * Twilio Video's entry points on Janus: `connect(token, options)` and `createLocalTracks` /
 * `createLocalAudioTrack` / `createLocalVideoTrack`. The token is a room token of the room
 * service (`janus-room-elements/server`), which names the Janus server, the room and the
 * identity. Options Janus cannot honour are accepted and said once on the log.
 */
import { LocalDataTrack } from '../room/data-tracks.js';
import { RoomSession } from '../room/room-session.js';
import type { BandwidthProfile, RoomSessionOptions } from '../room/types.js';
import { readRoomToken } from '../service/room-token.js';
import { setLogLevel, type LogLevel } from '../util/logger.js';
import { warnOnce } from '../util/warn.js';
import type { NetworkQualityConfiguration } from './participants.js';
import { Room } from './room.js';
import { LocalAudioTrack, LocalMediaTrack, LocalVideoTrack } from './tracks.js';

type Constraints = boolean | (MediaTrackConstraints & { name?: string });
type LogLevels = LogLevel | { default?: LogLevel };

export interface CreateLocalTracksOptions {
  audio?: Constraints;
  video?: Constraints;
  logLevel?: LogLevels;
}

export interface ConnectOptions extends CreateLocalTracksOptions {
  /** The room to join (default: the token's). */
  name?: string;
  /** Tracks to publish instead of capturing camera and microphone (`audio` and `video` are then ignored). */
  tracks?: Array<LocalMediaTrack | LocalDataTrack | MediaStreamTrack>;
  iceServers?: RTCIceServer[];
  iceTransportPolicy?: RTCIceTransportPolicy;
  /** `['recording-media-lost']`: publications raise `warning` / `warningsCleared`. */
  notifyWarnings?: string[];
  dominantSpeaker?: boolean;
  networkQuality?: boolean | NetworkQualityConfiguration;
  bandwidthProfile?: BandwidthProfile;
  [option: string]: unknown;
}

/** Options twilio-video has that Janus cannot honour, and why (each is said once when given). */
const NOT_HONOURED: Record<string, string> = {
  preferredVideoCodecs: 'the room\'s video codecs are set when Janus creates it (videocodec)',
  preferredAudioCodecs: 'the room\'s audio codecs are set when Janus creates it (audiocodec)',
  maxAudioBitrate: 'Janus caps a room\'s bitrate when it creates it (bitrate)',
  maxVideoBitrate: 'Janus caps a room\'s bitrate when it creates it (bitrate)',
  region: 'a self-hosted Janus has no media regions',
  automaticSubscription: 'every published track is subscribed (Janus has no subscribe rules)',
  dscpTagging: 'DSCP tagging is not supported',
  enableDscp: 'DSCP tagging is not supported',
  insights: 'no telemetry is sent anywhere',
  eventListener: 'there is no event listener for signaling events',
  loggerName: 'the library logs through its own logger ("janus-room-elements")',
  iceServersTimeout: 'ICE servers are given, never fetched',
  abortOnIceServersTimeout: 'ICE servers are given, never fetched',
};
const KNOWN = new Set(['name', 'to', 'tracks', 'audio', 'video', 'iceServers', 'iceTransportPolicy', 'logLevel', 'notifyWarnings', 'dominantSpeaker', 'networkQuality', 'bandwidthProfile']);
export const MEDIA_WARNINGS = ['recording-media-lost'] as const;

export type CancelablePromise<T> = Promise<T> & { cancel(): void };

/**
 * Joins the room the token names (or `name`) and resolves with the `Room`. Captures camera and
 * microphone unless `tracks` are given (the tracks it captured stop on disconnect). Rejects with
 * the browser's media errors or the documented coded errors; `cancel()` gives up joining.
 */
export function connect(token: string, options: ConnectOptions = {}): CancelablePromise<Room> {
  let session: RoomSession | undefined;
  let canceled = false;
  const promise = (async () => {
    if (typeof options !== 'object' || options === null) throw new TypeError('connect() takes a token and an options object');
    readRoomToken(token);
    const settings = readOptions(options);
    const to = options['to'];
    const name = typeof options.name === 'string' ? options.name : typeof to === 'string' ? to : undefined;
    const given = options.tracks !== undefined;
    if (given && !Array.isArray(options.tracks)) throw new TypeError('the "tracks" option must be an array of tracks');
    const captured = given ? [] : await createLocalTracks({ audio: options.audio ?? true, video: options.video ?? true });
    const tracks = given ? options.tracks!.map(wrap) : captured;
    const media = tracks.filter((t): t is LocalMediaTrack => t instanceof LocalMediaTrack);
    const data = tracks.filter((t): t is LocalDataTrack => t instanceof LocalDataTrack);
    const roomOptions: RoomSessionOptions = {
      token,
      ...(name !== undefined ? { room: name } : {}),
      audio: media.some((t) => t.kind === 'audio'),
      video: media.some((t) => t.kind === 'video'),
      localStream: new MediaStream(media.map((t) => t.mediaStreamTrack)),
      ...(options.iceServers ? { iceServers: options.iceServers } : {}),
      ...(options.iceTransportPolicy ? { iceTransportPolicy: options.iceTransportPolicy } : {}),
      ...(options.bandwidthProfile ? { bandwidthProfile: options.bandwidthProfile } : {}),
    };
    try {
      if (canceled) throw new DOMException('connect() was canceled', 'AbortError');
      session = new RoomSession(roomOptions);
      await session.join();
      const room = new Room(session, media, { ...settings, ownTracks: captured });
      if (typeof options.networkQuality === 'object') room.localParticipant.setNetworkQualityConfiguration(options.networkQuality);
      for (const track of media) if (!track.isEnabled) await (track.kind === 'audio' ? session.audioMute() : session.videoMute());
      for (const track of data) await room.localParticipant.publishTrack(track);
      return room;
    } catch (error) {
      for (const track of captured) track.stop();
      throw error;
    }
  })();
  return Object.assign(promise, {
    cancel() {
      canceled = true;
      void session?.leave();
    },
  });
}

function readOptions(options: ConnectOptions): { dominantSpeaker: boolean; networkQuality: boolean; notifyWarnings: string[] } {
  for (const key of Object.keys(options)) {
    if (options[key] === undefined || KNOWN.has(key)) continue;
    const why = NOT_HONOURED[key];
    warnOnce(why ? `connect(): the "${key}" option is not honoured on Janus: ${why}` : `connect(): the "${key}" option is not known; it is ignored`);
  }
  if (options['to'] !== undefined) warnOnce('connect(): the "to" option is deprecated (twilio-video 1.x): use "name"');
  if (options.logLevel !== undefined) setLogLevel(options.logLevel);
  const warnings = options.notifyWarnings ?? [];
  if (!Array.isArray(warnings) || warnings.some((w) => !(MEDIA_WARNINGS as readonly string[]).includes(w))) {
    throw new RangeError(`the "notifyWarnings" option takes an array of ${MEDIA_WARNINGS.map((w) => JSON.stringify(w)).join(', ')}, not ${JSON.stringify(warnings)}`);
  }
  if (options.dominantSpeaker !== undefined && typeof options.dominantSpeaker !== 'boolean') throw new RangeError('the "dominantSpeaker" option must be true or false');
  return { dominantSpeaker: options.dominantSpeaker === true, networkQuality: options.networkQuality !== undefined && options.networkQuality !== false, notifyWarnings: warnings };
}

function wrap(track: unknown): LocalMediaTrack | LocalDataTrack {
  if (track instanceof LocalMediaTrack || track instanceof LocalDataTrack) return track;
  if (typeof MediaStreamTrack !== 'undefined' && track instanceof MediaStreamTrack) return track.kind === 'audio' ? new LocalAudioTrack(track) : new LocalVideoTrack(track);
  throw new TypeError('the "tracks" option takes LocalAudioTracks, LocalVideoTracks, LocalDataTracks or MediaStreamTracks');
}

function getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream> {
  if (typeof navigator === 'undefined' || !navigator.mediaDevices) {
    return Promise.reject(new TypeError('navigator.mediaDevices is undefined: serve the page from https:// or localhost'));
  }
  return navigator.mediaDevices.getUserMedia(constraints);
}

/** Splits Twilio's `{ name, ...constraints }` into a name and the constraints to capture with. */
function split(value: Constraints | undefined): { wanted: boolean; name?: string; constraints: MediaTrackConstraints } {
  if (value === undefined || value === true) return { wanted: true, constraints: {} };
  if (value === false) return { wanted: false, constraints: {} };
  if (typeof value !== 'object' || value === null) throw new RangeError(`audio and video take true, false or MediaTrackConstraints, not ${JSON.stringify(value)}`);
  const { name, ...constraints } = value;
  return { wanted: true, ...(typeof name === 'string' ? { name } : {}), constraints };
}

/** Captures camera and microphone (as `options` say) in one prompt: a LocalVideoTrack and a LocalAudioTrack. */
export async function createLocalTracks(options: CreateLocalTracksOptions = {}): Promise<Array<LocalAudioTrack | LocalVideoTrack>> {
  if (typeof options !== 'object' || options === null) throw new TypeError('createLocalTracks() takes an options object');
  if (options.logLevel !== undefined) setLogLevel(options.logLevel);
  const audio = split(options.audio);
  const video = split(options.video);
  if (!audio.wanted && !video.wanted) return [];
  const constraint = (part: ReturnType<typeof split>) => (part.wanted ? (Object.keys(part.constraints).length ? part.constraints : true) : false);
  const stream = await getUserMedia({ audio: constraint(audio), video: constraint(video) });
  const tracks: Array<LocalAudioTrack | LocalVideoTrack> = [];
  for (const track of stream.getAudioTracks()) tracks.push(new LocalAudioTrack(track, { ...(audio.name ? { name: audio.name } : {}), constraints: audio.constraints }));
  for (const track of stream.getVideoTracks()) tracks.push(new LocalVideoTrack(track, { ...(video.name ? { name: video.name } : {}), constraints: video.constraints }));
  return tracks;
}

/** Captures the microphone: a LocalAudioTrack. */
export async function createLocalAudioTrack(options: MediaTrackConstraints & { name?: string } = {}): Promise<LocalAudioTrack> {
  const [track] = await createLocalTracks({ audio: options, video: false });
  return track as LocalAudioTrack;
}

/** Captures the camera: a LocalVideoTrack. */
export async function createLocalVideoTrack(options: MediaTrackConstraints & { name?: string } = {}): Promise<LocalVideoTrack> {
  const [track] = await createLocalTracks({ audio: false, video: options });
  return track as LocalVideoTrack;
}

/**
 * The Janus 1.1.2 VideoRoom protocol (janus-mapping.md §1) as data: message shapes and the tables
 * that turn plugin messages into typed values. Nothing here sends anything.
 */
import type { JanusMessage } from '../janus-client.js';
import { SignalingIncomingMessageInvalidError } from '../../errors/errors.js';
import { reportInvalidMessage } from '../socket.js';

/**
 * Limits on what other members can make Janus relay to us: longer ids, names, descriptions or
 * stream lists are not believed (the entry is ignored and logged), so a hostile peer cannot
 * flood the page. An identity is at most 128 characters (Twilio's limit) when this library sends it.
 */
export const LIMITS = { id: 256, display: 256, description: 1024, streams: 64 } as const;

export const VIDEOROOM_PLUGIN = 'janus.plugin.videoroom';

export type StreamType = 'audio' | 'video' | 'data';

/** One stream a publisher announces (`publishers[].streams[]`). */
export interface PublishedStream {
  type: StreamType;
  mid: string;
  disabled: boolean;
  description?: string;
  /** A moderator stopped it at Janus (`moderate`); absent when Janus does not say. */
  moderated?: boolean;
}

export interface PublisherEntry {
  id: string;
  display: string;
  streams: PublishedStream[];
}

export interface AttendeeEntry {
  id: string;
  display: string;
}

export interface JoinedInfo {
  privateId: number;
  /** The room's friendly name (its `description`). */
  description: string;
  publishers: PublisherEntry[];
  /** Participants who do not publish (only sent when the room has `notify_joining`). */
  attendees: AttendeeEntry[];
}

/** Unsolicited events Janus sends to a participant about its room. */
export type ParticipantEvent =
  | { type: 'publishers'; publishers: PublisherEntry[] }
  | { type: 'joining'; attendee: AttendeeEntry }
  | { type: 'unpublished'; id: string }
  | { type: 'leaving'; id: string }
  | { type: 'kicked'; id: string }
  | { type: 'display'; id: string; display: string }
  /** Janus's voice activity detection (rooms with `audiolevel_event`); about every member, self included. */
  | { type: 'talking'; id: string; talking: boolean }
  /** A moderator stopped (or let through again) one of a member's streams at Janus; about this client too. */
  | { type: 'moderation'; id: string; mid: string; muted: boolean }
  /** This participant is out of the room. */
  | { type: 'removed'; reason: 'kicked' | 'destroyed' };

/**
 * Ids starting with this belong to the room service's own participant (its room monitor): it is
 * no member, so events about it are left out.
 */
export const SERVICE_ID_PREFIX = '~';
const isServiceId = (id: string) => id.startsWith(SERVICE_ID_PREFIX);

/** A stream of the subscription (`attached`/`updated` `streams[]`). */
export interface SubscriptionStream {
  mid: string;
  type: StreamType;
  active: boolean;
  feedId?: string;
  feedMid?: string;
  /** The publisher sends this video in simulcast layers (`substream` picks one). */
  simulcast: boolean;
}

/** Per-stream subscriber settings (`configure`): relay it or not, and which simulcast layer. */
export interface StreamSettings {
  mid: string;
  send?: boolean;
  substream?: number;
}

export interface FeedStream {
  feed: string;
  mid: string;
}

/**
 * What a stream's `description` carries for this library: where the track comes from and whether
 * it is muted (and, on the microphone, whether its member is deaf). Janus 1.1.2 has no publisher
 * metadata and tells nobody about a disabled track, but it keeps each stream's description, sends
 * a new one to everyone in a `publishers` event when `configure` changes it (no SDP involved), and
 * lists it for late joiners in `joined`: the one place per-track state can live on that version.
 */
export interface StreamState {
  source: 'camera' | 'microphone' | 'screen' | 'screen_audio';
  muted: boolean;
  deaf: boolean;
  /** Withdrawn (Twilio `unpublishTrack`): nothing is sent, and the others count it as unpublished. */
  off?: boolean;
}

const SOURCES: readonly StreamState['source'][] = ['camera', 'microphone', 'screen', 'screen_audio'];

export function encodeStreamState(state: StreamState): string {
  return JSON.stringify({ jre: 1, source: state.source, muted: state.muted, ...(state.deaf ? { deaf: true } : {}), ...(state.off ? { off: true } : {}) });
}

/**
 * Reads a description another client set: ours (JSON), or anything else, taken as a track name
 * of an unmuted stream. Untrusted: only known values of the right types are used.
 */
export function decodeStreamState(description: string | undefined, type: StreamType): StreamState & { name?: string } {
  const fallback = { source: type === 'audio' ? 'microphone' : 'camera', muted: false, deaf: false } as const;
  if (!description) return { ...fallback };
  let value: unknown;
  try {
    value = description.startsWith('{') ? JSON.parse(description) : undefined;
  } catch {
    value = undefined;
  }
  if (!value || typeof value !== 'object' || (value as { jre?: unknown }).jre !== 1) return { ...fallback, name: description.slice(0, 256) };
  const { source, muted, deaf, off } = value as Record<string, unknown>;
  return {
    source: SOURCES.includes(source as StreamState['source']) ? (source as StreamState['source']) : fallback.source,
    muted: muted === true,
    deaf: deaf === true,
    ...(off === true ? { off: true } : {}),
  };
}

export const str = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

export const list = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? (value as Record<string, unknown>[]).filter((v) => v !== null && typeof v === 'object') : [];

/** An id as Janus sends it (a string room's member ids are strings; numeric ids are read as text). */
function idOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return typeof value === 'string' && value !== '' && value.length <= LIMITS.id ? value : undefined;
}

function displayOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' && value.length <= LIMITS.display ? value : undefined;
}

/** The entries of a list that pass `read`; the others are logged and dropped. */
function valid<T>(raw: unknown, read: (entry: Record<string, unknown>) => T | undefined, what: string): T[] {
  if (raw !== undefined && raw !== null && !Array.isArray(raw)) {
    reportInvalidMessage(`Janus relayed a ${what} list that is not a list (${preview(raw)})`);
    return [];
  }
  const entries = list(raw);
  const out: T[] = [];
  for (const entry of entries) {
    const value = read(entry);
    if (value === undefined) reportInvalidMessage(`Janus relayed a malformed ${what} (${preview(entry)})`);
    else out.push(value);
  }
  if (Array.isArray(raw) && entries.length !== raw.length) reportInvalidMessage(`Janus relayed a ${what} list with entries that are not objects`);
  return out;
}

/** A short, inert excerpt of untrusted data for a log line. */
function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

function toStream(raw: Record<string, unknown>): PublishedStream | undefined {
  if (typeof raw['mid'] !== 'string' || raw['mid'].length > 32) return undefined;
  if (raw['description'] !== undefined && (typeof raw['description'] !== 'string' || raw['description'].length > LIMITS.description)) return undefined;
  const stream: PublishedStream = {
    type: str(raw['type']) as StreamType,
    mid: str(raw['mid']),
    disabled: raw['disabled'] === true,
  };
  if (typeof raw['description'] === 'string') stream.description = raw['description'];
  if (raw['moderated'] === true) stream.moderated = true;
  return stream;
}

function toPublisher(raw: Record<string, unknown>): PublisherEntry | undefined {
  const attendee = toAttendee(raw);
  if (!attendee || (raw['streams'] !== undefined && !Array.isArray(raw['streams'])) || list(raw['streams']).length > LIMITS.streams) return undefined;
  return { ...attendee, streams: valid(raw['streams'], toStream, 'stream') };
}

function toAttendee(raw: Record<string, unknown>): AttendeeEntry | undefined {
  const id = idOf(raw['id']);
  const display = displayOf(raw['display']);
  return id === undefined || display === undefined ? undefined : { id, display };
}

/** The `listparticipants` answer: who is in the room, and who publishes. */
export function parseParticipants(answer: JanusMessage): Array<{ id: string; display: string; publisher: boolean }> {
  return valid(answer['participants'], (raw) => {
    const attendee = toAttendee(raw);
    return attendee && { ...attendee, publisher: raw['publisher'] === true };
  }, 'participant').filter((p) => !isServiceId(p.id));
}

/** One member id an event is about, or undefined (logged) when it is not a believable id. */
function eventId(value: unknown, what: string): string | undefined {
  const id = idOf(value);
  if (id === undefined) reportInvalidMessage(`Janus relayed a ${what} event with an invalid member id (${preview(value)})`);
  return id;
}

/** Janus message -> participant event, read top to bottom; the first match wins. */
const participantEventTable: Array<(m: JanusMessage) => ParticipantEvent | null | undefined> = [
  (m) => {
    if (m['videoroom'] !== 'talking' && m['videoroom'] !== 'stopped-talking') return undefined;
    const id = eventId(m['id'], 'talking');
    return id === undefined ? null : { type: 'talking', id, talking: m['videoroom'] === 'talking' };
  },
  (m) => (m['videoroom'] === 'destroyed' ? { type: 'removed', reason: 'destroyed' } : undefined),
  (m) => (m['leaving'] === 'ok' && m['reason'] === 'kicked' ? { type: 'removed', reason: 'kicked' } : undefined),
  (m) => (m['videoroom'] === 'event' && m['publishers'] !== undefined ? { type: 'publishers', publishers: valid(m['publishers'], toPublisher, 'publisher') } : undefined),
  (m) => {
    if (m['videoroom'] !== 'event' || m['joining'] === undefined) return undefined;
    const attendee = m['joining'] && typeof m['joining'] === 'object' ? toAttendee(m['joining'] as Record<string, unknown>) : undefined;
    if (!attendee) reportInvalidMessage(`Janus relayed a malformed joining event (${preview(m['joining'])})`);
    return attendee && !isServiceId(attendee.id) ? { type: 'joining', attendee } : null;
  },
  (m) => {
    if (m['videoroom'] !== 'event' || (m['moderation'] !== 'muted' && m['moderation'] !== 'unmuted')) return undefined;
    const id = eventId(m['id'], 'moderation');
    const mid = typeof m['mid'] === 'string' && m['mid'].length <= 32 ? m['mid'] : undefined;
    return id === undefined || mid === undefined ? null : { type: 'moderation', id, mid, muted: m['moderation'] === 'muted' };
  },
  (m) => member(m, 'unpublished'),
  (m) => member(m, 'leaving'),
  (m) => member(m, 'kicked'),
  (m) => {
    if (m['videoroom'] !== 'event' || m['display'] === undefined || m['id'] === undefined || m['room'] !== undefined) return undefined;
    const id = eventId(m['id'], 'display');
    const display = displayOf(m['display']);
    if (display === undefined) reportInvalidMessage(`Janus relayed a display name that is not a string of at most ${LIMITS.display} characters`);
    return id === undefined || display === undefined ? null : { type: 'display', id, display };
  },
];

/** `unpublished`, `leaving` or `kicked` about another member ("ok" is the answer to our own). */
function member(m: JanusMessage, key: 'unpublished' | 'leaving' | 'kicked'): ParticipantEvent | null | undefined {
  if (m['videoroom'] !== 'event' || m[key] === undefined || m[key] === 'ok') return undefined;
  const id = eventId(m[key], key);
  return id === undefined ? null : { type: key, id };
}

/** The room event a message carries; undefined when it carries none, or a malformed one (logged). */
export function parseParticipantEvent(message: JanusMessage): ParticipantEvent | undefined {
  for (const parse of participantEventTable) {
    const event = parse(message);
    if (event === null) return undefined;
    if (event) return event;
  }
  return undefined;
}

/** The answer to our join; throws when it lacks what a member needs (a `private_id` to subscribe with). */
export function parseJoined(message: JanusMessage): JoinedInfo {
  const privateId = message['private_id'];
  if (typeof privateId !== 'number' || !Number.isSafeInteger(privateId)) {
    throw new SignalingIncomingMessageInvalidError(
      `${SignalingIncomingMessageInvalidError.defaultMessage}: Janus's answer to the join has no valid private_id (${preview(privateId)}), without which nothing can be received. Check that the server runs a Janus VideoRoom this library supports (1.1 or later)`,
    );
  }
  const description = typeof message['description'] === 'string' ? message['description'].slice(0, LIMITS.description) : '';
  return {
    privateId,
    description,
    publishers: valid(message['publishers'], toPublisher, 'publisher'),
    attendees: valid(message['attendees'], toAttendee, 'attendee').filter((a) => !isServiceId(a.id)),
  };
}

function toSubscriptionStream(raw: Record<string, unknown>): SubscriptionStream {
  const stream: SubscriptionStream = {
    mid: str(raw['mid']),
    type: str(raw['type']) as StreamType,
    active: raw['active'] !== false && raw['feed_id'] !== undefined,
    simulcast: raw['simulcast'] !== undefined && raw['simulcast'] !== null,
  };
  if (raw['feed_id'] !== undefined) stream.feedId = str(raw['feed_id']);
  if (raw['feed_mid'] !== undefined) stream.feedMid = str(raw['feed_mid']);
  return stream;
}

/** Janus switched a subscribed simulcast stream to another layer. */
export function parseLayerChange(message: JanusMessage): { mid: string; substream: number } | undefined {
  const { mid, substream } = message;
  return message['videoroom'] === 'event' && typeof mid === 'string' && typeof substream === 'number' ? { mid, substream } : undefined;
}

/** The whole subscription, when a subscriber message describes it (`attached`, `updated`). */
export function parseSubscription(message: JanusMessage): SubscriptionStream[] | undefined {
  return Array.isArray(message['streams']) ? list(message['streams']).map(toSubscriptionStream) : undefined;
}

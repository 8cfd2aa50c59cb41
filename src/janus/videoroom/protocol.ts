/**
 * The Janus 1.1.2 VideoRoom protocol (janus-mapping.md §1) as data: message shapes and the tables
 * that turn plugin messages into typed values. Nothing here sends anything.
 */
import type { JanusMessage } from '../janus-client.js';

export const VIDEOROOM_PLUGIN = 'janus.plugin.videoroom';

export type StreamType = 'audio' | 'video' | 'data';

/** One stream a publisher announces (`publishers[].streams[]`). */
export interface PublishedStream {
  type: StreamType;
  mid: string;
  disabled: boolean;
  description?: string;
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
  /** This participant is out of the room. */
  | { type: 'removed'; reason: 'kicked' | 'destroyed' };

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
}

const SOURCES: readonly StreamState['source'][] = ['camera', 'microphone', 'screen', 'screen_audio'];

export function encodeStreamState(state: StreamState): string {
  return JSON.stringify({ jre: 1, source: state.source, muted: state.muted, ...(state.deaf ? { deaf: true } : {}) });
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
  const { source, muted, deaf } = value as Record<string, unknown>;
  return {
    source: SOURCES.includes(source as StreamState['source']) ? (source as StreamState['source']) : fallback.source,
    muted: muted === true,
    deaf: deaf === true,
  };
}

export const str = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

export const list = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? (value as Record<string, unknown>[]).filter((v) => v !== null && typeof v === 'object') : [];

function toStream(raw: Record<string, unknown>): PublishedStream {
  const stream: PublishedStream = {
    type: str(raw['type']) as StreamType,
    mid: str(raw['mid']),
    disabled: raw['disabled'] === true,
  };
  if (typeof raw['description'] === 'string') stream.description = raw['description'];
  return stream;
}

function toPublisher(raw: Record<string, unknown>): PublisherEntry {
  return { id: str(raw['id']), display: str(raw['display']), streams: list(raw['streams']).map(toStream) };
}

function toAttendee(raw: Record<string, unknown>): AttendeeEntry {
  return { id: str(raw['id']), display: str(raw['display']) };
}

/** Janus message -> participant event, read top to bottom; the first match wins. */
const participantEventTable: Array<(m: JanusMessage) => ParticipantEvent | undefined> = [
  (m) =>
    (m['videoroom'] === 'talking' || m['videoroom'] === 'stopped-talking') && m['id'] !== undefined
      ? { type: 'talking', id: str(m['id']), talking: m['videoroom'] === 'talking' }
      : undefined,
  (m) => (m['videoroom'] === 'destroyed' ? { type: 'removed', reason: 'destroyed' } : undefined),
  (m) => (m['leaving'] === 'ok' && m['reason'] === 'kicked' ? { type: 'removed', reason: 'kicked' } : undefined),
  (m) =>
    m['videoroom'] === 'event' && Array.isArray(m['publishers'])
      ? { type: 'publishers', publishers: list(m['publishers']).map(toPublisher) }
      : undefined,
  (m) =>
    m['videoroom'] === 'event' && m['joining'] && typeof m['joining'] === 'object'
      ? { type: 'joining', attendee: toAttendee(m['joining'] as Record<string, unknown>) }
      : undefined,
  (m) =>
    m['videoroom'] === 'event' && m['unpublished'] !== undefined && m['unpublished'] !== 'ok'
      ? { type: 'unpublished', id: str(m['unpublished']) }
      : undefined,
  (m) =>
    m['videoroom'] === 'event' && m['leaving'] !== undefined && m['leaving'] !== 'ok'
      ? { type: 'leaving', id: str(m['leaving']) }
      : undefined,
  (m) => (m['videoroom'] === 'event' && m['kicked'] !== undefined ? { type: 'kicked', id: str(m['kicked']) } : undefined),
  (m) =>
    m['videoroom'] === 'event' && typeof m['display'] === 'string' && m['id'] !== undefined && m['room'] === undefined
      ? { type: 'display', id: str(m['id']), display: m['display'] }
      : undefined,
];

export function parseParticipantEvent(message: JanusMessage): ParticipantEvent | undefined {
  for (const parse of participantEventTable) {
    const event = parse(message);
    if (event) return event;
  }
  return undefined;
}

export function parseJoined(message: JanusMessage): JoinedInfo {
  return {
    privateId: Number(message['private_id']),
    description: str(message['description']),
    publishers: list(message['publishers']).map(toPublisher),
    attendees: list(message['attendees']).map(toAttendee),
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

/**
 * The Janus 1.1.2 VideoRoom protocol (janus-mapping.md §1), typed: a participant handle that joins,
 * publishes and receives room events, and a multistream subscriber handle. Janus messages are
 * parsed here into typed events; the room model never sees raw plugin data.
 */
import mitt, { type Emitter } from 'mitt';
import {
  JanusFailure,
  type HandleEvents,
  type JanusMessage,
  type JanusSession,
  type Jsep,
  type PluginHandle,
} from './janus-client.js';

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
  /** This participant is out of the room. */
  | { type: 'removed'; reason: 'kicked' | 'destroyed' };

export interface RoomOptions {
  pin?: string;
  publishers: number;
}

/** 128 random bits, hex. */
function unguessable(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

const str = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

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
  const streams = Array.isArray(raw['streams']) ? (raw['streams'] as Record<string, unknown>[]) : [];
  return { id: str(raw['id']), display: str(raw['display']), streams: streams.map(toStream) };
}

function toAttendee(raw: Record<string, unknown>): AttendeeEntry {
  return { id: str(raw['id']), display: str(raw['display']) };
}

const list = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? (value as Record<string, unknown>[]) : [];

/** Janus message -> participant event, read top to bottom; the first match wins. */
const participantEventTable: Array<(m: JanusMessage) => ParticipantEvent | undefined> = [
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
  (m) =>
    m['videoroom'] === 'event' && m['kicked'] !== undefined
      ? { type: 'kicked', id: str(m['kicked']) }
      : undefined,
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

export type ParticipantHandleEvents = {
  room: ParticipantEvent;
  connectionState: RTCPeerConnectionState;
  /** Janus set up this handle's media (`webrtcup`): it now relays what we publish. */
  up: undefined;
  /** Janus hung up this handle's PeerConnection. */
  hangup: { reason: string };
};

/** A publisher-type handle: it is a member of the room, whether it publishes or not. */
export class VideoRoomParticipant {
  readonly events: Emitter<ParticipantHandleEvents> = mitt<ParticipantHandleEvents>();
  /** Whether Janus has set up our media (between `webrtcup` and `hangup`). */
  janusUp = false;
  private readonly handle: PluginHandle;

  private constructor(handle: PluginHandle) {
    this.handle = handle;
    handle.events.on('message', ({ message }) => {
      const event = parseParticipantEvent(message);
      if (event) this.events.emit('room', event);
    });
    handle.events.on('connectionState', (state) => this.events.emit('connectionState', state));
    handle.events.on('webrtcState', ({ up, reason }) => {
      this.janusUp = up;
      if (up) this.events.emit('up', undefined);
      else this.events.emit('hangup', { reason: reason ?? 'hangup' });
    });
  }

  static async attach(session: JanusSession): Promise<VideoRoomParticipant> {
    return new VideoRoomParticipant(await session.attach(VIDEOROOM_PLUGIN));
  }

  get id(): string {
    return this.handle.id;
  }

  get peerConnection(): RTCPeerConnection | null {
    return this.handle.peerConnection;
  }

  async exists(room: string): Promise<boolean> {
    const answer = await this.handle.request({ request: 'exists', room });
    return answer['exists'] === true;
  }

  /**
   * Creates the room; a room created meanwhile by someone else counts as success. The room gets a
   * random `secret` that nobody keeps: without one, any client could kick, moderate, destroy the
   * room or `rtp_forward` its media anywhere. `lock_record` keeps members from recording it.
   */
  async create(room: string, options: RoomOptions): Promise<void> {
    try {
      await this.handle.request({
        request: 'create',
        room,
        description: room,
        secret: unguessable(),
        lock_record: true,
        publishers: options.publishers,
        notify_joining: true,
        audiolevel_event: true,
        is_private: false,
        permanent: false,
        ...(options.pin ? { pin: options.pin } : {}),
      });
    } catch (error) {
      if (!(error instanceof JanusFailure && error.janusCode === 427)) throw error;
    }
  }

  async join(options: { room: string; id: string; display: string; pin?: string }): Promise<JoinedInfo> {
    const { message } = await this.handle.send(
      {
        request: 'join',
        ptype: 'publisher',
        room: options.room,
        id: options.id,
        display: options.display,
        ...(options.pin ? { pin: options.pin } : {}),
      },
      { until: (m) => m['videoroom'] === 'joined' },
    );
    return {
      privateId: Number(message['private_id']),
      description: str(message['description']),
      publishers: list(message['publishers']).map(toPublisher),
      attendees: list(message['attendees']).map(toAttendee),
    };
  }

  /** Publishes tracks the caller owns (janus.js never stops them). Resolves once Janus answered. */
  async publish(tracks: MediaStreamTrack[]): Promise<void> {
    const offer = await this.handle.createOffer(
      tracks.map((track) => ({ type: track.kind as 'audio' | 'video', capture: track, recv: false, dontStop: true })),
    );
    const { jsep } = await this.handle.send(
      { request: 'publish' },
      { jsep: offer, until: (m) => m['configured'] === 'ok' },
    );
    if (!jsep) throw new JanusFailure('plugin', 'Janus accepted the publish request without an SDP answer');
    await this.handle.handleRemoteJsep(jsep);
  }
}

/** A stream of the subscription (`attached`/`updated` `streams[]`). */
export interface SubscriptionStream {
  mid: string;
  type: StreamType;
  active: boolean;
  feedId?: string;
  feedMid?: string;
}

export type SubscriberHandleEvents = {
  /** The whole subscription, each time Janus describes it. */
  streams: SubscriptionStream[];
  track: HandleEvents['remoteTrack'];
  connectionState: RTCPeerConnectionState;
  /** Something failed outside any request (answering an offer Janus sent by itself). */
  failure: Error;
};

function toSubscriptionStream(raw: Record<string, unknown>): SubscriptionStream {
  const stream: SubscriptionStream = {
    mid: str(raw['mid']),
    type: str(raw['type']) as StreamType,
    active: raw['active'] !== false && raw['feed_id'] !== undefined,
  };
  if (raw['feed_id'] !== undefined) stream.feedId = str(raw['feed_id']);
  if (raw['feed_mid'] !== undefined) stream.feedMid = str(raw['feed_mid']);
  return stream;
}

export interface FeedStream {
  feed: string;
  mid: string;
}

/**
 * One multistream subscriber PeerConnection for the whole room. `subscribe` joins on first use and
 * adds streams afterwards; every offer Janus sends (for our requests, or by itself when a
 * publisher leaves) is answered in order.
 */
export class VideoRoomSubscriber {
  readonly events: Emitter<SubscriberHandleEvents> = mitt<SubscriberHandleEvents>();
  private readonly handle: PluginHandle;
  private readonly join: { room: string; pin?: string; privateId: number };
  private joined = false;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(handle: PluginHandle, join: { room: string; pin?: string; privateId: number }) {
    this.handle = handle;
    this.join = join;
    handle.events.on('message', ({ message, jsep }) => {
      if (Array.isArray(message['streams'])) {
        this.events.emit('streams', list(message['streams']).map(toSubscriptionStream));
      }
      if (jsep?.type === 'offer') {
        this.enqueue(() => this.answer(jsep)).catch((error: unknown) =>
          this.events.emit('failure', error instanceof Error ? error : new Error(String(error))),
        );
      }
    });
    handle.events.on('remoteTrack', (event) => this.events.emit('track', event));
    handle.events.on('connectionState', (state) => this.events.emit('connectionState', state));
  }

  static async attach(
    session: JanusSession,
    join: { room: string; pin?: string; privateId: number },
  ): Promise<VideoRoomSubscriber> {
    return new VideoRoomSubscriber(await session.attach(VIDEOROOM_PLUGIN), join);
  }

  get peerConnection(): RTCPeerConnection | null {
    return this.handle.peerConnection;
  }

  /** Adds streams to the subscription. Resolves when Janus accepted the request. */
  subscribe(streams: FeedStream[]): Promise<void> {
    return this.enqueue(async () => {
      if (!this.joined) {
        await this.handle.send(
          {
            request: 'join',
            ptype: 'subscriber',
            room: this.join.room,
            private_id: this.join.privateId,
            ...(this.join.pin ? { pin: this.join.pin } : {}),
            streams,
          },
          { until: (m) => m['videoroom'] === 'attached' },
        );
        this.joined = true;
      } else {
        await this.handle.send(
          { request: 'subscribe', streams },
          { until: (m) => m['videoroom'] === 'updated' || m['videoroom'] === 'updating' },
        );
      }
    });
  }

  private async answer(offer: Jsep): Promise<void> {
    const answer = await this.handle.createAnswer(offer, []);
    await this.handle.send({ request: 'start' }, { jsep: answer, until: (m) => m['started'] === 'ok' });
  }

  private enqueue<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

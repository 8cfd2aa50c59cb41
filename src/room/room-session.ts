/**
 * The room model with SignalWire's `RoomSession` method surface. It coordinates: the connection
 * lifecycle (connection.ts), the members (roster.ts), what we publish (publications.ts) and
 * receive (subscriptions.ts); elements render its snapshots (views.ts) and re-dispatch the events
 * derived from them (announcements.ts, src/events/). No Lit, no DOM rendering.
 */
import mitt, { type Emitter } from 'mitt';
import { RoomCompletedError, RoomNotFoundError, SignalingConnectionDisconnectedError } from '../errors/errors.js';
import { toRoomError, type JanusPhase } from '../janus/errors.js';
import { JanusFailure, JanusSession, isWebRTCSupported } from '../janus/janus-client.js';
import type { ParticipantEvent } from '../janus/videoroom/protocol.js';
import { VideoRoomPublisher } from '../janus/videoroom/publisher.js';
import { captureLocalMedia, stopTracks } from '../media/local-media.js';
import { announce, baselineAtJoin, type AnnouncedEvents, type TrackEvent } from './announcements.js';
import { Connection, nextMediaUp, type Attempt, type Left } from './connection.js';
import { resolveOptions, type ResolvedOptions } from './options.js';
import { NO_PUBLICATIONS, publish, type LocalPublications, type LocalSource } from './publications.js';
import { EMPTY_ROSTER, reduceRoster, withMember, type Roster } from './roster.js';
import { Subscriptions } from './subscriptions.js';
import type { ConnectionState, Member, Participant, RoomSessionOptions, RoomSnapshot, TrackKind } from './types.js';
import { buildSnapshot, memberOf, participantOf, type ModelParts } from './views.js';

export type { TrackEvent } from './announcements.js';

export type RoomSessionEvents = AnnouncedEvents & {
  /** A new snapshot (batched: at most one per microtask). */
  state: RoomSnapshot;
  joined: { snapshot: RoomSnapshot; callId: string; roomName: string };
  left: Left;
  trackSubscriptionFailed: TrackEvent & { error: Error };
  /** A failure that does not end the session. */
  error: { error: Error };
};

function newMemberId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export class RoomSession {
  readonly events: Emitter<RoomSessionEvents> = mitt<RoomSessionEvents>();
  /** Options for the next `join()`; a change takes effect when joining again. */
  options: RoomSessionOptions;

  private readonly connection = new Connection({
    connect: (attempt) => this.connect(attempt),
    release: () => this.release(),
    joined: () => this.onJoined(),
    disconnect: (left) => this.disconnect(left),
    changed: () => this.changed(),
  });
  private resolved: ResolvedOptions | undefined;
  private memberIdValue: string | null = null;
  private roomName = '';
  private roster: Roster = EMPTY_ROSTER;
  private local: LocalPublications = NO_PUBLICATIONS;
  private localStreamValue: MediaStream | null = null;
  private session: JanusSession | undefined;
  private publisher: VideoRoomPublisher | undefined;
  private subscriptions: Subscriptions | undefined;
  private readonly pcStates = new Map<'publisher' | 'subscriber', RTCPeerConnectionState>();
  private mediaUp = false;
  private snapshotCache: RoomSnapshot | undefined;
  private lastSnapshot: RoomSnapshot | undefined;
  /** The snapshot events were last derived from, while joined. */
  private announced: RoomSnapshot | undefined;
  private flushQueued = false;

  constructor(options: RoomSessionOptions) {
    this.options = options;
  }

  get state(): ConnectionState {
    return this.connection.state;
  }

  /** Whether the room is joined (SignalWire `active`). */
  get active(): boolean {
    return this.state === 'connected';
  }

  get memberId(): string | null {
    return this.snapshot.memberId;
  }

  get roomId(): string | null {
    return this.snapshot.roomId;
  }

  /** Janus has no room sessions: this is the room id, the same for every member. */
  get roomSessionId(): string | null {
    return this.snapshot.roomSessionId;
  }

  get members(): readonly Member[] {
    return this.snapshot.members;
  }

  /** The other members as Twilio `RemoteParticipant`s, by `sid`. */
  get participants(): ReadonlyMap<string, Participant> {
    return this.snapshot.participants;
  }

  get localStream(): MediaStream | null {
    return this.localStreamValue;
  }

  get localAudioTrack(): MediaStreamTrack | null {
    return this.localStreamValue?.getAudioTracks()[0] ?? null;
  }

  get localVideoTrack(): MediaStreamTrack | null {
    return this.localStreamValue?.getVideoTracks()[0] ?? null;
  }

  /** Everything there is to render, as one immutable object (a new one after every change). */
  get snapshot(): RoomSnapshot {
    this.snapshotCache ??= this.lastSnapshot = buildSnapshot(this.parts(), this.lastSnapshot);
    return this.snapshotCache;
  }

  /**
   * Captures camera and microphone (unless `audio`/`video` are false), joins the room, publishes,
   * subscribes to every other member, and resolves once joined. Rejects with a documented error
   * (or the browser's media error); nothing stays half-joined after a rejection.
   */
  async join(): Promise<this> {
    await this.connection.join();
    return this;
  }

  /** Leaves the room (or cancels a join under way) and releases every PeerConnection and device. */
  leave(): Promise<void> {
    return this.connection.leave();
  }

  // ------------------------------------------------------------------ joining and leaving

  private async connect(attempt: Attempt): Promise<void> {
    const options = resolveOptions(this.options);
    if (!isWebRTCSupported()) throw new DOMException('This browser does not support WebRTC', 'NotSupportedError');
    const memberId = newMemberId();
    this.resolved = options;
    this.memberIdValue = memberId;
    let phase: JanusPhase = 'connect';
    try {
      this.localStreamValue = await attempt.step(captureLocalMedia({ audio: options.audio, video: options.video }), stopTracks);
      const session = await attempt.step(JanusSession.connect({ ...options, signal: attempt.signal }), (late) => void late.destroy());
      this.session = session;
      session.events.on('disconnected', ({ reason }) =>
        this.connection.fail('connection_lost', new SignalingConnectionDisconnectedError(`Signaling connection disconnected: ${reason}`)),
      );

      phase = 'join';
      const publisher = await attempt.step(VideoRoomPublisher.attach(session));
      this.publisher = publisher;
      publisher.events.on('room', (event) => this.onRoomEvent(event));
      publisher.events.on('connectionState', (state) => this.setPcState('publisher', state));
      await attempt.step(this.ensureRoom(publisher, options));
      const joined = await attempt.step(
        publisher.join({ room: options.room, id: memberId, display: options.identity, ...(options.pin ? { pin: options.pin } : {}) }),
      );
      this.roomName = joined.description || options.room;
      this.roster = joined.attendees.reduce((r, a) => withMember(r, a.id, a.display), withMember(EMPTY_ROSTER, memberId, options.identity, true));
      this.subscribe(session, joined.privateId, options);
      // Subscribing to those already publishing runs in parallel with publishing.
      this.onRoomEvent({ type: 'publishers', publishers: joined.publishers });

      const tracks = new Map<LocalSource, MediaStreamTrack>();
      for (const track of this.localStreamValue.getTracks()) tracks.set(track.kind === 'video' ? 'camera' : 'microphone', track);
      if (tracks.size > 0) {
        phase = 'publish';
        const published = await attempt.step(publish(publisher, tracks));
        await attempt.step(publisher.mediaUp(options.timeout));
        this.local = published;
      }
    } catch (error) {
      throw toRoomError(error, { phase, server: options.server, room: options.room });
    }
  }

  private async ensureRoom(publisher: VideoRoomPublisher, options: ResolvedOptions): Promise<void> {
    if (await publisher.exists(options.room)) return;
    const notFound = (detail: string, cause?: unknown) =>
      new RoomNotFoundError(`Room not found: room "${options.room}" ${detail}`, { attribute: 'room', ...(cause === undefined ? {} : { cause }) });
    if (!options.create) throw notFound('does not exist. Check the room attribute, or let this client create it (remove create="false")');
    try {
      await publisher.create(options.room, { publishers: options.maxPublishers, ...(options.pin ? { pin: options.pin } : {}) });
    } catch (error) {
      // Janus refuses `create` when it requires an admin_key: ad-hoc creation is off there.
      if (error instanceof JanusFailure && error.kind === 'plugin') {
        throw notFound('does not exist, and this Janus does not let clients create rooms. Create it first, on the server side', error);
      }
      throw error;
    }
  }

  private subscribe(session: JanusSession, privateId: number, options: ResolvedOptions): void {
    const receive = new Set<TrackKind>(['audio', 'video']);
    const subscriptions = new Subscriptions(session, { room: options.room, privateId, receive, ...(options.pin ? { pin: options.pin } : {}) }, () => this.roster);
    this.subscriptions = subscriptions;
    const context = { server: options.server, room: options.room };
    subscriptions.events.on('changed', () => this.changed());
    subscriptions.events.on('connectionState', (state) => this.setPcState('subscriber', state));
    subscriptions.events.on('error', (error) => this.events.emit('error', { error: toRoomError(error, { phase: 'answer', ...context }) }));
    subscriptions.events.on('failed', ({ memberId, mid, error }) => {
      const record = this.roster.get(memberId);
      const parts = this.parts();
      const participant = record && participantOf(record, parts);
      const publication = participant?.tracks.get(`${memberId}:${mid}`);
      if (!record || !participant || !publication) return;
      this.events.emit('trackSubscriptionFailed', {
        member: memberOf(record, parts),
        participant,
        publication,
        error: toRoomError(error, { phase: 'subscribe', ...context }),
      });
    });
  }

  private onJoined(): void {
    this.mediaUp = nextMediaUp(false, [...this.pcStates.values()]);
    this.changed();
    const snapshot = this.snapshot;
    this.events.emit('joined', { snapshot, callId: this.publisher?.id ?? '', roomName: this.roomName });
    this.events.emit('membersChanged', { members: snapshot.members });
    // What arrived while joining (tracks, the media connection) is announced next.
    this.announced = baselineAtJoin(snapshot);
  }

  private async disconnect(left: Left): Promise<void> {
    if (this.announced?.mediaConnected) this.events.emit('mediaDisconnected', undefined);
    this.announced = undefined;
    await this.release({ lost: left.reason === 'connection_lost' });
    this.events.emit('left', left);
  }

  /** Releases whatever a join acquired; safe to call at any point. */
  private async release(options: { lost?: boolean } = {}): Promise<void> {
    stopTracks(this.localStreamValue);
    this.localStreamValue = null;
    const session = this.session;
    this.session = undefined;
    this.publisher = undefined;
    this.subscriptions?.close();
    this.subscriptions = undefined;
    this.roster = EMPTY_ROSTER;
    this.local = NO_PUBLICATIONS;
    this.pcStates.clear();
    this.mediaUp = false;
    this.announced = undefined;
    this.changed();
    // Destroying the session closes every PeerConnection and tells Janus (and so the others).
    await session?.destroy({ unload: options.lost === true });
  }

  // ------------------------------------------------------------------ events from Janus

  private onRoomEvent(event: ParticipantEvent): void {
    if (event.type === 'removed') {
      if (event.reason === 'kicked') this.connection.fail('kicked');
      else this.connection.fail('room_destroyed', new RoomCompletedError('Room completed: the room was destroyed'));
      return;
    }
    this.roster = reduceRoster(this.roster, event, this.memberIdValue ?? '');
    this.subscriptions?.sync();
    this.changed();
  }

  private setPcState(which: 'publisher' | 'subscriber', state: RTCPeerConnectionState): void {
    if (this.state === 'disconnected') return;
    this.pcStates.set(which, state);
    if (this.state === 'connected') this.mediaUp = nextMediaUp(this.mediaUp, [...this.pcStates.values()]);
    this.changed();
  }

  // ------------------------------------------------------------------ snapshots and announcements

  private parts(): ModelParts {
    return {
      state: this.state,
      room: this.state === 'disconnected' ? null : (this.resolved?.room ?? null),
      memberId: this.memberIdValue,
      roster: this.roster,
      local: this.local,
      remote: this.subscriptions?.tracks ?? new Map(),
      localStream: this.localStreamValue,
      mediaConnected: this.mediaUp,
    };
  }

  private changed(): void {
    this.snapshotCache = undefined;
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => {
      this.flushQueued = false;
      const snapshot = this.snapshot;
      this.events.emit('state', snapshot);
      if (!this.announced || snapshot.state !== 'connected') return;
      const announcements = announce(this.announced, snapshot);
      this.announced = snapshot;
      for (const { type, event } of announcements) (this.events.emit as (t: string, e: unknown) => void)(type, event);
    });
  }
}

/**
 * The room model: members, publications, subscriptions, local media and connection state, with
 * SignalWire's `RoomSession` method surface. No Lit, no DOM rendering; elements render its
 * snapshots and re-dispatch its events (src/events/dom-events.ts).
 */
import mitt, { type Emitter } from 'mitt';
import {
  MediaConnectionError,
  RoomCompletedError,
  RoomNotFoundError,
  SignalingConnectionDisconnectedError,
} from '../errors/errors.js';
import { toRoomError, type JanusPhase } from '../janus/errors.js';
import { JanusFailure, JanusSession, isWebRTCSupported, withTimeout } from '../janus/janus-client.js';
import {
  VideoRoomParticipant,
  VideoRoomSubscriber,
  type FeedStream,
  type ParticipantEvent,
  type PublishedStream,
  type SubscriptionStream,
} from '../janus/videoroom.js';
import { captureLocalMedia, stopTracks } from '../media/local-media.js';
import { resolveOptions, type ResolvedOptions } from './options.js';
import type {
  ConnectionState,
  LeaveReason,
  Member,
  MemberMedia,
  Participant,
  RemoteTrack,
  RoomSessionOptions,
  RoomSnapshot,
  TrackKind,
  TrackPublication,
} from './types.js';

interface MemberRecord {
  readonly id: string;
  name: string;
  readonly local: boolean;
  /** Published audio/video streams by the publisher's mid (local member: by kind). */
  readonly streams: Map<string, PublishedStream>;
  /** Received tracks by the publisher's mid (local member: the captured tracks, by kind). */
  readonly tracks: Map<string, MediaStreamTrack>;
  /** Publisher mids whose track has started (media arrived). */
  readonly started: Set<string>;
}

export interface TrackEvent {
  member: Member;
  participant: Participant;
  publication: TrackPublication;
}

export type RoomSessionEvents = {
  /** A new snapshot (batched: at most one per microtask). */
  state: RoomSnapshot;
  joined: { snapshot: RoomSnapshot; callId: string; roomName: string };
  left: { reason?: LeaveReason; error?: Error };
  memberJoined: { member: Member; participant: Participant };
  memberLeft: { member: Member; participant: Participant };
  membersChanged: { members: readonly Member[] };
  trackPublished: TrackEvent;
  trackUnpublished: TrackEvent;
  trackSubscribed: TrackEvent & { track: RemoteTrack };
  trackUnsubscribed: TrackEvent & { track: RemoteTrack };
  trackStarted: TrackEvent & { track: RemoteTrack };
  trackSubscriptionFailed: TrackEvent & { error: Error };
  mediaConnected: undefined;
  mediaDisconnected: undefined;
  /** A failure that does not end the session. */
  error: { error: Error };
};

const isMedia = (stream: PublishedStream) => (stream.type === 'audio' || stream.type === 'video') && !stream.disabled;
const feedKey = (feed: string, mid: string) => `${feed}\u0000${mid}`;

function newMemberId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class RoomSession {
  readonly events: Emitter<RoomSessionEvents> = mitt<RoomSessionEvents>();
  /** Options for the next `join()`; a change takes effect when joining again. */
  options: RoomSessionOptions;

  private connection: ConnectionState = 'disconnected';
  private resolved: ResolvedOptions | undefined;
  private memberIdValue: string | null = null;
  private privateId = 0;
  private localStreamValue: MediaStream | null = null;
  private readonly records = new Map<string, MemberRecord>();
  private session: JanusSession | undefined;
  private subscriber: Promise<VideoRoomSubscriber> | undefined;
  /** Feeds asked for (feedKey), so each publication is requested once. */
  private readonly requested = new Set<string>();
  /** The subscription as Janus last described it, by subscriber mid. */
  private subscription = new Map<string, SubscriptionStream>();
  /** Tracks received on the subscriber PeerConnection, by subscriber mid. */
  private readonly receivedTracks = new Map<string, MediaStreamTrack>();
  private readonly pcStates = new Map<'publisher' | 'subscriber', RTCPeerConnectionState>();
  private mediaUp = false;
  /** Bumped by every leave; a join that sees a different value stops. */
  private generation = 0;
  private abortReason: Error | undefined;
  private joining: Promise<this> | undefined;
  private leaving: Promise<void> | undefined;
  private snapshotCache: RoomSnapshot | undefined;
  private flushQueued = false;
  private announcedMembers: readonly Member[] = [];

  constructor(options: RoomSessionOptions) {
    this.options = options;
  }

  get state(): ConnectionState {
    return this.connection;
  }

  /** Whether the room is joined (SignalWire `active`). */
  get active(): boolean {
    return this.connection === 'connected';
  }

  get memberId(): string | null {
    return this.active ? this.memberIdValue : null;
  }

  get roomId(): string | null {
    return this.active ? (this.resolved?.room ?? null) : null;
  }

  /** Janus has no room sessions: this is the room id, the same for every member. */
  get roomSessionId(): string | null {
    return this.roomId;
  }

  get members(): readonly Member[] {
    return this.snapshot.members;
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
    this.snapshotCache ??= Object.freeze({
      state: this.connection,
      roomId: this.roomId,
      roomSessionId: this.roomSessionId,
      memberId: this.memberId,
      members: Object.freeze([...this.records.values()].map((record) => this.toMember(record))),
      media: new Map([...this.records.values()].map((record) => [record.id, mediaOf(record)])),
      localStream: this.localStreamValue,
    });
    return this.snapshotCache;
  }

  /**
   * Captures camera and microphone (unless `audio`/`video` are false), joins the room, publishes,
   * subscribes to every other member, and resolves once joined. Rejects with a documented error
   * (or the browser's media error); nothing stays half-joined after a rejection.
   */
  join(): Promise<this> {
    if (this.joining) return this.joining;
    if (this.connection === 'connected') return Promise.resolve(this);
    // Taken now: a leave() from here on changes the generation and so stops this join.
    const token = this.generation;
    const start = async () => {
      await this.leaving;
      return this.connect(token);
    };
    this.joining = start().finally(() => {
      this.joining = undefined;
    });
    return this.joining;
  }

  /** Leaves the room and releases everything: PeerConnections, Janus handles, session, devices. */
  leave(): Promise<void> {
    if (this.leaving) return this.leaving;
    if (this.joining) {
      this.abort(undefined);
      return this.joining.then(
        () => undefined,
        () => undefined,
      );
    }
    if (this.connection !== 'connected') return Promise.resolve();
    return this.startLeaving({});
  }

  // ------------------------------------------------------------------ joining

  private async connect(token: number): Promise<this> {
    const options = resolveOptions(this.options);
    if (!isWebRTCSupported()) throw new DOMException('This browser does not support WebRTC', 'NotSupportedError');
    let phase: JanusPhase = 'connect';
    this.resolved = options;
    this.abortReason = undefined;
    this.memberIdValue = newMemberId();
    this.connection = 'connecting';
    this.changed();
    try {
      this.localStreamValue = await captureLocalMedia({ audio: options.audio, video: options.video });
      this.checkpoint(token);

      const session = await JanusSession.connect(options);
      this.session = session;
      this.checkpoint(token);
      session.events.on('disconnected', ({ reason }) =>
        this.fail(new SignalingConnectionDisconnectedError(`Signaling connection disconnected: ${reason}`), 'connection_lost'),
      );

      phase = 'join';
      const participant = await VideoRoomParticipant.attach(session);
      participant.events.on('room', (event) => this.apply(event));
      participant.events.on('connectionState', (state) => this.mediaState('publisher', state));
      this.checkpoint(token);
      await this.ensureRoom(participant, options);
      this.checkpoint(token);

      const joined = await participant.join({
        room: options.room,
        id: this.memberIdValue,
        display: options.identity,
        ...(options.pin ? { pin: options.pin } : {}),
      });
      this.checkpoint(token);
      this.privateId = joined.privateId;
      this.addMember(this.memberIdValue, options.identity, true);
      for (const attendee of joined.attendees) this.addMember(attendee.id, attendee.display);
      // Applying the publishers also starts subscribing to them, in parallel with publishing; track
      // events stay quiet until room.joined, which announces what has arrived by then.
      this.apply({ type: 'publishers', publishers: joined.publishers });

      const tracks = this.localStreamValue.getTracks();
      if (tracks.length > 0) {
        phase = 'publish';
        await participant.publish(tracks);
        this.checkpoint(token);
        await this.mediaConnected(participant, options.timeout);
        this.checkpoint(token);
        const self = this.records.get(this.memberIdValue)!;
        for (const track of tracks) {
          self.streams.set(track.kind, { type: track.kind as TrackKind, mid: track.kind, disabled: false });
          self.tracks.set(track.kind, track);
        }
      }

      this.connection = 'connected';
      window.addEventListener('pagehide', this.onPageHide);
      this.changed();
      this.events.emit('joined', {
        snapshot: this.snapshot,
        callId: participant.id,
        roomName: joined.description || options.room,
      });
      this.announceReceivedTracks();
      this.announceMediaState();
      this.syncSubscriptions();
      return this;
    } catch (error) {
      const failure = toRoomError(error, { phase, server: options.server, room: options.room });
      await this.release({});
      this.connection = 'disconnected';
      this.changed();
      throw failure;
    }
  }

  private async ensureRoom(participant: VideoRoomParticipant, options: ResolvedOptions): Promise<void> {
    if (await participant.exists(options.room)) return;
    const notFound = (detail: string, cause?: unknown) =>
      new RoomNotFoundError(`Room not found: room "${options.room}" ${detail}`, {
        attribute: 'room',
        ...(cause === undefined ? {} : { cause }),
      });
    if (!options.create) throw notFound('does not exist');
    try {
      await participant.create(options.room, {
        publishers: options.maxPublishers,
        ...(options.pin ? { pin: options.pin } : {}),
      });
    } catch (error) {
      // Janus refuses `create` when it requires an admin_key: ad-hoc creation is off there.
      if (error instanceof JanusFailure && error.kind === 'plugin') {
        throw notFound('does not exist and this server does not let clients create rooms', error);
      }
      throw error;
    }
  }

  /**
   * Waits until both ends agree the publisher is up: the browser's PeerConnection is connected and
   * Janus sent `webrtcup` (only then does Janus count us as a publisher and relay our media).
   */
  private async mediaConnected(participant: VideoRoomParticipant, timeout: number): Promise<void> {
    const ready = () => participant.janusUp && participant.peerConnection?.connectionState === 'connected';
    if (ready()) return;
    let onState: (state: RTCPeerConnectionState) => void = () => {};
    let onChange: () => void = () => {};
    let onHangup: (event: { reason: string }) => void = () => {};
    const connected = new Promise<void>((resolve, reject) => {
      onChange = () => {
        if (ready()) resolve();
      };
      onState = (state) => {
        if (state === 'failed' || state === 'closed') {
          reject(new MediaConnectionError(`Media connection failed: the PeerConnection is ${state}`));
        } else onChange();
      };
      onHangup = ({ reason }) => reject(new MediaConnectionError(`Media connection failed: Janus hung up (${reason})`));
      participant.events.on('connectionState', onState);
      participant.events.on('up', onChange);
      participant.events.on('hangup', onHangup);
    });
    try {
      await withTimeout(connected, timeout, () =>
        new MediaConnectionError(`Media connection failed: not connected within ${timeout} ms`),
      );
    } finally {
      participant.events.off('connectionState', onState);
      participant.events.off('up', onChange);
      participant.events.off('hangup', onHangup);
    }
  }

  private checkpoint(token: number): void {
    if (token !== this.generation) {
      throw this.abortReason ?? new DOMException('leave() was called before join() finished', 'AbortError');
    }
  }

  private abort(reason: Error | undefined): void {
    this.abortReason = reason;
    this.generation++;
  }

  // ------------------------------------------------------------------ leaving

  private readonly onPageHide = () => {
    void this.startLeaving({ reason: 'pagehide' });
  };

  private startLeaving(left: { reason?: LeaveReason; error?: Error }): Promise<void> {
    this.leaving ??= this.disconnect(left).finally(() => {
      this.leaving = undefined;
    });
    return this.leaving;
  }

  /** An unexpected end: while joining it fails the join, once joined it leaves with a reason. */
  private fail(error: Error | undefined, reason: LeaveReason): void {
    if (this.connection === 'connecting') {
      this.abort(error ?? new SignalingConnectionDisconnectedError(`Signaling connection disconnected: ${reason}`));
    } else if (this.connection === 'connected') {
      void this.startLeaving(error ? { reason, error } : { reason });
    }
  }

  private async disconnect(left: { reason?: LeaveReason; error?: Error }): Promise<void> {
    if (this.connection !== 'connected') return;
    this.generation++;
    this.connection = 'disconnected';
    if (this.mediaUp) this.events.emit('mediaDisconnected', undefined);
    await this.release({ lost: left.reason === 'connection_lost' });
    this.changed();
    this.events.emit('left', left);
  }

  /** Releases whatever this join acquired; safe to call at any point. */
  private async release(options: { lost?: boolean }): Promise<void> {
    window.removeEventListener('pagehide', this.onPageHide);
    stopTracks(this.localStreamValue);
    this.localStreamValue = null;
    const session = this.session;
    this.session = undefined;
    this.subscriber = undefined;
    this.privateId = 0;
    this.records.clear();
    this.requested.clear();
    this.subscription.clear();
    this.receivedTracks.clear();
    this.pcStates.clear();
    this.mediaUp = false;
    this.announcedMembers = [];
    this.changed();
    // Destroying the session closes every PeerConnection and tells Janus (and so the others).
    await session?.destroy({ unload: options.lost === true });
  }

  // ------------------------------------------------------------------ room events

  /** Janus room event -> model state, one row per event type. */
  private readonly reducers: { [T in ParticipantEvent['type']]: (event: Extract<ParticipantEvent, { type: T }>) => void } = {
    publishers: (event) => {
      for (const publisher of event.publishers) {
        if (publisher.id === this.memberIdValue) continue;
        this.addMember(publisher.id, publisher.display);
        this.setStreams(publisher.id, publisher.streams.filter(isMedia));
      }
      this.syncSubscriptions();
    },
    joining: (event) => {
      if (event.attendee.id !== this.memberIdValue) this.addMember(event.attendee.id, event.attendee.display);
    },
    unpublished: (event) => this.setStreams(event.id, []),
    leaving: (event) => this.removeMember(event.id),
    kicked: (event) => this.removeMember(event.id),
    display: (event) => {
      const record = this.records.get(event.id);
      if (record) {
        record.name = event.display;
        this.changed();
      }
    },
    removed: (event) =>
      event.reason === 'kicked'
        ? this.fail(undefined, 'kicked')
        : this.fail(new RoomCompletedError('Room completed: the room was destroyed'), 'room_destroyed'),
  };

  private apply(event: ParticipantEvent): void {
    (this.reducers[event.type] as (e: ParticipantEvent) => void)(event);
  }

  /** Whether events about other members are announced (not while the initial roster loads). */
  private get announcing(): boolean {
    return this.connection === 'connected';
  }

  private addMember(id: string, name: string, local = false): MemberRecord {
    let record = this.records.get(id);
    if (record) {
      if (name && record.name !== name) {
        record.name = name;
        this.changed();
      }
      return record;
    }
    record = { id, name, local, streams: new Map(), tracks: new Map(), started: new Set() };
    this.records.set(id, record);
    this.changed();
    if (!local && this.announcing) {
      this.events.emit('memberJoined', { member: this.toMember(record), participant: this.toParticipant(record) });
    }
    return record;
  }

  private removeMember(id: string): void {
    const record = this.records.get(id);
    if (!record || record.local) return;
    this.setStreams(id, []);
    this.records.delete(id);
    this.changed();
    if (this.announcing) {
      this.events.emit('memberLeft', {
        member: this.toMember(record),
        participant: this.toParticipant(record, 'disconnected'),
      });
    }
  }

  /** Replaces a remote member's published streams, announcing what appeared and disappeared. */
  private setStreams(id: string, streams: PublishedStream[]): void {
    const record = this.records.get(id);
    if (!record || record.local) return;
    const next = new Map(streams.map((stream) => [stream.mid, stream]));
    const removed = [...record.streams.values()].filter((stream) => !next.has(stream.mid));
    const added = streams.filter((stream) => !record.streams.has(stream.mid));
    if (removed.length === 0 && added.length === 0) return;
    const removedPublications = removed.map((stream) => this.toPublication(record, stream));
    for (const stream of removed) {
      record.streams.delete(stream.mid);
      this.requested.delete(feedKey(id, stream.mid));
    }
    for (const stream of added) record.streams.set(stream.mid, stream);
    this.changed();
    this.reconcileMedia();
    if (!this.announcing) return;
    const participant = this.toParticipant(record);
    const member = this.toMember(record);
    for (const publication of removedPublications) this.events.emit('trackUnpublished', { member, participant, publication });
    for (const stream of added) {
      this.events.emit('trackPublished', { member, participant, publication: this.toPublication(record, stream) });
    }
  }

  // ------------------------------------------------------------------ subscriptions

  /** Asks Janus for every published stream not asked for yet (one subscriber PeerConnection). */
  private syncSubscriptions(): void {
    if (this.connection === 'disconnected' || !this.privateId) return;
    const missing: FeedStream[] = [];
    for (const record of this.records.values()) {
      if (record.local) continue;
      for (const mid of record.streams.keys()) {
        const key = feedKey(record.id, mid);
        if (this.requested.has(key)) continue;
        this.requested.add(key);
        missing.push({ feed: record.id, mid });
      }
    }
    if (missing.length > 0) this.subscribeTo(missing, this.generation);
  }

  private subscribeTo(feeds: FeedStream[], token: number): void {
    this.subscriberHandle()
      .then((subscriber) => subscriber.subscribe(feeds))
      .catch((error: unknown) => {
        if (token !== this.generation) return;
        // Janus fails a whole request when one feed in it is gone (a member leaving meanwhile):
        // ask for each alone, so only that one fails.
        if (feeds.length > 1) {
          for (const feed of feeds) this.subscribeTo([feed], token);
          return;
        }
        const failure = toRoomError(error, { phase: 'subscribe', server: this.resolved!.server, room: this.resolved!.room });
        for (const { feed, mid } of feeds) {
          this.requested.delete(feedKey(feed, mid));
          const record = this.records.get(feed);
          const stream = record?.streams.get(mid);
          if (!record || !stream) continue;
          this.events.emit('trackSubscriptionFailed', {
            member: this.toMember(record),
            participant: this.toParticipant(record),
            publication: this.toPublication(record, stream),
            error: failure,
          });
        }
      });
  }

  private subscriberHandle(): Promise<VideoRoomSubscriber> {
    const session = this.session;
    const options = this.resolved;
    if (!session || !options) return Promise.reject(new Error('not joined'));
    const token = this.generation;
    this.subscriber ??= VideoRoomSubscriber.attach(session, {
      room: options.room,
      privateId: this.privateId,
      ...(options.pin ? { pin: options.pin } : {}),
    }).then(
      (subscriber) => {
        subscriber.events.on('streams', (streams) => {
          if (token !== this.generation) return;
          this.subscription = new Map(streams.map((stream) => [stream.mid, stream]));
          this.reconcileMedia();
        });
        subscriber.events.on('track', ({ track, mid, on, reason }) => {
          if (token !== this.generation) return;
          if (on) this.receivedTracks.set(mid, track);
          else if (reason === 'ended') this.receivedTracks.delete(mid);
          this.reconcileMedia();
        });
        subscriber.events.on('connectionState', (state) => {
          if (token === this.generation) this.mediaState('subscriber', state);
        });
        subscriber.events.on('failure', (error) => {
          if (token !== this.generation) return;
          this.events.emit('error', {
            error: toRoomError(error, { phase: 'answer', server: options.server, room: options.room }),
          });
        });
        return subscriber;
      },
      (error: unknown) => {
        this.subscriber = undefined;
        throw error;
      },
    );
    return this.subscriber;
  }

  /**
   * Derives each remote member's tracks from the subscription (subscriber mid -> publisher and
   * mid) and the tracks received, then announces the differences. Janus reuses subscriber mids
   * for new publishers, so tracks are never trusted on their own.
   */
  private reconcileMedia(): void {
    const wanted = new Map<string, Map<string, MediaStreamTrack>>();
    for (const [mid, stream] of this.subscription) {
      const track = this.receivedTracks.get(mid);
      const record = stream.feedId === undefined ? undefined : this.records.get(stream.feedId);
      if (!stream.active || !track || !record || !stream.feedMid || track.readyState === 'ended') continue;
      if (!record.streams.has(stream.feedMid)) continue;
      if (!wanted.has(record.id)) wanted.set(record.id, new Map());
      wanted.get(record.id)!.set(stream.feedMid, track);
    }
    for (const record of this.records.values()) {
      if (record.local) continue;
      const next = wanted.get(record.id) ?? new Map<string, MediaStreamTrack>();
      for (const [mid, track] of record.tracks) {
        if (next.get(mid) === track) continue;
        const publication = this.toPublication(record, record.streams.get(mid) ?? { type: track.kind as TrackKind, mid, disabled: true });
        const remoteTrack = this.toTrack(record, mid, track);
        record.tracks.delete(mid);
        record.started.delete(mid);
        this.changed();
        if (this.announcing) {
          this.events.emit('trackUnsubscribed', {
            member: this.toMember(record),
            participant: this.toParticipant(record),
            publication,
            track: remoteTrack,
          });
        }
      }
      for (const [mid, track] of next) {
        if (record.tracks.get(mid) === track) continue;
        record.tracks.set(mid, track);
        this.changed();
        this.announceTrack('trackSubscribed', record, mid);
        this.watchStart(record, mid, track);
      }
    }
  }

  /** On joining: trackSubscribed (and trackStarted) for the tracks that arrived while joining. */
  private announceReceivedTracks(): void {
    for (const record of this.records.values()) {
      if (record.local) continue;
      for (const mid of record.tracks.keys()) {
        this.announceTrack('trackSubscribed', record, mid);
        if (record.started.has(mid)) this.announceTrack('trackStarted', record, mid);
      }
    }
  }

  /** `trackStarted` once media flows: remote tracks start muted until their first packet. */
  private watchStart(record: MemberRecord, mid: string, track: MediaStreamTrack): void {
    const start = () => {
      if (record.tracks.get(mid) !== track || record.started.has(mid)) return;
      record.started.add(mid);
      this.changed();
      this.announceTrack('trackStarted', record, mid);
    };
    if (!track.muted) start();
    else track.addEventListener('unmute', start, { once: true });
  }

  private announceTrack(type: 'trackSubscribed' | 'trackStarted', record: MemberRecord, mid: string): void {
    const stream = record.streams.get(mid);
    const track = record.tracks.get(mid);
    if (!this.announcing || !stream || !track) return;
    this.events.emit(type, {
      member: this.toMember(record),
      participant: this.toParticipant(record),
      publication: this.toPublication(record, stream),
      track: this.toTrack(record, mid, track),
    });
  }

  private mediaState(which: 'publisher' | 'subscriber', state: RTCPeerConnectionState): void {
    if (this.connection === 'disconnected') return;
    this.pcStates.set(which, state);
    this.announceMediaState();
  }

  /** `media.connected` once every PeerConnection is up, `media.disconnected` when one drops. */
  private announceMediaState(): void {
    if (!this.announcing) return;
    const states = [...this.pcStates.values()];
    if (!this.mediaUp && states.length > 0 && states.every((s) => s === 'connected')) {
      this.mediaUp = true;
      this.events.emit('mediaConnected', undefined);
    } else if (this.mediaUp && states.some((s) => s === 'failed' || s === 'disconnected' || s === 'closed')) {
      this.mediaUp = false;
      this.events.emit('mediaDisconnected', undefined);
    }
  }

  // ------------------------------------------------------------------ snapshots and views

  private changed(): void {
    this.snapshotCache = undefined;
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => {
      this.flushQueued = false;
      const snapshot = this.snapshot;
      this.events.emit('state', snapshot);
      if (snapshot.state === 'connected' && !sameMembers(snapshot.members, this.announcedMembers)) {
        this.announcedMembers = snapshot.members;
        this.events.emit('membersChanged', { members: snapshot.members });
      }
    });
  }

  private toMember(record: MemberRecord): Member {
    const room = this.resolved?.room ?? '';
    const kinds = new Set([...record.streams.values()].map((stream) => stream.type));
    return Object.freeze({
      id: record.id,
      name: record.name,
      type: 'member',
      room_id: room,
      room_session_id: room,
      visible: true,
      audio_muted: !kinds.has('audio'),
      video_muted: !kinds.has('video'),
      deaf: false,
      local: record.local,
    });
  }

  private toTrack(record: MemberRecord, mid: string, track: MediaStreamTrack): RemoteTrack {
    const stream = record.streams.get(mid);
    return Object.freeze({
      sid: `${record.id}:${mid}`,
      name: stream?.description ?? mid,
      kind: track.kind as TrackKind,
      mediaStreamTrack: track,
      isStarted: record.started.has(mid),
      isEnabled: track.enabled,
    });
  }

  private toPublication(record: MemberRecord, stream: PublishedStream): TrackPublication {
    const track = record.tracks.get(stream.mid);
    return Object.freeze({
      trackSid: `${record.id}:${stream.mid}`,
      trackName: stream.description ?? stream.mid,
      kind: stream.type as TrackKind,
      isSubscribed: track !== undefined,
      isTrackEnabled: !stream.disabled,
      track: track ? this.toTrack(record, stream.mid, track) : null,
    });
  }

  private toParticipant(record: MemberRecord, state: Participant['state'] = 'connected'): Participant {
    const publications = [...record.streams.values()].map((stream) => this.toPublication(record, stream));
    const byKind = (kind?: TrackKind) =>
      new Map(publications.filter((p) => !kind || p.kind === kind).map((p) => [p.trackSid, p]));
    return Object.freeze({
      sid: record.id,
      identity: record.name,
      state,
      tracks: byKind(),
      audioTracks: byKind('audio'),
      videoTracks: byKind('video'),
    });
  }
}

function mediaOf(record: MemberRecord): MemberMedia {
  const tracks = [...record.tracks.values()];
  return Object.freeze({
    audio: tracks.find((track) => track.kind === 'audio') ?? null,
    video: tracks.find((track) => track.kind === 'video') ?? null,
  });
}

function sameMembers(a: readonly Member[], b: readonly Member[]): boolean {
  return (
    a.length === b.length &&
    a.every((member, i) => {
      const other = b[i]!;
      return (Object.keys(member) as (keyof Member)[]).every((key) => member[key] === other[key]);
    })
  );
}

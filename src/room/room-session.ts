/**
 * The room model with SignalWire's `RoomSession` method surface. It coordinates: the connection
 * lifecycle (connection.ts), signaling (joining.ts), the members (roster.ts), what we publish
 * (publications.ts, over src/media/local-media.ts) and receive (subscriptions.ts); elements render
 * its snapshots (views.ts) and re-dispatch the events derived from them (announcements.ts,
 * src/events/). No Lit, no DOM rendering.
 */
import mitt, { type Emitter } from 'mitt';
import { AccessTokenGrantsInvalidError, RoomCompletedError } from '../errors/errors.js';
import { toRoomError, type JanusPhase } from '../janus/errors.js';
import { isWebRTCSupported, type JanusSession } from '../janus/janus-client.js';
import type { ParticipantEvent } from '../janus/videoroom/protocol.js';
import type { VideoRoomPublisher } from '../janus/videoroom/publisher.js';
import type { DeviceInfo } from '../media/devices.js';
import type { LocalMedia } from '../media/local-media.js';
import { Announcer, type AnnouncedEvents, type TrackEvent } from './announcements.js';
import { Connection, nextMediaUp, type Attempt, type Left } from './connection.js';
import { joinSignaling } from './joining.js';
import { LocalMember } from './local-member.js';
import { planJoin, resolveOptions, type ResolvedOptions } from './options.js';
import { EMPTY_ROSTER, reduceRoster, withMember, type Roster } from './roster.js';
import { Subscriptions } from './subscriptions.js';
import type { ConnectionState, JoinOptions, Member, Participant, RoomSessionOptions, RoomSnapshot } from './types.js';
import { memberOf, participantOf, type ModelParts } from './views.js';

export type { TrackEvent } from './announcements.js';

type DeviceUpdated = { previous: DeviceInfo; current: DeviceInfo };

export type RoomSessionEvents = AnnouncedEvents & {
  /** A new snapshot (batched: at most one per microtask). */
  state: RoomSnapshot;
  joined: { snapshot: RoomSnapshot; callId: string; roomName: string };
  left: Left;
  trackSubscriptionFailed: TrackEvent & { error: Error };
  cameraUpdated: DeviceUpdated;
  microphoneUpdated: DeviceUpdated;
  speakerUpdated: DeviceUpdated;
  cameraDisconnected: DeviceInfo;
  microphoneDisconnected: DeviceInfo;
  speakerDisconnected: DeviceInfo;
  /** A failure that does not end the session (or a media failure outside `join()`). */
  error: { error: Error };
};

/** Who may be acted on: this client only (muting others needs a room service's grants). */
export interface MemberParams {
  memberId?: string;
}

function newMemberId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export class RoomSession {
  readonly events: Emitter<RoomSessionEvents> = mitt<RoomSessionEvents>();
  private optionsValue: RoomSessionOptions;

  private readonly connection = new Connection({
    connect: (attempt) => this.connect(attempt),
    release: () => this.release(),
    joined: () => this.onJoined(),
    disconnect: (left) => this.disconnect(left),
    changed: () => this.changed(),
  });
  private readonly local = new LocalMember({
    options: () => this.options,
    changed: () => this.changed(),
    report: (error) => this.report(error),
  });
  private joinParams: JoinOptions = {};
  private resolved: ResolvedOptions | undefined;
  private memberIdValue: string | null = null;
  private roomName = '';
  private roster: Roster = EMPTY_ROSTER;
  private session: JanusSession | undefined;
  private publisher: VideoRoomPublisher | undefined;
  private subscriptions: Subscriptions | undefined;
  private readonly pcStates = new Map<'publisher' | 'subscriber', RTCPeerConnectionState>();
  private mediaUp = false;
  private readonly announcer = new Announcer(
    () => this.parts(),
    (type, event) => (this.events.emit as (t: string, e: unknown) => void)(type, event),
  );

  constructor(options: RoomSessionOptions) {
    this.optionsValue = options;
    const forward = { camera: 'camera', microphone: 'microphone', speaker: 'speaker' } as const;
    this.localMedia.events.on('device', ({ source, previous, current }) => this.events.emit(`${forward[source]}Updated`, { previous, current }));
    this.localMedia.events.on('deviceLost', ({ source, device }) => this.events.emit(`${forward[source]}Disconnected`, device));
    this.localMedia.events.on('error', ({ error }) => this.report(error));
  }

  /** Camera, microphone and speaker, before, during and between joins. */
  get localMedia(): LocalMedia {
    return this.local.media;
  }

  /** Options for the next `join()` (and for previews and mute now); a change takes effect when joining again. */
  get options(): RoomSessionOptions {
    return this.optionsValue;
  }

  set options(options: RoomSessionOptions) {
    const before = this.optionsValue;
    this.optionsValue = options;
    // What the next join will publish shows in the snapshot (`self`).
    if ((before.audio === false) !== (options.audio === false) || (before.video === false) !== (options.video === false)) this.changed();
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

  /** The local tracks while joining or joined: one MediaStream per join, updated in place. */
  get localStream(): MediaStream | null {
    return this.local.stream;
  }

  get localAudioTrack(): MediaStreamTrack | null {
    return this.local.stream?.getAudioTracks()[0] ?? null;
  }

  get localVideoTrack(): MediaStreamTrack | null {
    return this.local.stream?.getVideoTracks()[0] ?? null;
  }

  get cameraId(): string | null {
    return this.localMedia.device('camera')?.deviceId || null;
  }

  get cameraLabel(): string | null {
    return this.localMedia.device('camera')?.label || null;
  }

  get microphoneId(): string | null {
    return this.localMedia.device('microphone')?.deviceId || null;
  }

  get microphoneLabel(): string | null {
    return this.localMedia.device('microphone')?.label || null;
  }

  /** The chosen speaker; null for the system's default. */
  get speakerId(): string | null {
    return this.localMedia.speaker.deviceId || null;
  }

  /** Everything there is to render, as one immutable object (a new one after every change). */
  get snapshot(): RoomSnapshot {
    return this.announcer.snapshot;
  }

  /**
   * Captures camera and microphone (as `options` and `params` say), joins the room, publishes,
   * subscribes to every other member, and resolves once joined. `params` (SignalWire's `audio`,
   * `video`, `sendAudio`, `sendVideo`, `receiveAudio`, `receiveVideo`) apply to this join only.
   * Rejects with a documented error or the browser's media error; nothing stays half-joined.
   */
  async join(params: JoinOptions = {}): Promise<this> {
    this.joinParams = params;
    await this.connection.join();
    return this;
  }

  /** Leaves the room (or cancels a join under way) and releases every PeerConnection and device. */
  leave(): Promise<void> {
    return this.connection.leave();
  }

  audioMute(params?: MemberParams): Promise<void> {
    return this.control(params, 'mute the microphone of', () => this.local.mute('microphone'));
  }

  audioUnmute(params?: MemberParams): Promise<void> {
    return this.control(params, 'unmute the microphone of', () => this.local.unmute('microphone'));
  }

  videoMute(params?: MemberParams): Promise<void> {
    return this.control(params, 'mute the camera of', () => this.local.mute('camera'));
  }

  videoUnmute(params?: MemberParams): Promise<void> {
    return this.control(params, 'unmute the camera of', () => this.local.unmute('camera'));
  }

  /** Hears nobody (and mutes the microphone, as SignalWire does). */
  deaf(params?: MemberParams): Promise<void> {
    return this.control(params, 'make deaf', () => this.local.setDeaf(true));
  }

  /** Hears everyone again (and unmutes the microphone, as SignalWire does). */
  undeaf(params?: MemberParams): Promise<void> {
    return this.control(params, 'undeaf', () => this.local.setDeaf(false));
  }

  /** Switches the camera (`deviceId`, `facingMode`...) without renegotiating; remembered for later joins. */
  updateCamera(constraints: MediaTrackConstraints): Promise<void> {
    return this.reporting(() => this.localMedia.update('camera', checkConstraints(constraints, 'updateCamera')));
  }

  /** Switches the microphone without renegotiating; remembered for later joins. */
  updateMicrophone(constraints: MediaTrackConstraints): Promise<void> {
    return this.reporting(() => this.localMedia.update('microphone', checkConstraints(constraints, 'updateMicrophone')));
  }

  /** Plays everyone's audio on another speaker (where the browser can: `setSinkId`). */
  updateSpeaker(opts: { deviceId: string }): Promise<void> {
    return this.reporting(async () => {
      if (typeof opts?.deviceId !== 'string') throw new RangeError('updateSpeaker() needs { deviceId: string }');
      await this.localMedia.setSpeaker(opts.deviceId);
    });
  }

  /** Publishes the page's own media instead of the camera/microphone (never stopped here). */
  setLocalStream(stream: MediaStream): void {
    if (!(stream instanceof MediaStream)) throw new RangeError('setLocalStream() needs a MediaStream');
    this.localMedia.useStream(stream);
  }

  /**
   * Captures camera and microphone as the next join would (respecting mute), and keeps them for
   * `holder` until `releaseLocalMedia(holder)`: what `<local-preview>` does. The next join
   * publishes these very tracks.
   */
  holdLocalMedia(holder: object): Promise<void> {
    return this.reporting(() => this.local.preview(holder));
  }

  releaseLocalMedia(holder: object): void {
    this.localMedia.release(holder);
  }

  // ------------------------------------------------------------------ joining and leaving

  private async connect(attempt: Attempt): Promise<void> {
    const options = resolveOptions(this.options);
    const plan = planJoin(options, this.joinParams);
    if (!isWebRTCSupported()) throw new DOMException('This browser does not support WebRTC', 'NotSupportedError');
    const memberId = newMemberId();
    this.resolved = options;
    this.memberIdValue = memberId;
    let phase: JanusPhase = 'connect';
    try {
      await this.local.capture(plan, options.localStream, attempt);

      const { session, publisher, joined } = await joinSignaling(attempt, options, memberId, {
        session: (created) => {
          this.session = created;
          phase = 'join';
        },
        roomEvent: (event) => this.onRoomEvent(event),
        publisherState: (state) => this.setPcState('publisher', state),
        lost: (error) => this.connection.fail('connection_lost', error),
      });
      this.publisher = publisher;
      this.roomName = joined.description || options.room;
      this.roster = joined.attendees.reduce((r, a) => withMember(r, a.id, a.display), withMember(EMPTY_ROSTER, memberId, options.identity, true));
      this.subscribe(session, joined.privateId, options, plan.receive);
      // Subscribing to those already publishing runs in parallel with publishing.
      this.onRoomEvent({ type: 'publishers', publishers: joined.publishers });

      phase = 'publish';
      await attempt.step(this.local.publish(publisher, plan));
      if (this.local.publications.list.size > 0) await attempt.step(publisher.mediaUp(options.timeout));
    } catch (error) {
      throw toRoomError(error, { phase, server: options.server, room: options.room });
    }
  }

  private subscribe(session: JanusSession, privateId: number, options: ResolvedOptions, receive: ReadonlySet<'audio' | 'video'>): void {
    const subscriptions = new Subscriptions(session, { room: options.room, privateId, receive, ...(options.pin ? { pin: options.pin } : {}) }, () => this.roster);
    this.subscriptions = subscriptions;
    subscriptions.deaf = this.local.publications.deaf;
    const context = { server: options.server, room: options.room };
    subscriptions.events.on('changed', () => this.changed());
    subscriptions.events.on('connectionState', (state) => this.setPcState('subscriber', state));
    subscriptions.events.on('error', (error) => this.report(toRoomError(error, { phase: 'answer', ...context })));
    subscriptions.events.on('failed', ({ memberId, mid, error }) => {
      const record = this.roster.get(memberId);
      const parts = this.parts();
      const participant = record && participantOf(record, parts);
      const publication = participant?.tracks.get(`${memberId}:${mid}`);
      if (!record || !participant || !publication) return;
      const failure = toRoomError(error, { phase: 'subscribe', ...context });
      this.events.emit('trackSubscriptionFailed', { member: memberOf(record, parts), participant, publication, error: failure });
    });
  }

  /** A mobile page in the background gets no camera frames: see `LocalMember.background`. */
  private readonly onVisibilityChange = () => {
    if (!this.active || !this.resolved?.stopCameraInBackground) return;
    this.reporting(() => this.local.background(document.visibilityState === 'hidden')).catch(() => {
      // Reported through `error`.
    });
  };

  private onJoined(): void {
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    this.mediaUp = nextMediaUp(false, [...this.pcStates.values()]);
    this.changed();
    const snapshot = this.snapshot;
    this.events.emit('joined', { snapshot, callId: this.publisher?.id ?? '', roomName: this.roomName });
    this.events.emit('membersChanged', { members: snapshot.members });
    // What arrived while joining (tracks, the media connection) is announced next.
    this.announcer.start(snapshot);
  }

  private async disconnect(left: Left): Promise<void> {
    if (this.announcer.stop()) this.events.emit('mediaDisconnected', undefined);
    await this.release({ lost: left.reason === 'connection_lost' });
    this.events.emit('left', left);
  }

  /** Releases whatever a join acquired; safe to call at any point. */
  private async release(options: { lost?: boolean } = {}): Promise<void> {
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    this.local.release();
    const session = this.session;
    this.session = undefined;
    this.publisher = undefined;
    this.subscriptions?.close();
    this.subscriptions = undefined;
    this.roster = EMPTY_ROSTER;
    this.pcStates.clear();
    this.mediaUp = false;
    this.announcer.stop();
    this.changed();
    // Destroying the session closes every PeerConnection and tells Janus (and so the others).
    await session?.destroy({ unload: options.lost === true });
  }

  // ------------------------------------------------------------------ events and controls

  private onRoomEvent(event: ParticipantEvent): void {
    if (event.type === 'removed') {
      if (event.reason === 'kicked') this.connection.fail('kicked');
      else this.connection.fail('room_destroyed', new RoomCompletedError('Room completed: the room was destroyed. Join another room'));
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

  /** A control of this member's own media; other members need a room service (not here). */
  private control(params: MemberParams | undefined, what: string, action: () => Promise<void>): Promise<void> {
    return this.reporting(async () => {
      if (params !== undefined && (typeof params !== 'object' || params === null)) throw new RangeError('expected { memberId?: string }');
      const target = params?.memberId;
      if (target !== undefined && target !== this.memberIdValue) {
        throw new AccessTokenGrantsInvalidError(
          `${AccessTokenGrantsInvalidError.defaultMessage}: this client may only ${what} itself, not member "${String(target)}". Moderating others needs a room service that grants it`,
        );
      }
      await action();
      if (this.subscriptions) this.subscriptions.deaf = this.local.publications.deaf;
    });
  }

  /** Runs `operation`; a failure rejects and also reaches the page as an `error` event. */
  private async reporting<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      this.report(error);
      throw error;
    }
  }

  private report(error: unknown): void {
    this.events.emit('error', { error: error instanceof Error ? error : new Error(String(error)) });
  }

  // ------------------------------------------------------------------ snapshots and announcements

  private parts(): ModelParts {
    return {
      state: this.state,
      room: this.state === 'disconnected' ? null : (this.resolved?.room ?? null),
      memberId: this.memberIdValue,
      roster: this.roster,
      local: this.local.publications.list,
      remote: this.subscriptions?.tracks ?? new Map(),
      localStream: this.local.stream,
      mediaConnected: this.mediaUp,
      self: this.local.state(this.state === 'connected'),
    };
  }

  private changed(): void {
    this.announcer.changed();
  }
}

function checkConstraints(constraints: unknown, method: string): MediaTrackConstraints {
  if (typeof constraints !== 'object' || constraints === null || Array.isArray(constraints)) {
    throw new RangeError(`${method}() needs MediaTrackConstraints, such as { deviceId: "..." } or { facingMode: "environment" }`);
  }
  return constraints as MediaTrackConstraints;
}

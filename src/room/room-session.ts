/**
 * The room model with SignalWire's `RoomSession` method surface. It coordinates: the connection
 * lifecycle (connection.ts), each join's life on Janus (membership.ts: signaling, the members,
 * what we receive), this client's own media (local-member.ts) and its extra sources, screen
 * shares and devices (local-sources.ts). Elements render its snapshots (views.ts) and re-dispatch
 * the events derived from them (announcements.ts, src/events/). No Lit, no DOM rendering.
 */
import mitt, { type Emitter } from 'mitt';
import { AccessTokenGrantsInvalidError } from '../errors/errors.js';
import { toRoomError, type JanusPhase } from '../janus/errors.js';
import { isWebRTCSupported } from '../janus/janus-client.js';
import type { DeviceInfo } from '../media/devices.js';
import type { LocalMedia } from '../media/local-media.js';
import { Announcer, type AnnouncedEvents, type TrackEvent } from './announcements.js';
import { Connection, type Attempt, type Left } from './connection.js';
import { LocalMember } from './local-member.js';
import {
  LocalSources,
  deviceOptions,
  type AddDeviceOptions,
  type RoomSessionDevice,
  type RoomSessionScreenShare,
  type ScreenShareOptions,
  type SourceOptions,
} from './local-sources.js';
import { Membership } from './membership.js';
import { newMemberId } from './member-types.js';
import { planJoin, resolveOptions } from './options.js';
import { TALK_WINDOW_PACKETS, talkThreshold } from './speakers.js';
import { EMPTY_ROSTER } from './roster.js';
import type { ConnectionState, JoinOptions, Member, Participant, RoomSessionOptions, RoomSnapshot } from './types.js';
import type { ModelParts } from './views.js';
import { warnOnce } from '../util/warn.js';

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
  private readonly sources = new LocalSources({
    room: () => {
      const membership = this.membership;
      if (!this.active || !membership?.session) return undefined;
      return { ...membership.options, session: membership.session, ownerId: membership.memberId };
    },
    entered: (source) => this.membership?.addLocal(source.memberId),
    exited: (source) => this.membership?.removeLocal(source.memberId),
    changed: () => this.changed(),
  });
  private joinParams: JoinOptions = {};
  /** The join under way or joined; undefined while disconnected. */
  private membership: Membership | undefined;
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
    // The talk threshold is the one option that changes a joined session on the spot.
    if (options.inputSensitivity !== undefined && options.inputSensitivity !== before.inputSensitivity && this.active) {
      this.setInputSensitivity({ value: options.inputSensitivity }).catch(() => {
        // Reported through the `error` event.
      });
    }
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

  /** The participant talking most (Twilio `dominantSpeaker`): another member, never this client; null when none. */
  get dominantSpeaker(): Participant | null {
    const id = this.snapshot.dominantSpeakerId;
    return id === null ? null : (this.snapshot.participants.get(id) ?? null);
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

  /**
   * How easily Janus counts this member as talking (SignalWire): `value` from 0 (never) to 100
   * (any sound), default 30. It sets this publisher's Janus talk threshold (`talkThreshold()`),
   * now when joined and at every later join. Another member's needs a room service.
   */
  setInputSensitivity(params: MemberParams & { value: number }): Promise<void> {
    return this.control(params, 'set the input sensitivity of', async () => {
      const threshold = talkThreshold(params.value);
      this.optionsValue = { ...this.optionsValue, inputSensitivity: params.value };
      const publisher = this.active ? this.membership?.publisher : undefined;
      await publisher?.setTalkDetection(threshold, TALK_WINDOW_PACKETS);
    });
  }

  /** Switches the camera (`deviceId`, `facingMode`...) without renegotiating; remembered for later joins. */
  updateCamera(constraints: MediaTrackConstraints): Promise<void> {
    return this.reporting(() => this.localMedia.update('camera', constraints));
  }

  /** Switches the microphone without renegotiating; remembered for later joins. */
  updateMicrophone(constraints: MediaTrackConstraints): Promise<void> {
    return this.reporting(() => this.localMedia.update('microphone', constraints));
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

  /**
   * Shares a screen (SignalWire): the browser's picker, then a member of type `screen` whose
   * `parent_id` is this client. Everyone else sees it as a member (SignalWire) and as a track of
   * this client (Twilio). Several shares may run at once. Ends when the user stops sharing from
   * the browser, on its `leave()`, or when this client leaves.
   */
  startScreenShare(opts: ScreenShareOptions = {}): Promise<RoomSessionScreenShare> {
    return this.reporting(() => this.sources.startScreenShare(opts));
  }

  /** @deprecated Use `startScreenShare()` (SignalWire deprecated it too). */
  createScreenShareObject(opts: ScreenShareOptions = {}): Promise<RoomSessionScreenShare> {
    warnOnce('createScreenShareObject() is deprecated: use startScreenShare()');
    return this.startScreenShare(opts);
  }

  /** Adds another camera as a member of type `device` (SignalWire); `autoJoin: false` waits for its `join()`. */
  addCamera(opts: AddDeviceOptions = {}): Promise<RoomSessionDevice> {
    return this.reporting(() => this.sources.addDevice(deviceOptions(opts, 'video', 'addCamera')));
  }

  /** Adds another microphone as a member of type `device` (SignalWire). */
  addMicrophone(opts: AddDeviceOptions = {}): Promise<RoomSessionDevice> {
    return this.reporting(() => this.sources.addDevice(deviceOptions(opts, 'audio', 'addMicrophone')));
  }

  /** Adds a device (`audio` and/or `video`: true, or constraints) as a member of type `device` (SignalWire). */
  addDevice(opts: SourceOptions): Promise<RoomSessionDevice> {
    return this.reporting(() => this.sources.addDevice(opts));
  }

  /** This client's screen shares (SignalWire), until each leaves. */
  get screenShareList(): readonly RoomSessionScreenShare[] {
    return this.sources.screenShares;
  }

  /** This client's extra devices (SignalWire), until each leaves. */
  get deviceList(): readonly RoomSessionDevice[] {
    return this.sources.devices;
  }

  // ------------------------------------------------------------------ joining and leaving

  private async connect(attempt: Attempt): Promise<void> {
    const options = resolveOptions(this.options);
    const plan = planJoin(options, this.joinParams);
    if (!isWebRTCSupported()) throw new DOMException('This browser does not support WebRTC', 'NotSupportedError');
    const membership = new Membership(options, newMemberId(), {
      changed: () => this.changed(),
      report: (error) => this.report(error),
      fail: (reason, error) => this.connection.fail(reason, error),
      subscriptionFailed: (memberId, mid, error) => {
        const record = membership.roster.get(memberId);
        const participant = record && this.snapshot.participants.get(record.parentId ?? record.id);
        const publication = participant?.tracks.get(`${memberId}:${mid}`);
        if (participant && publication) this.events.emit('trackSubscriptionFailed', { participant, publication, error });
      },
    });
    this.membership = membership;
    let phase: JanusPhase = 'connect';
    try {
      await this.local.capture(plan, options.localStream, attempt);
      const publisher = await membership.open(attempt, plan.receive, this.local.publications.deaf, () => {
        phase = 'join';
      });
      phase = 'publish';
      await attempt.step(this.local.publish(publisher, plan));
      if (options.inputSensitivity !== undefined) {
        await attempt.step(publisher.setTalkDetection(talkThreshold(options.inputSensitivity), TALK_WINDOW_PACKETS));
      }
      if (this.local.publications.list.size > 0) await attempt.step(publisher.mediaUp(options.timeout));
    } catch (error) {
      throw toRoomError(error, { phase, server: options.server, room: options.room });
    }
  }

  private onJoined(): void {
    this.local.followVisibility(this.membership?.options.stopCameraInBackground === true);
    this.membership?.joined();
    this.changed();
    const snapshot = this.snapshot;
    this.events.emit('joined', { snapshot, callId: this.membership?.publisher?.id ?? '', roomName: this.membership?.roomName ?? '' });
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
    // Shares and devices leave first: nothing of this client stays published.
    await this.sources.leaveAll({ unreachable: options.lost === true });
    this.local.release();
    const membership = this.membership;
    this.membership = undefined;
    this.announcer.stop();
    this.changed();
    await membership?.close(options);
  }

  // ------------------------------------------------------------------ events and controls

  /** A control of this member's own media; other members need a room service (not here). */
  private control(params: MemberParams | undefined, what: string, action: () => Promise<void>): Promise<void> {
    return this.reporting(async () => {
      if (params !== undefined && (typeof params !== 'object' || params === null)) throw new RangeError('expected { memberId?: string }');
      const target = params?.memberId;
      if (target !== undefined && target !== this.membership?.memberId) {
        throw new AccessTokenGrantsInvalidError(
          `${AccessTokenGrantsInvalidError.defaultMessage}: this client may only ${what} itself, not member "${String(target)}". Moderating others needs a room service that grants it`,
        );
      }
      await action();
      if (this.membership) this.membership.deaf = this.local.publications.deaf;
    });
  }

  /**
   * Runs `operation`; a failure rejects and also reaches the page as an `error` event (an
   * `AbortError` only rejects: leaving cancelled it, which is no failure).
   */
  private async reporting<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if ((error as Error)?.name !== 'AbortError') this.report(error);
      throw error;
    }
  }

  private report(error: unknown): void {
    this.events.emit('error', { error: error instanceof Error ? error : new Error(String(error)) });
  }

  // ------------------------------------------------------------------ snapshots and announcements

  private parts(): ModelParts {
    const membership = this.membership;
    return {
      state: this.state,
      room: membership?.options.room ?? null,
      memberId: membership?.memberId ?? null,
      roster: membership?.roster ?? EMPTY_ROSTER,
      local: new Map([...(membership ? [[membership.memberId, this.local.publications.list] as const] : []), ...this.sources.publications()]),
      remote: membership?.remote ?? new Map(),
      localStream: this.local.stream,
      mediaConnected: membership?.mediaConnected ?? false,
      dominantSpeaker: membership?.dominantSpeaker ?? null,
      self: { ...this.local.state(this.state === 'connected'), screenShare: this.sources.screenShareState },
    };
  }

  private changed(): void {
    this.announcer.changed();
  }
}

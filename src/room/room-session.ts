/**
 * The room model with SignalWire's `RoomSession` method surface (and Twilio's names where the two
 * meet): state getters, joining, mute, devices, talk threshold, extra sources and layouts. The
 * machinery under it is in room-session-core.ts. No Lit, no DOM rendering.
 */
import type { MemberParams } from './room-session-core.js';
import { EventedRoomSession } from './room-session-emitter.js';
import {
  LAYOUT_NAMES,
  checkLayoutName,
  checkPosition,
  checkPositions,
  withPositions,
  type LayoutChoice,
  type LayoutName,
  type Size,
  type VideoLayout,
  type VideoPosition,
  type VideoPositions,
} from './layout.js';
import {
  checkSourceOptions,
  deviceOptions,
  type AddDeviceOptions,
  type RoomSessionDevice,
  type RoomSessionScreenShare,
  type ScreenShareOptions,
  type SourceOptions,
} from './local-sources.js';
import type { JoinOptions, Member, Participant } from './types.js';
import { warnOnce } from '../util/warn.js';

export type { TrackEvent } from './announcements.js';
export type { MemberParams, RoomSessionEvents } from './room-session-core.js';

export class RoomSession extends EventedRoomSession {
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

  /**
   * Captures camera and microphone (as `options` and `params` say), joins the room, publishes,
   * subscribes to every other member, and resolves once joined. `params` (SignalWire's `audio`,
   * `video`, `sendAudio`, `sendVideo`, `receiveAudio`, `receiveVideo`) apply to this join only.
   * Rejects with a documented error or the browser's media error; nothing stays half-joined.
   */
  async join(params: JoinOptions = {}): Promise<this> {
    this.assertNotDestroyed('join()');
    this.joinParams = params;
    await this.connection.join();
    return this;
  }

  /** Leaves the room (or cancels a join under way) and releases every PeerConnection and device. */
  leave(): Promise<void> {
    return this.connection.leave();
  }

  audioMute(params?: MemberParams): Promise<void> {
    return this.control(params, 'mute the microphone of', () => this.local.mute('microphone'), 'audio_mute');
  }

  audioUnmute(params?: MemberParams): Promise<void> {
    return this.control(params, 'unmute the microphone of', () => this.local.unmute('microphone'), 'audio_unmute');
  }

  videoMute(params?: MemberParams): Promise<void> {
    return this.control(params, 'mute the camera of', () => this.local.mute('camera'), 'video_mute');
  }

  videoUnmute(params?: MemberParams): Promise<void> {
    return this.control(params, 'unmute the camera of', () => this.local.unmute('camera'), 'video_unmute');
  }

  /** Hears nobody (and mutes the microphone, as SignalWire does). */
  deaf(params?: MemberParams): Promise<void> {
    return this.control(params, 'make deaf', () => this.local.setDeaf(true), 'deaf');
  }

  /** Hears everyone again (and unmutes the microphone, as SignalWire does). */
  undeaf(params?: MemberParams): Promise<void> {
    return this.control(params, 'undeaf', () => this.local.setDeaf(false), 'undeaf');
  }

  /**
   * How easily Janus counts this member as talking (SignalWire): `value` from 0 (never) to 100
   * (any sound), default 30. It sets this publisher's Janus talk threshold (`talkThreshold()`),
   * now when joined and at every later join. Another member's needs a room service.
   */
  setInputSensitivity(params: MemberParams & { value: number }): Promise<void> {
    return this.control(params, 'set the input sensitivity of', () => this.applyInputSensitivity(params.value));
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
   * the browser, on its `leave()`, or when this client leaves. `layout` and `positions` (`self`:
   * the share) apply to this client's layout once the share is in.
   */
  startScreenShare(opts: ScreenShareOptions = {}): Promise<RoomSessionScreenShare> {
    return this.reporting(async () => {
      const { layout, positions, ...options } = checkSourceOptions(opts, 'startScreenShare');
      // Bad input fails before the picker opens.
      const name = layout === undefined ? undefined : checkLayoutName(layout);
      if (positions !== undefined) checkPositions(positions, '');
      const share = await this.sources.startScreenShare(options);
      if (name !== undefined) this.setLayoutSettings({ name });
      if (positions !== undefined) this.place(checkPositions(positions, share.memberId));
      return share;
    });
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

  // ------------------------------------------------------------------ layouts (on this client: see layout.ts)

  /** The layout shown now, as `layout.changed` carries it (SignalWire `VideoLayout`). */
  get currentLayout(): VideoLayout {
    return this.snapshot.layout;
  }

  /** The layout asked for: a name, or `auto` (the grid, or the share layout while a screen is shared). */
  get layoutChoice(): LayoutChoice {
    return this.layoutSettings.name;
  }

  /** SignalWire `getLayouts()`: the layouts `setLayout` takes. */
  getLayouts(): Promise<{ layouts: LayoutName[] }> {
    return Promise.resolve({ layouts: [...LAYOUT_NAMES] });
  }

  /**
   * Switches this client's layout (SignalWire `setLayout`), with `positions` to give at once.
   * `auto` (this library's) is the grid, or the share layout while a screen is shared.
   */
  setLayout(params: { name: LayoutChoice; positions?: VideoPositions }): Promise<void> {
    return this.reporting(async () => {
      if (typeof params !== 'object' || params === null) throw new RangeError('setLayout() needs { name, positions? }');
      const name = checkLayoutName(params.name);
      const positions = params.positions === undefined ? undefined : this.checkPresent(checkPositions(params.positions, this.memberId));
      this.setLayoutSettings({ name });
      if (positions) this.place(positions);
    });
  }

  /** Gives several members positions (SignalWire `setPositions`); `self` is this client. */
  setPositions(params: { positions: VideoPositions }): Promise<void> {
    return this.reporting(async () => {
      if (typeof params !== 'object' || params === null) throw new RangeError('setPositions() needs { positions }');
      this.place(this.checkPresent(checkPositions(params.positions, this.memberId)));
    });
  }

  /** Gives a member (this client by default) a position (SignalWire `setMemberPosition`). */
  setMemberPosition(params: { memberId?: string; position: VideoPosition }): Promise<void> {
    return this.reporting(async () => {
      if (typeof params !== 'object' || params === null) throw new RangeError('setMemberPosition() needs { memberId?, position }');
      const memberId = params.memberId ?? this.memberId;
      if (memberId === null) throw new RangeError('setMemberPosition() without a memberId places this member: join first');
      this.place(this.checkPresent(new Map([[memberId, checkPosition(params.position)]])));
    });
  }

  /** Whether members with their camera off get no slot (SignalWire `setHideVideoMuted`; default false). */
  setHideVideoMuted(value: boolean): Promise<void> {
    return this.reporting(async () => {
      if (typeof value !== 'boolean') throw new RangeError(`setHideVideoMuted() needs true or false, not ${JSON.stringify(value)}`);
      this.setLayoutSettings({ hideVideoMuted: value });
    });
  }

  /** @deprecated Use `setHideVideoMuted(true)` (SignalWire deprecated it too). */
  hideVideoMuted(): Promise<void> {
    warnOnce('hideVideoMuted() is deprecated: use setHideVideoMuted(true)');
    return this.setHideVideoMuted(true);
  }

  /** @deprecated Use `setHideVideoMuted(false)` (SignalWire deprecated it too). */
  showVideoMuted(): Promise<void> {
    warnOnce('showVideoMuted() is deprecated: use setHideVideoMuted(false)');
    return this.setHideVideoMuted(false);
  }

  /** Shows page `page` (from 1) of the `grid-responsive` layout, which pages past 25 tiles. */
  setLayoutPage(page: number): void {
    if (!Number.isInteger(page) || page < 1) throw new RangeError(`setLayoutPage() needs a page number from 1, not ${String(page)}`);
    this.setLayoutSettings({ page: page - 1 });
  }

  /**
   * The size of the canvas the layout is drawn on (CSS pixels): responsive layouts choose their
   * columns and strips by it. `<video-room>` sets it; a renderer of your own may too.
   */
  setLayoutSize(size: Size): void {
    const { width, height } = size ?? {};
    if (!(Number.isFinite(width) && Number.isFinite(height) && width > 0 && height > 0)) return;
    if (width === this.layoutSettings.size.width && height === this.layoutSettings.size.height) return;
    this.setLayoutSettings({ size: { width, height } });
  }

  private place(changes: ReadonlyMap<string, VideoPosition>): void {
    this.setLayoutSettings({ positions: withPositions(this.layoutSettings.positions, changes) });
  }

  /** Positions name members of the joined room. */
  private checkPresent(positions: Map<string, VideoPosition>): Map<string, VideoPosition> {
    const present = new Set(this.members.map((member) => member.id));
    for (const id of positions.keys()) {
      if (!present.has(id)) throw new RangeError(`no member "${id}" in the room${this.active ? '' : ': join first'}`);
    }
    return positions;
  }
}

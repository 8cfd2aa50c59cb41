/**
 * The `RoomSession` method surface of `<video-room>` (SignalWire's names): every property and
 * method here forwards to the room model, so the element and the model cannot drift apart.
 * `<video-room>` adds attributes, rendering and joining on top.
 */
import { provide } from '@lit/context';
import { LitElement } from 'lit';
import { roomContext } from '../../src/context/context.js';
import type { AddDeviceOptions, RoomSessionDevice, RoomSessionScreenShare, ScreenShareOptions, SourceOptions } from '../../src/room/local-sources.js';
import { RoomSession, type MemberParams } from '../../src/room/room-session.js';
import type { LayoutChoice, LayoutName, VideoLayout, VideoPosition, VideoPositions } from '../../src/room/layout.js';
import type { Member, Participant } from '../../src/room/types.js';
import type { RoomSessionRecording } from '../../src/service/recording.js';
import type { LocalDataTrack } from '../../src/room/data-tracks.js';

export class RoomSessionElement extends LitElement {
  /** The room model: SignalWire-style methods and state, for anything the attributes don't cover. */
  @provide({ context: roomContext })
  readonly roomSession: RoomSession = new RoomSession({ server: '', room: '', identity: '' });

  /** Whether the room is joined. */
  get active(): boolean {
    return this.roomSession.active;
  }

  /** Every member, this client first (SignalWire member entities). */
  get members(): readonly Member[] {
    return this.roomSession.members;
  }

  /** The other participant talking most (Twilio), or null: see `dominantSpeakerChanged`. */
  get dominantSpeaker(): Participant | null {
    return this.roomSession.dominantSpeaker;
  }

  /** This client's member id, while joined. */
  get memberId(): string | null {
    return this.roomSession.memberId;
  }

  /** This client's camera and microphone as one stream (SignalWire), or null before they start. */
  get localStream(): MediaStream | null {
    return this.roomSession.localStream;
  }

  /** This client's microphone track, or null. */
  get localAudioTrack(): MediaStreamTrack | null {
    return this.roomSession.localAudioTrack;
  }

  /** This client's camera track, or null. */
  get localVideoTrack(): MediaStreamTrack | null {
    return this.roomSession.localVideoTrack;
  }

  /** The camera in use (its `deviceId`), or null. */
  get cameraId(): string | null {
    return this.roomSession.cameraId;
  }

  /** The camera's name, or null. */
  get cameraLabel(): string | null {
    return this.roomSession.cameraLabel;
  }

  /** The microphone in use (its `deviceId`), or null. */
  get microphoneId(): string | null {
    return this.roomSession.microphoneId;
  }

  /** The microphone's name, or null. */
  get microphoneLabel(): string | null {
    return this.roomSession.microphoneLabel;
  }

  /** The chosen speaker; null for the system's default. */
  get speakerId(): string | null {
    return this.roomSession.speakerId;
  }

  /** Leaves the room (or cancels a join) and releases camera, microphone and connections. */
  leave(): Promise<void> {
    return this.roomSession.leave();
  }

  /** Mutes this client's microphone; everyone sees `audio_muted`. Also before joining. */
  audioMute(params?: MemberParams): Promise<void> {
    return this.roomSession.audioMute(params);
  }

  /** Unmutes this client's microphone (or, with a token, `memberId`'s). */
  audioUnmute(params?: MemberParams): Promise<void> {
    return this.roomSession.audioUnmute(params);
  }

  /** Turns this client's camera off (and, by default, its light); everyone sees `video_muted`. */
  videoMute(params?: MemberParams): Promise<void> {
    return this.roomSession.videoMute(params);
  }

  /** Turns this client's camera back on (or, with a token, `memberId`'s). */
  videoUnmute(params?: MemberParams): Promise<void> {
    return this.roomSession.videoUnmute(params);
  }

  /** Hears nobody, and mutes the microphone (SignalWire). */
  deaf(params?: MemberParams): Promise<void> {
    return this.roomSession.deaf(params);
  }

  /** Hears the room again, and unmutes the microphone (SignalWire). */
  undeaf(params?: MemberParams): Promise<void> {
    return this.roomSession.undeaf(params);
  }

  /** The permissions the room token grants (SignalWire names), while joined with a token. */
  get permissions(): readonly string[] {
    return this.roomSession.permissions;
  }

  /** `member` or `audience` while joined with a token, otherwise null. */
  get interactivityMode(): 'member' | 'audience' | null {
    return this.roomSession.interactivityMode;
  }

  /** Whether the room is locked against new members (joined with a token). */
  get locked(): boolean {
    return this.roomSession.locked;
  }

  /** Audience members in the room (joined with a token). */
  get audienceCount(): number {
    return this.roomSession.audienceCount;
  }

  /** Removes a member (`room.member.remove`; needs a token). */
  removeMember(params: { memberId: string }): Promise<void> {
    return this.roomSession.removeMember(params);
  }

  /** Removes every other member (`room.member.remove`; needs a token). */
  removeAllMembers(): Promise<void> {
    return this.roomSession.removeAllMembers();
  }

  /** Ends the call for everyone: removes every member, this client last (needs a token). */
  hangupAll(): Promise<void> {
    return this.roomSession.hangupAll();
  }

  /** Keeps new members out until `unlock()` (`room.lock`; needs a token). */
  lock(): Promise<void> {
    return this.roomSession.lock();
  }

  /** Lets new members in again (`room.unlock`; needs a token). */
  unlock(): Promise<void> {
    return this.roomSession.unlock();
  }

  /** Makes an audience member a member (`room.member.promote`; needs a token). */
  promote(params: { memberId: string }): Promise<void> {
    return this.roomSession.promote(params);
  }

  /** Makes a member (this one by default) audience (`room.member.demote`; needs a token). */
  demote(params?: { memberId?: string }): Promise<void> {
    return this.roomSession.demote(params);
  }

  /** The Janus server this element joined through (with several, the room service picks it), while joining or joined. */
  get janusServer(): string | null {
    return this.roomSession.janusServer;
  }

  /** The room's metadata (joined with a token; `room.updated` says when it changes). Untrusted data. */
  get meta(): Readonly<Record<string, unknown>> {
    return this.roomSession.meta;
  }

  /** Whether raised hands go first in the layout (joined with a token). */
  get prioritizeHandraise(): boolean {
    return this.roomSession.prioritizeHandraise;
  }

  /** Whether the room is being recorded (joined with a token). */
  get recording(): boolean {
    return this.roomSession.recording;
  }

  /** Replaces the room's metadata (`room.set_meta`). */
  setMeta(meta: Record<string, unknown>): Promise<void> {
    return this.roomSession.setMeta(meta);
  }

  /** Sets only the given fields of the room's metadata (`room.set_meta`). */
  updateMeta(meta: Record<string, unknown>): Promise<void> {
    return this.roomSession.updateMeta(meta);
  }

  /** Deletes the given keys of the room's metadata. */
  deleteMeta(keys: string[]): Promise<void> {
    return this.roomSession.deleteMeta(keys);
  }

  /** The room's metadata. */
  getMeta(): Promise<{ meta: Readonly<Record<string, unknown>> }> {
    return this.roomSession.getMeta();
  }

  /** Replaces a member's metadata (this member's by default: `room.self.set_meta`; another's: `room.member.set_meta`). */
  setMemberMeta(params: { memberId?: string; meta: Record<string, unknown> }): Promise<void> {
    return this.roomSession.setMemberMeta(params);
  }

  /** Sets only the given fields of a member's metadata (this member's by default). */
  updateMemberMeta(params: { memberId?: string; meta: Record<string, unknown> }): Promise<void> {
    return this.roomSession.updateMemberMeta(params);
  }

  /** Deletes the given keys of a member's metadata (this member's by default). */
  deleteMemberMeta(params: { memberId?: string; keys: string[] }): Promise<void> {
    return this.roomSession.deleteMemberMeta(params);
  }

  /** A member's metadata (this member's by default). */
  getMemberMeta(params?: { memberId?: string }): Promise<{ meta: Readonly<Record<string, unknown>> }> {
    return this.roomSession.getMemberMeta(params);
  }

  /** Raises or lowers a hand (this member's by default; `raised` omitted toggles). */
  setRaisedHand(params?: { memberId?: string; raised?: boolean }): Promise<void> {
    return this.roomSession.setRaisedHand(params);
  }

  /** Raised hands first in every member's layout (`video.prioritize_handraise`). */
  setPrioritizeHandraise(enabled?: boolean): Promise<boolean> {
    return this.roomSession.setPrioritizeHandraise(enabled);
  }

  /** Starts recording the room (`room.recording`): resolves with the recording (`stop()`). */
  startRecording(): Promise<RoomSessionRecording> {
    return this.roomSession.startRecording();
  }

  /** The room's recordings, with download URLs for completed ones (`room.recording`). */
  getRecordings(): Promise<{ recordings: RoomSessionRecording[] }> {
    return this.roomSession.getRecordings();
  }

  /** Publishes a `LocalDataTrack` (Twilio): its `send()` reaches everyone as `trackMessage`. */
  publishTrack(track: LocalDataTrack): Promise<LocalDataTrack> {
    return this.roomSession.publishTrack(track);
  }

  /** Stops publishing a `LocalDataTrack` (Twilio); the others get `trackUnpublished`. */
  unpublishTrack(track: LocalDataTrack): LocalDataTrack {
    return this.roomSession.unpublishTrack(track);
  }

  /** Not supported on Janus VideoRoom: rejects with `NotSupportedError`. */
  setInputVolume(params: { memberId?: string; volume: number }): Promise<void> {
    return this.roomSession.setInputVolume(params);
  }

  /** Not supported on Janus VideoRoom: rejects with `NotSupportedError`. */
  setOutputVolume(params: { memberId?: string; volume: number }): Promise<void> {
    return this.roomSession.setOutputVolume(params);
  }

  /** Replaces the room token before it expires (Twilio `updateToken`); see `tokenAboutToExpire`. */
  async updateToken(token: string): Promise<this> {
    await this.roomSession.updateToken(token);
    return this;
  }

  /** Switches the camera (`{ deviceId }`, `{ facingMode: 'environment' }`...) without renegotiating. */
  updateCamera(constraints: MediaTrackConstraints): Promise<void> {
    return this.roomSession.updateCamera(constraints);
  }

  /** Switches the microphone (`{ deviceId }`...) without renegotiating. */
  updateMicrophone(constraints: MediaTrackConstraints): Promise<void> {
    return this.roomSession.updateMicrophone(constraints);
  }

  /** Plays the room's audio on another speaker (where the browser supports `setSinkId`). */
  updateSpeaker(opts: { deviceId: string }): Promise<void> {
    return this.roomSession.updateSpeaker(opts);
  }

  /**
   * Shares a screen: opens the browser's picker, then publishes it as a member of type `screen`
   * (SignalWire). Rejects with `NotAllowedError` (and fires `error`) when the picker is cancelled.
   */
  startScreenShare(opts?: ScreenShareOptions): Promise<RoomSessionScreenShare> {
    return this.roomSession.startScreenShare(opts);
  }

  /** @deprecated Use `startScreenShare()`. */
  createScreenShareObject(opts?: ScreenShareOptions): Promise<RoomSessionScreenShare> {
    return this.roomSession.createScreenShareObject(opts);
  }

  /** Adds another camera as a member of type `device`; `{ autoJoin: false }` waits for its `join()`. */
  addCamera(opts?: AddDeviceOptions): Promise<RoomSessionDevice> {
    return this.roomSession.addCamera(opts);
  }

  /** Adds another microphone as a member of type `device`. */
  addMicrophone(opts?: AddDeviceOptions): Promise<RoomSessionDevice> {
    return this.roomSession.addMicrophone(opts);
  }

  /** Adds a device (`audio` and/or `video`) as a member of type `device`. */
  addDevice(opts: SourceOptions): Promise<RoomSessionDevice> {
    return this.roomSession.addDevice(opts);
  }

  /** This client's screen shares, until each leaves. */
  get screenShareList(): readonly RoomSessionScreenShare[] {
    return this.roomSession.screenShareList;
  }

  /** This client's extra cameras and microphones, until each leaves. */
  get deviceList(): readonly RoomSessionDevice[] {
    return this.roomSession.deviceList;
  }

  /** Publishes the page's own media (a canvas, a processed stream) instead of camera/microphone. */
  setLocalStream(stream: MediaStream): void {
    this.roomSession.setLocalStream(stream);
  }

  /**
   * How easily this member counts as talking, `value` 0 (never) to 100 (any sound), default 30
   * (SignalWire). Applies now and to later joins.
   */
  setInputSensitivity(params: MemberParams & { value: number }): Promise<void> {
    return this.roomSession.setInputSensitivity(params);
  }

  /** The layout shown now, with every layer (what `layout.changed` carries). */
  get currentLayout(): VideoLayout {
    return this.roomSession.currentLayout;
  }

  /** The layouts `setLayout()` takes (SignalWire). */
  getLayouts(): Promise<{ layouts: LayoutName[] }> {
    return this.roomSession.getLayouts();
  }

  /** Switches the layout this client shows, with `positions` to give at once (SignalWire). */
  setLayout(params: { name: LayoutChoice; positions?: VideoPositions }): Promise<void> {
    return this.roomSession.setLayout(params);
  }

  /** Gives members positions: `reserved-n`, `standard-n`, `auto` or `off-canvas` (SignalWire). */
  setPositions(params: { positions: VideoPositions }): Promise<void> {
    return this.roomSession.setPositions(params);
  }

  /** Gives a member (this client by default) a position (SignalWire). */
  setMemberPosition(params: { memberId?: string; position: VideoPosition }): Promise<void> {
    return this.roomSession.setMemberPosition(params);
  }

  /** Whether members with their camera off get no slot (SignalWire). */
  setHideVideoMuted(value: boolean): Promise<void> {
    return this.roomSession.setHideVideoMuted(value);
  }

  /** @deprecated Use `setHideVideoMuted(true)`. */
  hideVideoMuted(): Promise<void> {
    return this.roomSession.hideVideoMuted();
  }

  /** @deprecated Use `setHideVideoMuted(false)`. */
  showVideoMuted(): Promise<void> {
    return this.roomSession.showVideoMuted();
  }

  /** Shows page `page` (from 1) of the grid, which pages past 25 tiles. */
  setLayoutPage(page: number): void {
    this.roomSession.setLayoutPage(page);
  }
}

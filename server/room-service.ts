/**
 * The room service with the state rooms carry beyond Janus: room and member metadata, raised
 * hands and their prioritisation, and recordings. Each change is checked against the caller's
 * token and pushed to every member of the room over its event stream (`room.updated`,
 * `member.updated`, `recording.*`). Admission, roles and moderation are service.ts.
 */
import type { JanusSettings } from './janus-rooms.js';
import { recordingView, Recordings, notSupported, type Recording, type RecordingSettings } from './recordings.js';
import { applyMeta, checkHand, checkMemberMeta, checkRoomMeta, readMetaChange, readToggle, type Meta } from './room-state.js';
import { forbidden, notFound } from './service-error.js';
import type { Member, Room } from './service-model.js';
import { RoomServiceBase } from './service.js';
import type { RoomGrant } from './tokens.js';

export class RoomService extends RoomServiceBase {
  readonly recordings: Recordings;

  constructor(janus: JanusSettings, recordings?: RecordingSettings) {
    super(janus);
    this.recordings = new Recordings(recordings, this.janus);
  }

  override async start(): Promise<void> {
    await super.start();
    await this.recordings.load();
  }

  private target(room: Room, callerId: string, targetId: string | undefined): Member {
    const target = room.members.get(targetId ?? callerId);
    if (!target) throw notFound(targetId ?? callerId, room.name);
    return target;
  }

  /** `setMeta` / `updateMeta` / `deleteMeta` on the room (no `targetId`) or on a member. */
  changeMeta(grant: RoomGrant, roomName: string, callerId: string, targetId: string | undefined, body: Record<string, unknown>): { meta: Meta } {
    const room = this.callerRoom(grant, roomName, callerId);
    const change = readMetaChange(body);
    if (targetId === undefined) {
      checkRoomMeta(grant.permissions);
      room.meta = applyMeta(room.meta, change);
      this.broadcast(room, 'room.updated', { room: { meta: room.meta }, updated: ['meta'] });
      return { meta: room.meta };
    }
    checkMemberMeta(grant.permissions, targetId === callerId, targetId);
    const target = this.target(room, callerId, targetId);
    target.meta = applyMeta(target.meta, change);
    this.memberUpdated(room, target, 'meta');
    return { meta: target.meta };
  }

  getMeta(grant: RoomGrant, roomName: string, callerId: string, targetId?: string): { meta: Meta } {
    const room = this.callerRoom(grant, roomName, callerId);
    return { meta: targetId === undefined ? room.meta : this.target(room, callerId, targetId).meta };
  }

  /** SignalWire `setRaisedHand`: `raised` omitted toggles. */
  setRaisedHand(grant: RoomGrant, roomName: string, callerId: string, targetId: string, body: Record<string, unknown>): { raised: boolean } {
    const room = this.callerRoom(grant, roomName, callerId);
    const target = this.target(room, callerId, targetId);
    const raised = readToggle(body, 'raised', target.handraisedAt !== undefined);
    checkHand(grant.permissions, raised, targetId === callerId, targetId);
    if (raised !== (target.handraisedAt !== undefined)) {
      target.handraisedAt = raised ? Date.now() : undefined;
      this.memberUpdated(room, target, 'handraised');
    }
    return { raised };
  }

  /** SignalWire `setPrioritizeHandraise`: raised hands move to the front of every member's layout. */
  setPrioritizeHandraise(grant: RoomGrant, roomName: string, callerId: string, body: Record<string, unknown>): { enabled: boolean } {
    const room = this.callerRoom(grant, roomName, callerId);
    if (!grant.permissions.includes('video.prioritize_handraise')) throw forbidden('video.prioritize_handraise', 'prioritising raised hands');
    const enabled = readToggle(body, 'enabled', room.prioritizeHandraise);
    if (enabled !== room.prioritizeHandraise) {
      room.prioritizeHandraise = enabled;
      this.broadcast(room, 'room.updated', { room: { prioritize_handraise: enabled }, updated: ['prioritize_handraise'] });
    }
    return { enabled };
  }

  private memberUpdated(room: Room, member: Member, field: 'meta' | 'handraised'): void {
    this.broadcast(room, 'member.updated', { member: { id: member.id, ...this.memberState(member) }, updated: [field] });
  }

  private checkRecording(grant: RoomGrant, what: string): void {
    if (!grant.permissions.includes('room.recording')) throw forbidden('room.recording', what);
  }

  async startRecording(grant: RoomGrant, roomName: string, callerId: string): Promise<Record<string, unknown>> {
    const room = this.callerRoom(grant, roomName, callerId);
    this.checkRecording(grant, 'recording the room');
    const already = this.recordings.active(roomName);
    const recording = await this.recordings.start(roomName);
    if (!already) {
      room.recording = true;
      this.broadcast(room, 'recording.started', { recording: recordingView(recording) });
    }
    return recordingView(recording);
  }

  async recordingAction(grant: RoomGrant, roomName: string, callerId: string, id: string, action: string): Promise<Record<string, unknown>> {
    const room = this.callerRoom(grant, roomName, callerId);
    this.checkRecording(grant, `${action}ping a recording`);
    if (action === 'pause' || action === 'resume') {
      this.recordings.find(roomName, id);
      throw notSupported(`${action}() is not supported: Janus 1.1.2 VideoRoom can only start and stop recording a room. Stop it and start a new recording instead`);
    }
    return recordingView(await this.endRecording(room, id, false));
  }

  listRecordings(grant: RoomGrant, roomName: string, callerId: string): Recording[] {
    this.callerRoom(grant, roomName, callerId);
    this.checkRecording(grant, 'listing recordings');
    return this.recordings.list(roomName);
  }

  private async endRecording(room: Room, id: string, janusGone: boolean): Promise<Recording> {
    const wasActive = this.recordings.active(room.name)?.id === id;
    const recording = await this.recordings.stop(room.name, id, (done) => this.broadcast(room, 'recording.updated', { recording: recordingView(done) }), janusGone);
    if (wasActive) {
      room.recording = false;
      this.broadcast(room, 'recording.ended', { recording: recordingView(recording) });
    }
    return recording;
  }

  /** A room about to be destroyed (or destroyed) stops being recorded; what Janus wrote is still composed. */
  protected override async roomEnding(room: Room, janusGone: boolean): Promise<void> {
    const active = this.recordings.active(room.name);
    if (active) await this.endRecording(room, active.id, janusGone).catch(() => {});
  }
}

/**
 * SignalWire's RoomSession methods for state the room service keeps: room and member metadata
 * (`setMeta`, `updateMeta`, `deleteMeta`, `getMeta` and the member versions), raised hands
 * (`setRaisedHand`, `setPrioritizeHandraise`) and recordings (`startRecording`, `getRecordings`).
 * Each needs a join with a room token; the service checks the permission and tells every member.
 */
import type { ChatSessionSource } from '../chat/chat-client.js';
import { RoomSessionRecording } from '../service/recording.js';
import { recordingOf, type Meta, type StateChange } from '../service/shared-state.js';
import { ModeratedRoomSession } from './room-session-moderation.js';

type Op = 'set' | 'update';

function checkMeta(meta: unknown, method: string): Record<string, unknown> {
  if (!meta || typeof meta !== 'object' || Array.isArray(meta)) throw new RangeError(`${method}() needs a plain object of metadata`);
  return meta as Record<string, unknown>;
}

function checkKeys(keys: unknown, method: string): string[] {
  if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string')) throw new RangeError(`${method}() needs an array of key names`);
  return keys;
}

export abstract class StatefulRoomSession extends ModeratedRoomSession {
  /** What the service pushed: events for the room and recordings (members' changes come from the snapshot). */
  protected override onSharedState(change: StateChange): void {
    this.changed();
    if (change.kind === 'room' && change.updated.length > 0) {
      this.events.emit('roomUpdated', { locked: this.locked, updated: change.updated });
    } else if (change.kind === 'recording' && this.access) {
      const recording = new RoomSessionRecording(change.recording, this.access);
      const type = change.phase === 'started' ? 'recordingStarted' : change.phase === 'ended' ? 'recordingEnded' : 'recordingUpdated';
      this.events.emit(type, { recording });
    }
  }

  /**
   * Where a chat on this room gets its Janus session (`<room-chat>`, `new ChatClient({ source })`):
   * the session of the current join, followed through reconnections, and the join token.
   */
  chatSource(): ChatSessionSource {
    let ended: ReturnType<ChatSessionSource['ended']>;
    let joinedOnce = false;
    return {
      session: () => (this.state === 'connected' ? this.membership?.session : undefined),
      ended: () => ended,
      token: () => this.access?.credentials.join || undefined,
      subscribe: (listener) => {
        const onState = () => {
          if (this.state === 'connected') {
            joinedOnce = true;
            ended = undefined;
          }
          listener();
        };
        const onLeft = ({ reason, error }: { reason?: string; error?: Error }) => {
          if (joinedOnce) ended = reason === 'token_expired' ? 'token_expired' : error ? 'failed' : 'left';
          listener();
        };
        this.events.on('state', onState);
        this.events.on('left', onLeft);
        return () => {
          this.events.off('state', onState);
          this.events.off('left', onLeft);
        };
      },
    };
  }

  /** This client's identity while joining or joined (the token's, when joined with one). */
  get identity(): string | null {
    return this.membership?.options.identity ?? null;
  }

  /** The Janus server this client joined through (with several, the room service picks it), while joining or joined. */
  get janusServer(): string | null {
    return this.membership?.options.server ?? null;
  }

  /** The room's metadata (SignalWire `room.updated` carries it too). Untrusted data. */
  get meta(): Meta {
    return this.snapshot.service?.meta ?? {};
  }

  /** Whether raised hands go first in the layout. */
  get prioritizeHandraise(): boolean {
    return this.snapshot.service?.prioritizeHandraise ?? false;
  }

  /** Whether the room is being recorded. */
  get recording(): boolean {
    return this.snapshot.service?.recording ?? false;
  }

  private changeMeta(what: string, request: () => [path: string, body: Record<string, unknown>]): Promise<void> {
    return this.reporting(async () => {
      const [path, body] = request();
      await this.service(what).stateRequest(path, body);
    });
  }

  private metaPath(params: { memberId?: unknown } | undefined, method: string): string {
    return `/members/${encodeURIComponent(this.target(params, method, false))}/meta`;
  }

  /** Replaces the room's metadata (`room.set_meta`). */
  setMeta(meta: Record<string, unknown>): Promise<void> {
    return this.changeMeta('setMeta()', () => ['/meta', { op: 'set' satisfies Op, meta: checkMeta(meta, 'setMeta') }]);
  }

  /** Sets only the given fields of the room's metadata (`room.set_meta`). */
  updateMeta(meta: Record<string, unknown>): Promise<void> {
    return this.changeMeta('updateMeta()', () => ['/meta', { op: 'update' satisfies Op, meta: checkMeta(meta, 'updateMeta') }]);
  }

  /** Removes keys from the room's metadata (`room.set_meta`). */
  deleteMeta(keys: string[]): Promise<void> {
    return this.changeMeta('deleteMeta()', () => ['/meta', { op: 'delete', keys: checkKeys(keys, 'deleteMeta') }]);
  }

  /** The room's metadata, as the room service has it now. */
  getMeta(): Promise<{ meta: Meta }> {
    return this.reporting(async () => ({ meta: Object.freeze({ ...((await this.service('getMeta()').stateRequest('/meta'))['meta'] as object) }) }));
  }

  /** Replaces a member's metadata (this member's by default: `room.self.set_meta`; another's: `room.member.set_meta`). */
  setMemberMeta(params: { memberId?: string; meta: Record<string, unknown> }): Promise<void> {
    return this.changeMeta('setMemberMeta()', () => [this.metaPath(params, 'setMemberMeta'), { op: 'set', meta: checkMeta(params?.meta, 'setMemberMeta') }]);
  }

  /** Sets only the given fields of a member's metadata. */
  updateMemberMeta(params: { memberId?: string; meta: Record<string, unknown> }): Promise<void> {
    return this.changeMeta('updateMemberMeta()', () => [this.metaPath(params, 'updateMemberMeta'), { op: 'update', meta: checkMeta(params?.meta, 'updateMemberMeta') }]);
  }

  /** Removes keys from a member's metadata. */
  deleteMemberMeta(params: { memberId?: string; keys: string[] }): Promise<void> {
    return this.changeMeta('deleteMemberMeta()', () => [this.metaPath(params, 'deleteMemberMeta'), { op: 'delete', keys: checkKeys(params?.keys, 'deleteMemberMeta') }]);
  }

  /** A member's metadata (this member's by default), as the room service has it now. */
  getMemberMeta(params?: { memberId?: string }): Promise<{ meta: Meta }> {
    return this.reporting(async () => {
      const answer = await this.service('getMemberMeta()').stateRequest(this.metaPath(params, 'getMemberMeta'));
      return { meta: Object.freeze({ ...(answer['meta'] as object) }) };
    });
  }

  /**
   * Raises or lowers a hand (this member's by default; `raised` omitted toggles). Raising needs
   * `video.member.raisehand`, lowering `video.member.lowerhand`; another member's also `room.member.set_meta`.
   */
  setRaisedHand(params?: { memberId?: string; raised?: boolean }): Promise<void> {
    return this.reporting(async () => {
      const memberId = this.target(params, 'setRaisedHand', false);
      const raised = params?.raised;
      if (raised !== undefined && typeof raised !== 'boolean') throw new RangeError('setRaisedHand() takes { raised: boolean }');
      await this.service('setRaisedHand()').stateRequest(`/members/${encodeURIComponent(memberId)}/raisehand`, raised === undefined ? {} : { raised });
    });
  }

  /** Whether raised hands go first in every member's layout (omitted toggles); resolves with the new setting (`video.prioritize_handraise`). */
  setPrioritizeHandraise(enabled?: boolean): Promise<boolean> {
    return this.reporting(async () => {
      if (enabled !== undefined && typeof enabled !== 'boolean') throw new RangeError('setPrioritizeHandraise() takes a boolean');
      const answer = await this.service('setPrioritizeHandraise()').stateRequest('/prioritize_handraise', enabled === undefined ? {} : { enabled });
      return answer['enabled'] === true;
    });
  }

  /** Starts recording the room (`room.recording`); every member gets `recording.started`. */
  startRecording(): Promise<RoomSessionRecording> {
    return this.reporting(async () => {
      const access = this.service('startRecording()');
      const info = recordingOf(await access.stateRequest('/recordings', {}));
      if (!info) throw new TypeError("the room service's answer is not a recording");
      return new RoomSessionRecording(info, access);
    });
  }

  /** The room's recordings, with a download URL for each completed one (`room.recording`). */
  getRecordings(): Promise<{ recordings: RoomSessionRecording[] }> {
    return this.reporting(async () => {
      const access = this.service('getRecordings()');
      const answer = await access.stateRequest('/recordings');
      const list = Array.isArray(answer['recordings']) ? answer['recordings'] : [];
      const recordings = list.map((r) => recordingOf(r, access.claims.serviceUrl)).filter((r) => r !== undefined);
      return { recordings: recordings.map((info) => new RoomSessionRecording(info, access)) };
    });
  }
}

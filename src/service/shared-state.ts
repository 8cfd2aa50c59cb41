/**
 * The room state the room service keeps and pushes to every member (Janus has none of it): room
 * and member metadata, raised hands and their prioritisation, and recording. `SharedState` holds
 * it, fed by the service's `admitted` event and its pushes; each push says what it changed.
 * Everything here is untrusted data from other members: render it as text.
 */

export type Meta = Readonly<Record<string, unknown>>;

/** SignalWire's RoomSessionRecording fields, as the service sends them. */
export interface RecordingInfo {
  readonly id: string;
  readonly room_session_id: string;
  /** `recording`, then `processing` once stopped, then `completed` (or `failed`). */
  readonly state: 'recording' | 'processing' | 'completed' | 'failed';
  readonly started_at: number;
  readonly ended_at?: number;
  /** Seconds of the composed file, once completed. */
  readonly duration?: number;
  /** A download URL (from `getRecordings()`, for a completed recording; it expires). */
  readonly url?: string;
  readonly error?: string;
}

export interface SharedMember {
  readonly meta: Meta;
  readonly handraised: boolean;
  /** When the hand went up (ms since the epoch): raised hands go forward in this order. */
  readonly handraisedAt: number | undefined;
}

export type StateChange =
  | { kind: 'room'; updated: Array<'meta' | 'prioritize_handraise'> }
  | { kind: 'member'; id: string; updated: Array<'meta' | 'handraised'> }
  | { kind: 'recording'; phase: 'started' | 'updated' | 'ended'; recording: RecordingInfo };

const EMPTY: Meta = Object.freeze({});
const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const metaOf = (value: unknown): Meta => (value && typeof value === 'object' && !Array.isArray(value) ? Object.freeze({ ...(value as Record<string, unknown>) }) : EMPTY);

function memberOf(value: unknown): SharedMember {
  const data = record(value);
  const at = data['handraised_at'];
  const handraised = data['handraised'] === true;
  return Object.freeze({ meta: metaOf(data['meta']), handraised, handraisedAt: handraised ? (typeof at === 'number' ? at : Date.now()) : undefined });
}

/** A recording as the service describes it (its download path resolved under `serviceUrl`), or undefined if it is not one. */
export function recordingOf(value: unknown, serviceUrl?: string): RecordingInfo | undefined {
  const data = record(value);
  const states = ['recording', 'processing', 'completed', 'failed'];
  if (typeof data['id'] !== 'string' || !states.includes(data['state'] as string)) return undefined;
  return Object.freeze({
    id: data['id'],
    room_session_id: String(data['room_session_id'] ?? ''),
    state: data['state'] as RecordingInfo['state'],
    started_at: Number(data['started_at']) || 0,
    ...(typeof data['ended_at'] === 'number' ? { ended_at: data['ended_at'] } : {}),
    ...(typeof data['duration'] === 'number' ? { duration: data['duration'] } : {}),
    ...(typeof data['download_path'] === 'string' && data['download_path'].startsWith('/') && serviceUrl !== undefined ? { url: `${serviceUrl}${data['download_path']}` } : {}),
    ...(typeof data['error'] === 'string' ? { error: data['error'] } : {}),
  });
}

export class SharedState {
  meta: Meta = EMPTY;
  prioritizeHandraise = false;
  recording = false;
  /** Replaced (never changed in place) when a member's state changes. */
  members: ReadonlyMap<string, SharedMember> = new Map();

  /**
   * Takes the state a (re)admission tells; resolves what changed of the room's (after a broken
   * event stream came back, pushes may have been missed meanwhile).
   */
  reset(room: unknown, members: unknown): StateChange {
    const data = record(room);
    const meta = metaOf(data['meta']);
    const prioritize = data['prioritize_handraise'] === true;
    const updated: Array<'meta' | 'prioritize_handraise'> = [];
    if (JSON.stringify(meta) !== JSON.stringify(this.meta)) updated.push('meta');
    if (prioritize !== this.prioritizeHandraise) updated.push('prioritize_handraise');
    this.meta = meta;
    this.prioritizeHandraise = prioritize;
    this.recording = data['recording'] === true;
    this.members = new Map(Object.entries(record(members)).map(([id, value]) => [id, memberOf(value)]));
    return { kind: 'room', updated };
  }

  member(id: string): SharedMember | undefined {
    return this.members.get(id);
  }

  /** Applies one of the service's pushes; resolves what it changed, if it is one of these. */
  apply(event: string, value: unknown): StateChange | undefined {
    const data = record(value);
    if (event === 'room.updated') {
      const room = record(data['room']);
      const updated: Array<'meta' | 'prioritize_handraise'> = [];
      if ('meta' in room) {
        this.meta = metaOf(room['meta']);
        updated.push('meta');
      }
      if ('prioritize_handraise' in room) {
        this.prioritizeHandraise = room['prioritize_handraise'] === true;
        updated.push('prioritize_handraise');
      }
      return updated.length > 0 ? { kind: 'room', updated } : undefined;
    }
    if (event === 'member.updated') {
      const member = record(data['member']);
      const id = member['id'];
      if (typeof id !== 'string') return undefined;
      const said = Array.isArray(data['updated']) ? data['updated'] : [];
      const updated = (['meta', 'handraised'] as const).filter((key) => said.includes(key));
      const before = this.members.get(id);
      const next = memberOf(member);
      // What did not change keeps its object: the member's snapshot compares by identity.
      this.members = new Map(this.members).set(id, before && !updated.includes('meta') ? { ...next, meta: before.meta } : next);
      return { kind: 'member', id, updated };
    }
    const phase = /^recording\.(started|updated|ended)$/.exec(event)?.[1] as 'started' | 'updated' | 'ended' | undefined;
    const recording = phase && recordingOf(data['recording']);
    if (!phase || !recording) return undefined;
    if (phase !== 'updated') this.recording = phase === 'started';
    return { kind: 'recording', phase, recording };
  }
}

/**
 * SignalWire's `RoomSessionRecording`: a recording of the room the room service made Janus start.
 * `stop()` ends it (the service then composes the playable file: `state` goes `processing`, then
 * `completed`); `pause()` and `resume()` reject with `NotSupportedError`, as Janus 1.1.2 VideoRoom
 * can only start and stop a room's recording.
 */
import type { RoomAccess } from './room-access.js';
import { recordingOf, type RecordingInfo } from './shared-state.js';

export class RoomSessionRecording {
  readonly id: string;
  readonly roomSessionId: string;
  state: RecordingInfo['state'];
  /** ms since the epoch */
  readonly startedAt: number;
  endedAt: number | undefined;
  /** Seconds, once the file is composed. */
  duration: number | undefined;
  /** Where to download the file (MP4), when listed by `getRecordings()` once completed; it expires after an hour. */
  url: string | undefined;
  error: string | undefined;
  readonly #access: RoomAccess;

  constructor(info: RecordingInfo, access: RoomAccess) {
    this.id = info.id;
    this.roomSessionId = info.room_session_id;
    this.state = info.state;
    this.startedAt = info.started_at;
    this.endedAt = info.ended_at;
    this.duration = info.duration;
    this.url = info.url;
    this.error = info.error;
    this.#access = access;
  }

  private async act(action: 'stop' | 'pause' | 'resume'): Promise<void> {
    const info = recordingOf(await this.#access.stateRequest(`/recordings/${encodeURIComponent(this.id)}/${action}`, {}));
    if (info) Object.assign(this, { state: info.state, endedAt: info.ended_at, duration: info.duration });
  }

  /** Stops the recording (`room.recording`); members get `recording.ended`, then `recording.updated` when the file is ready. */
  stop(): Promise<void> {
    return this.act('stop');
  }

  /** Not supported on Janus 1.1.2: rejects with `NotSupportedError`. */
  pause(): Promise<void> {
    return this.act('pause');
  }

  /** Not supported on Janus 1.1.2: rejects with `NotSupportedError`. */
  resume(): Promise<void> {
    return this.act('resume');
  }
}

/**
 * Room recordings: Janus records every publisher of a room into `.mjr` files (VideoRoom
 * `enable_recording`, into a folder of its own per recording, set with `edit new_rec_dir`); when
 * the recording stops the service composes them into one MP4 (recording-files.ts) that its HTTP
 * API serves. Janus 1.1.2 cannot pause a room recording, so `pause` and `resume` are refused.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { composeRecording, DEFAULT_TOOLS, type RecordingTools } from './recording-files.js';
import { ServiceError } from './service-error.js';

export interface RecordingSettings {
  /** Where Janus writes the `.mjr` files and the service the composed files: Janus and the service must both reach it. */
  dir: string;
  tools?: Partial<RecordingTools>;
}

/** SignalWire's `RoomSessionRecording` states, and `failed` when no playable file could be made. */
export type RecordingState = 'recording' | 'processing' | 'completed' | 'failed';

export interface Recording {
  id: string;
  room: string;
  state: RecordingState;
  /** ms since the epoch */
  startedAt: number;
  endedAt?: number;
  /** Seconds of the composed file (once `completed`). */
  duration?: number;
  error?: string;
}

/** What recordings need of Janus: start recording a room into `dir`, or stop. */
export interface RecordingJanus {
  record(room: string, dir: string | false): Promise<void>;
}

export const notSupported = (message: string) => new ServiceError(501, 53000, 'NotSupportedError', message);
const FILE = 'recording.mp4';

export class Recordings {
  private readonly dir: string | undefined;
  private readonly tools: RecordingTools;
  private readonly byRoom = new Map<string, Recording[]>();

  constructor(settings: RecordingSettings | undefined, private readonly janus: RecordingJanus) {
    this.dir = settings?.dir === undefined ? undefined : resolve(settings.dir);
    this.tools = { ...DEFAULT_TOOLS, ...settings?.tools };
  }

  list(room: string): Recording[] {
    return [...(this.byRoom.get(room) ?? [])];
  }

  active(room: string): Recording | undefined {
    return this.byRoom.get(room)?.find((r) => r.state === 'recording');
  }

  find(room: string, id: string): Recording {
    const recording = this.byRoom.get(room)?.find((r) => r.id === id);
    if (!recording) throw new ServiceError(404, 53000, 'NotFoundError', `No recording "${id}" in room "${room}"`);
    return recording;
  }

  /** The composed file of a completed recording. */
  file(room: string, id: string): string {
    const recording = this.find(room, id);
    if (recording.state !== 'completed') throw new ServiceError(409, 53000, 'RecordingNotReadyError', `Recording "${id}" is ${recording.state}, not completed`);
    return join(this.dir!, id, FILE);
  }

  async start(room: string): Promise<Recording> {
    if (!this.dir) throw notSupported('Recording is not configured on this room service: set "recordings": { "dir": ... } in its config');
    if (/[/\\\0]/.test(room)) throw notSupported(`Room "${room}" cannot be recorded: Janus puts the room's name in file names, and this one has a path separator`);
    const existing = this.active(room);
    if (existing) return existing;
    const recording: Recording = { id: randomUUID(), room, state: 'recording', startedAt: Date.now() };
    const raw = join(this.dir, recording.id, 'raw');
    await mkdir(raw, { recursive: true });
    await this.janus.record(room, raw);
    this.byRoom.set(room, [...(this.byRoom.get(room) ?? []), recording]);
    return recording;
  }

  /**
   * Stops Janus recording the room (unless `janusGone`: the room was destroyed, which closed
   * the files) and composes the files; `done` is called when the recording completes or fails.
   */
  async stop(room: string, id: string, done: (recording: Recording) => void, janusGone = false): Promise<Recording> {
    const recording = this.find(room, id);
    if (recording.state !== 'recording') return recording;
    if (!janusGone) await this.janus.record(room, false);
    recording.state = 'processing';
    recording.endedAt = Date.now();
    const folder = join(this.dir!, id);
    const composed = composeRecording(join(folder, 'raw'), join(folder, FILE), this.tools).then(
      (duration) => Object.assign(recording, { state: 'completed', duration }),
      (error: unknown) => Object.assign(recording, { state: 'failed', error: (error as Error).message ?? String(error) }),
    );
    void composed.then(async () => {
      await writeFile(join(folder, 'recording.json'), JSON.stringify(recording)).catch(() => {});
      done(recording);
    });
    return recording;
  }

  /** Recordings an earlier run of the service completed (their `recording.json`), so they can still be listed and fetched. */
  async load(): Promise<void> {
    if (!this.dir) return;
    const ids = await readdir(this.dir).catch(() => [] as string[]);
    for (const id of ids) {
      const saved = await readFile(join(this.dir, id, 'recording.json'), 'utf8').catch(() => undefined);
      if (!saved) continue;
      try {
        const recording = JSON.parse(saved) as Recording;
        if (recording.id !== id || typeof recording.room !== 'string') continue;
        this.byRoom.set(recording.room, [...(this.byRoom.get(recording.room) ?? []), recording]);
      } catch {
        // A damaged record: the files stay on disk, unlisted.
      }
    }
  }
}

/** The recording as members see it (SignalWire's RoomSessionRecording fields). */
export function recordingView(recording: Recording): Record<string, unknown> {
  return {
    id: recording.id,
    room_session_id: recording.room,
    state: recording.state,
    started_at: recording.startedAt,
    ...(recording.endedAt === undefined ? {} : { ended_at: recording.endedAt }),
    ...(recording.duration === undefined ? {} : { duration: recording.duration }),
    ...(recording.error === undefined ? {} : { error: recording.error }),
  };
}

/**
 * Who speaks. Janus's voice activity detection (VideoRoom `audiolevel_event`) says who talks;
 * this module maps SignalWire's input sensitivity onto its threshold, and picks the dominant
 * speaker (Twilio) from who talks, with hysteresis so that it does not flap. Pure functions and
 * one timer at the edge.
 */
import type { Roster } from './roster.js';

/** SignalWire's default input sensitivity. */
export const DEFAULT_INPUT_SENSITIVITY = 30;

/** Packets in Janus's talk-detection window: 50 Opus packets of 20 ms, one second. */
export const TALK_WINDOW_PACKETS = 50;

/**
 * SignalWire's sensitivity (0: essentially never talking, 100: any sound is talk; default 30) as
 * Janus's `audio_level_average`: a member talks while the average level of its packets over the
 * window is louder than this many -dBov (0 is the loudest, 127 silence). Two straight lines: 30
 * gives 55, where speech into a laptop or headset microphone averages over a second with its
 * pauses; 100 gives 127 (anything but digital silence); 0 gives 1 (Janus reads 0 as "the room's
 * threshold", so 1 stands for never).
 */
export function talkThreshold(sensitivity: number): number {
  if (typeof sensitivity !== 'number' || !Number.isFinite(sensitivity) || sensitivity < 0 || sensitivity > 100) {
    throw new RangeError(`input sensitivity must be a number from 0 to 100, not ${String(sensitivity)}`);
  }
  const [pivot, atPivot] = [DEFAULT_INPUT_SENSITIVITY, 55];
  const threshold =
    sensitivity <= pivot ? 1 + (sensitivity * (atPivot - 1)) / pivot : atPivot + ((sensitivity - pivot) * (127 - atPivot)) / (100 - pivot);
  return Math.round(threshold);
}

/** How long a dominant speaker keeps the floor against someone else talking (ms). */
export const DOMINANT_HOLD_MS = 1500;

export interface DominantState {
  /** The dominant speaker's participant id, or null. */
  readonly current: string | null;
  /** When it became dominant (ms, any monotonic clock). */
  readonly since: number;
}

export const NO_DOMINANT: DominantState = { current: null, since: -Infinity };

/**
 * The next dominant speaker. `talkers` are the participants talking now, with when each started;
 * `present` the participants in the room. The dominant speaker stays while it talks, and after it
 * stops (until someone else talks, as Twilio); it hands over to whoever has talked longest, but
 * not within `DOMINANT_HOLD_MS` of taking the floor; it resets to null when it leaves. `recheckAt`
 * says when a handover held back by the hold becomes due.
 */
export function nextDominant(
  state: DominantState,
  talkers: ReadonlyMap<string, number>,
  present: ReadonlySet<string>,
  now: number,
): { state: DominantState; recheckAt?: number } {
  let current = state.current !== null && present.has(state.current) ? state : NO_DOMINANT;
  if (current.current !== null && talkers.has(current.current)) return { state: current };
  let candidate: string | undefined;
  let longest = Infinity;
  for (const [id, startedAt] of talkers) {
    if (present.has(id) && startedAt < longest) [candidate, longest] = [id, startedAt];
  }
  if (candidate === undefined) return { state: current };
  if (current.current !== null && now - current.since < DOMINANT_HOLD_MS) return { state: current, recheckAt: current.since + DOMINANT_HOLD_MS };
  current = { current: candidate, since: now };
  return { state: current };
}

/** Keeps the dominant speaker as talkers change, re-checking when a held-back handover is due. */
export class DominantSpeaker {
  private state: DominantState = NO_DOMINANT;
  private readonly started = new Map<string, number>();
  private present: ReadonlySet<string> = new Set();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly changed: () => void;

  constructor(changed: () => void) {
    this.changed = changed;
  }

  get current(): string | null {
    return this.state.current;
  }

  /** Who talks now and who is in the room (participant ids). */
  update(talking: ReadonlySet<string>, present: ReadonlySet<string>): void {
    const now = performance.now();
    for (const id of this.started.keys()) if (!talking.has(id)) this.started.delete(id);
    for (const id of talking) if (!this.started.has(id)) this.started.set(id, now);
    this.present = present;
    this.evaluate(now);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private evaluate(now: number): void {
    this.stop();
    const before = this.state.current;
    const { state, recheckAt } = nextDominant(this.state, this.started, this.present, now);
    this.state = state;
    if (recheckAt !== undefined) this.timer = setTimeout(() => this.evaluate(performance.now()), Math.max(0, recheckAt - now));
    if (state.current !== before) this.changed();
  }
}

/**
 * The other participants (Twilio: a person with its extra sources) that talk now, and all of
 * them. A muted member sends nothing, so Janus never hears it stop: muted counts as silent.
 */
export function talkersOf(roster: Roster): [talking: Set<string>, present: Set<string>] {
  const talking = new Set<string>();
  const present = new Set<string>();
  for (const record of roster.values()) {
    if (record.local) continue;
    const sid = record.parentId ?? record.id;
    present.add(sid);
    if (record.talking && [...record.streams.values()].some((s) => s.kind === 'audio' && !s.muted)) talking.add(sid);
  }
  return [talking, present];
}

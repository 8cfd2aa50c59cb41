// Helpers of the Twilio drop-in's tests: running a sample of ./twilio-samples, waiting for an
// event of a Twilio object, and leaving a room.
import type { Room } from '../../dist/src/twilio/index.js';

type Emitter = { on(event: string, listener: (...args: any[]) => void): unknown; off(event: string, listener: (...args: any[]) => void): unknown };

/** Every room a sample joined, to leave after the test (see `leaveAll`). */
const joined: Room[] = [];
let imported = 0;

/** Runs a sample (a fresh copy of the module each time) as `identity`, and resolves with what it exports. */
export async function run<T>(name: string, identity: string): Promise<T & Record<string, unknown>> {
  (window as unknown as { SAMPLE_IDENTITY: string }).SAMPLE_IDENTITY = identity;
  const sample = (await import(`./twilio-samples/${name}.js?run=${++imported}`)) as T & Record<string, unknown>;
  for (const value of Object.values(sample)) if (value && typeof value === 'object' && 'localParticipant' in value) joined.push(value as Room);
  return sample;
}

/** Resolves with `emitter`'s next `event` arguments that pass `test`. */
export function next(emitter: Emitter, event: string, test: (...args: any[]) => boolean = () => true): Promise<any[]> {
  return new Promise((resolve) => {
    const listener = (...args: any[]) => {
      if (!test(...args)) return;
      emitter.off(event, listener);
      resolve(args);
    };
    emitter.on(event, listener);
  });
}

/** Leaves `room` (if it has not left) and resolves once it says `disconnected`. */
export async function leave(room: { state: string; disconnect(): unknown } & Emitter): Promise<void> {
  if (room.state === 'disconnected') return;
  const left = next(room, 'disconnected');
  room.disconnect();
  await left;
}

/** Leaves every room the samples joined. */
export async function leaveAll(): Promise<void> {
  for (const room of joined.splice(0)) await leave(room);
}

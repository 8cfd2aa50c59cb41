/**
 * Repeating timers that keep their pace in a hidden tab. Browsers throttle a background page's
 * own timers (Chrome runs chained ones once a minute after a few minutes), which would let a
 * Janus session time out; a dedicated worker's timers are not throttled. `worker-timers` runs
 * them there; where a page forbids workers (a strict Content-Security-Policy) the page's own
 * timers stand in.
 */
import { clearInterval as clearWorkerInterval, setInterval as setWorkerInterval } from 'worker-timers';

/** Calls `tick` every `ms` milliseconds until the returned function is called. */
export function every(ms: number, tick: () => void): () => void {
  try {
    const id = setWorkerInterval(tick, ms);
    return () => clearWorkerInterval(id);
  } catch {
    const id = setInterval(tick, ms);
    return () => clearInterval(id);
  }
}

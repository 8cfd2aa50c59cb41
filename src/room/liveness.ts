/**
 * Janus's keepalive is never answered in a way janus.js checks, so a connection that stalls (Janus
 * frozen, a proxy that stopped passing data) would look fine forever, with frozen tiles. Every few
 * seconds Janus is asked something small, and a missing answer is reported. The asking runs on
 * worker timers, so it also keeps the session alive in a background tab.
 */
import { SignalingConnectionTimeoutError } from '../errors/errors.js';
import { JanusFailure } from '../janus/janus-client.js';
import { every } from '../util/ticker.js';

/** How often Janus is asked whether it still answers, and how long it has to answer. */
export const LIVENESS_INTERVAL_MS = 5000;
const LIVENESS_TIMEOUT_MS = 5000;

export interface LivenessProbe {
  /** Asks Janus something small; undefined when there is nothing to ask now (reconnecting). */
  ask(timeout: number): Promise<unknown> | undefined;
  /** Janus did not answer in time. */
  stalled(error: Error): void;
}

export class Liveness {
  private readonly probe: LivenessProbe;
  private readonly timeout: number;
  private stopTicks: (() => void) | undefined;
  private asking = false;

  /** `timeout`: the room's request timeout (the check never waits longer). */
  constructor(probe: LivenessProbe, timeout: number) {
    this.probe = probe;
    this.timeout = Math.min(timeout, LIVENESS_TIMEOUT_MS);
  }

  start(): void {
    this.stopTicks ??= every(LIVENESS_INTERVAL_MS, () => void this.check());
  }

  stop(): void {
    this.stopTicks?.();
    this.stopTicks = undefined;
  }

  private async check(): Promise<void> {
    if (this.asking) return;
    const answer = this.probe.ask(this.timeout);
    if (!answer) return;
    this.asking = true;
    try {
      await answer;
    } catch (error) {
      // Silence, or janus.js saying the connection is down (its own view can go stale); a refused
      // request is no liveness problem.
      if (error instanceof JanusFailure && (error.kind === 'timeout' || error.kind === 'transport') && this.stopTicks) {
        this.probe.stalled(
          new SignalingConnectionTimeoutError(
            `${SignalingConnectionTimeoutError.defaultMessage}: Janus did not answer a liveness check within ${this.timeout} ms. Reconnecting`,
          ),
        );
      }
    } finally {
      this.asking = false;
    }
  }
}

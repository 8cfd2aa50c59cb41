/**
 * Keeping a joined room alive: when the connection to Janus or the media breaks, tries to bring
 * the join back, again and again with growing pauses, inside a bounded window; then either the
 * join is whole again or it is given up with the error that says what broke. It knows nothing of
 * Janus: the room model hands it the one try.
 */
import { MediaConnectionError, SignalingConnectionDisconnectedError } from '../errors/errors.js';
import { abortable, type Attempt } from './connection.js';

/**
 * What broke: the connection to Janus (the WebSocket, or a session that stopped answering) or a
 * PeerConnection; or nothing broke, but the join must be made anew in another role (`role`).
 */
export type Trouble = 'signaling' | 'media' | 'role';

export interface ReconnectionHooks {
  /** One try at making the join whole; rejects if it is not. `limit`: milliseconds left in the window. */
  attempt(attempt: Attempt, limit: number): Promise<void>;
  /** Trying starts (`reconnecting`, with what broke). */
  started(error: Error, trouble: Trouble): void;
  /** A try succeeded (`reconnected`). */
  succeeded(trouble: Trouble): void;
  /** The window ran out: the join is over. */
  gaveUp(error: Error): void;
}

/** Pauses between tries, then every 5 s: a blip comes back on the first or second try. */
const PAUSES_MS = [0, 500, 1000, 2000, 4000];
export const pauseBefore = (tries: number): number => PAUSES_MS[tries] ?? 5000;

const sleep = (ms: number, signal: AbortSignal) =>
  abortable(signal, new Promise<void>((resolve) => setTimeout(resolve, ms))).catch(() => {});

export class Reconnection {
  private readonly hooks: ReconnectionHooks;
  private controller: AbortController | undefined;
  private trouble: Trouble = 'media';

  constructor(hooks: ReconnectionHooks) {
    this.hooks = hooks;
  }

  get running(): boolean {
    return this.controller !== undefined;
  }

  /** Something broke; starts trying, unless a run is already under way (then it also covers this). */
  start(trouble: Trouble, error: Error, window: number): void {
    if (this.controller) {
      // A run that changes role stays quiet (it announced nothing, so it announces no end either).
      if (trouble === 'signaling' && this.trouble !== 'role') this.trouble = 'signaling';
      return;
    }
    this.trouble = trouble;
    const controller = new AbortController();
    this.controller = controller;
    this.hooks.started(error, trouble);
    void this.run(controller, window);
  }

  /** The join ends (left, or failed otherwise): no more tries. */
  stop(): void {
    this.controller?.abort();
    this.controller = undefined;
  }

  /** The run of `controller` is over (before its outcome is told, so `running` reads false then). */
  private finish(controller: AbortController): void {
    if (this.controller === controller) this.controller = undefined;
  }

  private async run(controller: AbortController, window: number): Promise<void> {
    const { signal } = controller;
    const deadline = Date.now() + window;
    let last: unknown;
    for (let tries = 0; ; tries++) {
      const pause = pauseBefore(tries);
      if (Date.now() + pause >= deadline) break;
      await sleep(pause, signal);
      if (signal.aborted) return;
      // Each try gets what is left of the window, and is cancelled when the join ends.
      const limit = deadline - Date.now();
      const tryController = new AbortController();
      const onAbort = () => tryController.abort(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      const timer = setTimeout(() => tryController.abort(new DOMException('the reconnection window ran out', 'TimeoutError')), limit);
      const attempt: Attempt = { signal: tryController.signal, step: (work, release) => abortable(tryController.signal, work, release) };
      try {
        await attempt.step(this.hooks.attempt(attempt, limit));
        if (signal.aborted) return;
        this.finish(controller);
        this.hooks.succeeded(this.trouble);
        return;
      } catch (error) {
        if (signal.aborted) return;
        last = error;
      } finally {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
      }
    }
    if (signal.aborted) return;
    this.finish(controller);
    const why = last instanceof Error ? ` (last try: ${last.message})` : '';
    this.hooks.gaveUp(
      this.trouble === 'signaling'
        ? new SignalingConnectionDisconnectedError(
            `${SignalingConnectionDisconnectedError.defaultMessage}: the connection to Janus broke and did not come back within ${window} ms${why}. Check the network connection and join again`,
          )
        : new MediaConnectionError(
            `${MediaConnectionError.defaultMessage}: the media connection broke and did not come back within ${window} ms${why}. Check the network connection (UDP to Janus must pass) and join again`,
          ),
    );
  }
}

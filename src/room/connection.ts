/**
 * The connection lifecycle: one join or leave at a time, joins that `leave()` (or a failure, or
 * `pagehide`) cancels at once, and joins that start afresh after an aborted one. It knows nothing
 * of Janus: the room model hands it the steps.
 */
import type { ConnectionState, LeaveReason } from './types.js';

export interface Left {
  reason?: LeaveReason;
  error?: Error;
}

/** One run of the join steps. */
export interface Attempt {
  /** Aborted by `leave()`, a failure or `pagehide`. */
  readonly signal: AbortSignal;
  /**
   * Awaits `work`, or rejects as soon as the attempt is aborted. What `work` yields after an abort
   * goes to `release` (say, tracks that a pending getUserMedia delivers late).
   */
  step<T>(work: Promise<T>, release?: (late: T) => void): Promise<T>;
}

export interface ConnectionHooks {
  /** Joins; throws the error `join()` rejects with. */
  connect(attempt: Attempt): Promise<void>;
  /** Releases whatever a join acquired, after it failed or was aborted; safe to call at any point. */
  release(): Promise<void>;
  /** The state is `connected` now. */
  joined(): void;
  /** The state is `disconnected` now: release everything and announce the leave. */
  disconnect(left: Left): Promise<void>;
  /** The state changed. */
  changed(): void;
}

const noop = () => {};
const abortError = () => new DOMException('leave() was called before join() finished', 'AbortError');

export class Connection {
  private stateValue: ConnectionState = 'disconnected';
  private controller = new AbortController();
  private joining: { signal: AbortSignal; promise: Promise<void> } | undefined;
  private leaving: Promise<void> | undefined;
  private readonly hooks: ConnectionHooks;

  constructor(hooks: ConnectionHooks) {
    this.hooks = hooks;
  }

  get state(): ConnectionState {
    return this.stateValue;
  }

  /**
   * Joins, or returns the join under way. A join that was aborted meanwhile does not count: the
   * new one waits for it (and any leave) to unwind, then starts afresh.
   */
  join(): Promise<void> {
    const signal = this.controller.signal;
    if (this.joining && this.joining.signal === signal && !signal.aborted) return this.joining.promise;
    if (this.joined && !this.leaving) return Promise.resolve();
    const before = Promise.all([this.joining?.promise.catch(noop), this.leaving]);
    const promise: Promise<void> = before
      .then(() => this.run(signal))
      .finally(() => {
        if (this.joining?.promise === promise) this.joining = undefined;
      });
    this.joining = { signal, promise };
    return promise;
  }

  /** Leaves, or cancels the join under way; resolves once everything is released. */
  leave(): Promise<void> {
    if (this.leaving) return this.leaving;
    if (this.joining) {
      const joining = this.joining.promise;
      this.abort(abortError());
      return joining.then(noop, noop);
    }
    return this.joined ? this.startLeaving({}) : Promise.resolve();
  }

  /** Joined: connected, or restoring a broken connection. */
  get joined(): boolean {
    return this.stateValue === 'connected' || this.stateValue === 'reconnecting';
  }

  /** The joined connection broke: `reconnecting` until `reconnected()` (or a leave). */
  reconnecting(): void {
    if (this.stateValue === 'connected' && !this.leaving) this.setState('reconnecting');
  }

  reconnected(): void {
    if (this.stateValue === 'reconnecting' && !this.leaving) this.setState('connected');
  }

  /**
   * Something ended the session: a join under way fails (with `error`, or an AbortError), a joined
   * room is left with `reason` (and `error`, when the end was a failure).
   */
  fail(reason: LeaveReason, error?: Error): void {
    if (this.stateValue === 'connecting') {
      this.abort(error ?? new DOMException(`join() did not finish: ${reason.replace('_', ' ')}`, 'AbortError'));
    } else if (this.joined) {
      void this.startLeaving(error ? { reason, error } : { reason });
    }
  }

  private readonly onPageHide = () => this.fail('pagehide');

  private async run(signal: AbortSignal): Promise<void> {
    const attempt: Attempt = { signal, step: (work, release) => abortable(signal, work, release) };
    if (signal.aborted) throw signal.reason;
    this.setState('connecting');
    window.addEventListener('pagehide', this.onPageHide);
    try {
      await this.hooks.connect(attempt);
      // Aborted after the last step succeeded: still a failed join.
      if (signal.aborted) throw signal.reason;
    } catch (error) {
      window.removeEventListener('pagehide', this.onPageHide);
      await this.hooks.release();
      this.setState('disconnected');
      throw error;
    }
    this.setState('connected');
    this.hooks.joined();
  }

  private abort(reason: Error): void {
    this.controller.abort(reason);
    this.controller = new AbortController();
  }

  private startLeaving(left: Left): Promise<void> {
    this.leaving ??= (async () => {
      this.abort(abortError());
      window.removeEventListener('pagehide', this.onPageHide);
      this.setState('disconnected');
      await this.hooks.disconnect(left);
    })().finally(() => {
      this.leaving = undefined;
    });
    return this.leaving;
  }

  private setState(state: ConnectionState): void {
    this.stateValue = state;
    this.hooks.changed();
  }
}

/** Awaits `work`, or rejects as soon as `signal` aborts; what `work` yields after that goes to `release`. */
export function abortable<T>(signal: AbortSignal, work: Promise<T>, release?: (late: T) => void): Promise<T> {
  if (signal.aborted) {
    work.then(release, noop);
    return Promise.reject(signal.reason as Error);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) release?.(value);
        else resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}

/**
 * `media.connected` once every PeerConnection is up, `media.disconnected` once one fails or
 * drops; states in between (new, connecting) change nothing.
 */
export function nextMediaUp(up: boolean, states: readonly RTCPeerConnectionState[]): boolean {
  if (!up) return states.length > 0 && states.every((s) => s === 'connected');
  return !states.some((s) => s === 'failed' || s === 'disconnected' || s === 'closed');
}

/** Janus failures as one error type (errors.ts turns them into documented errors), and timeouts. */

/** Where a Janus failure came from. */
export type JanusFailureKind = 'connect' | 'transport' | 'timeout' | 'core' | 'plugin' | 'webrtc' | 'media';

export class JanusFailure extends Error {
  readonly kind: JanusFailureKind;
  /** Janus error code (core 4xx or plugin 4xx), when Janus gave one. */
  readonly janusCode?: number;

  constructor(kind: JanusFailureKind, message: string, janusCode?: number, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'JanusFailure';
    this.kind = kind;
    if (janusCode !== undefined) this.janusCode = janusCode;
  }
}

/** Rejects with `onTimeout()` unless `promise` settles within `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** janus.js reports errors as strings; core and attach errors start with "<code> <reason>". */
export function failureFromString(kind: JanusFailureKind, text: unknown): JanusFailure {
  const message = typeof text === 'string' ? text : String((text as Error)?.message ?? text);
  const match = /^(?:Ooops: )?(\d{3}) (.*)$/s.exec(message);
  return match
    ? new JanusFailure('core', match[2] ?? message, Number(match[1]))
    : new JanusFailure(kind, message);
}


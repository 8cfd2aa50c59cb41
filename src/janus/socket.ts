/**
 * The WebSocket janus.js talks to Janus over, with a gate in front of janus.js: a frame that is
 * too big, not JSON, or not a Janus message is dropped (and logged as a
 * `SignalingIncomingMessageInvalidError`) before janus.js sees it, so a broken or hostile server
 * cannot crash the page. The socket also tells which transaction each request went out with and
 * which one the message being handled now answers: janus.js keeps both to itself, and without
 * them an unsolicited event can pass for the answer to a request.
 */
import { SignalingIncomingMessageInvalidError } from '../errors/errors.js';
import { logger } from '../util/logger.js';

/** The largest frame accepted from Janus: a room's full `publishers` list is far smaller. */
export const MAX_INCOMING_CHARS = 1 << 20;

let recording: { into: GatedSocket[]; credentials: { token: string } | undefined } | undefined;

/**
 * Runs `open` (which may construct sockets: `new Janus()`, `reconnect()`), adding them to `into`.
 * With `credentials`, every request goes out with `credentials.token` as read when it is sent:
 * janus.js keeps the token it was given for the session's life, and a room token can be renewed.
 */
export function recordSockets<T>(into: GatedSocket[], open: () => T, credentials?: { token: string }): T {
  recording = { into, credentials };
  try {
    return open();
  } finally {
    recording = undefined;
  }
}

/** Logs input the library ignores: untrusted data must never throw inside a handler. */
export function reportInvalidMessage(detail: string): void {
  const error = new SignalingIncomingMessageInvalidError(
    `${SignalingIncomingMessageInvalidError.defaultMessage}: ${detail}. It was ignored; if this keeps happening, check the server and the other clients`,
  );
  logger.warn(`janus-room-elements: ${error.name} (${error.code}): ${error.message}`);
}

/** Why a frame cannot be a Janus message, or undefined (and its transaction) when it can. */
function checkFrame(data: unknown): { problem: string } | { transaction: string | undefined } {
  if (typeof data !== 'string') return { problem: 'a binary WebSocket frame' };
  if (data.length > MAX_INCOMING_CHARS) return { problem: `a ${data.length}-character message (at most ${MAX_INCOMING_CHARS} are accepted)` };
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return { problem: 'a message that is not JSON' };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value) || typeof (value as { janus?: unknown }).janus !== 'string') {
    return { problem: 'a message without a "janus" field' };
  }
  const { transaction } = value as { transaction?: unknown };
  return { transaction: typeof transaction === 'string' ? transaction : undefined };
}

/** A request janus.js sends, parsed (undefined if it is not JSON). */
function parseRequest(data: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(data);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export class GatedSocket extends WebSocket {
  /** The transaction of the last request sent (janus.js sends synchronously). */
  lastSent: string | undefined;
  /** The transaction of the message janus.js is handling now (undefined: unsolicited). */
  handling: string | undefined;
  /** The listeners janus.js added (see `abandon`). */
  private readonly added: Array<[string, EventListenerOrEventListenerObject]> = [];
  private readonly credentials: { token: string } | undefined;

  constructor(url: string | URL, protocols?: string | string[]) {
    super(url, protocols);
    recording?.into.push(this);
    this.credentials = recording?.credentials;
    // Added before janus.js adds its own listener, so it runs first and can stop a bad frame.
    super.addEventListener('message', (event: MessageEvent) => {
      const checked = checkFrame(event.data);
      if ('problem' in checked) {
        event.stopImmediatePropagation();
        reportInvalidMessage(`Janus sent ${checked.problem}`);
        return;
      }
      this.handling = checked.transaction;
    });
  }

  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void {
    if (!listener) return;
    this.added.push([type, listener]);
    super.addEventListener(type, listener, options);
  }

  /**
   * Closes a socket that is being replaced (a `claim` on a new one) without janus.js hearing of it:
   * janus.js leaves its listeners on the old socket, and a late `close` there would mark the
   * reclaimed session as disconnected.
   */
  abandon(): void {
    for (const [type, listener] of this.added.splice(0)) super.removeEventListener(type, listener);
    if (this.readyState <= WebSocket.OPEN) this.close();
  }

  override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
    if (typeof data === 'string') {
      const request = parseRequest(data);
      // The top-level transaction (the body could hold the word too).
      this.lastSent = typeof request?.['transaction'] === 'string' ? request['transaction'] : undefined;
      if (request && this.credentials && request['token'] !== this.credentials.token) {
        data = JSON.stringify({ ...request, token: this.credentials.token });
      }
    }
    super.send(data);
  }
}

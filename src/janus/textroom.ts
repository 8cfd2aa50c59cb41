/**
 * One Janus TextRoom handle on a Janus session: the data-only PeerConnection (`setup`, answer,
 * `ack`), requests over its data channel matched to their answers by transaction, the room
 * events it brings (`join`, `leave`, `message`, `announcement`, `kicked`, `destroyed`), and the
 * plugin's synchronous requests (`exists`, `list`, `create`). One handle serves every channel.
 * Failures are `JanusFailure`s; the chat (src/chat/chat-errors.ts) makes them documented errors.
 */
import mitt, { type Emitter } from 'mitt';
import { JanusFailure, withTimeout, type JanusSession, type PluginHandle } from './janus-client.js';

export type TextRoomEvent = Record<string, unknown> & { textroom: string; room?: string };

export type TextRoomEvents = {
  /** An unsolicited event of a room (`join`, `leave`, `message`, `announcement`, `kicked`, `destroyed`). */
  event: TextRoomEvent;
  /** The data channel or its PeerConnection is gone. */
  closed: { reason: string };
};

const PLUGIN = 'janus.plugin.textroom';

export class TextRoomLink {
  readonly events: Emitter<TextRoomEvents> = mitt<TextRoomEvents>();
  private readonly pending = new Map<string, { resolve: (answer: TextRoomEvent) => void; reject: (error: Error) => void }>();
  private counter = 0;
  private closed = false;

  private constructor(
    private readonly handle: PluginHandle,
    private readonly timeout: number,
  ) {
    handle.events.on('data', ({ data }) => {
      if (typeof data === 'string') this.onData(data);
    });
    handle.events.on('connectionState', (state) => {
      if (state === 'failed' || state === 'closed') this.close(`the chat's PeerConnection is ${state}`);
    });
    handle.events.on('webrtcState', ({ up, reason }) => {
      if (!up) this.close(`Janus hung up the chat's PeerConnection (${reason ?? 'no reason'})`);
    });
  }

  /** Attaches the TextRoom plugin on `session` and opens its data channel. */
  static async open(session: JanusSession, timeout: number): Promise<TextRoomLink> {
    const handle = await session.attach(PLUGIN);
    try {
      const link = new TextRoomLink(handle, timeout);
      const opened = new Promise<void>((resolve) => handle.events.on('dataOpen', () => resolve()));
      const { jsep } = await handle.send({ request: 'setup' }, { until: (_, jsep) => jsep !== undefined });
      const answer = await handle.createAnswer(jsep!, [{ type: 'data', capture: true }]);
      await handle.send({ request: 'ack' }, { jsep: answer, until: (m) => m['result'] === 'ok' });
      await withTimeout(opened, timeout, () => new JanusFailure('timeout', `the chat's data channel did not open within ${timeout} ms`));
      return link;
    } catch (error) {
      await handle.detach();
      throw error;
    }
  }

  /** A synchronous TextRoom request over the Janus API (`exists`, `list`, `create`, ...). */
  requestApi<T extends Record<string, unknown>>(body: Record<string, unknown>): Promise<T> {
    return this.handle.request<T>(body);
  }

  /** A request over the data channel (`join`, `leave`, `message`, ...): resolves with its `success` answer. */
  request(body: Record<string, unknown>): Promise<TextRoomEvent> {
    if (this.closed) return Promise.reject(new JanusFailure('transport', "the chat's data channel is closed"));
    const transaction = `c${++this.counter}-${Math.random().toString(36).slice(2, 8)}`;
    const answered = new Promise<TextRoomEvent>((resolve, reject) => {
      this.pending.set(transaction, { resolve, reject });
      this.handle.sendData(JSON.stringify({ ...body, transaction })).catch((error: unknown) => {
        this.pending.delete(transaction);
        reject(error);
      });
    });
    return withTimeout(answered, this.timeout, () => {
      this.pending.delete(transaction);
      return new JanusFailure('timeout', `the chat's ${String(body['textroom'])} request got no answer within ${this.timeout} ms`);
    });
  }

  /** Sends without waiting for an answer (`ack: false` messages: typing signals). */
  post(body: Record<string, unknown>): void {
    if (this.closed) return;
    this.handle.sendData(JSON.stringify({ ...body, transaction: `p${++this.counter}` })).catch(() => {});
  }

  private onData(text: string): void {
    let message: TextRoomEvent;
    try {
      message = JSON.parse(text) as TextRoomEvent;
    } catch {
      return;
    }
    if (!message || typeof message !== 'object' || typeof message.textroom !== 'string') return;
    const transaction = typeof message['transaction'] === 'string' ? message['transaction'] : undefined;
    const waiting = transaction === undefined ? undefined : this.pending.get(transaction);
    if (waiting) {
      this.pending.delete(transaction!);
      if (message.textroom === 'error') waiting.reject(new JanusFailure('plugin', String(message['error'] ?? 'TextRoom error'), Number(message['error_code']) || undefined));
      else waiting.resolve(message);
      return;
    }
    if (message.textroom !== 'success' && message.textroom !== 'error') this.events.emit('event', message);
  }

  private close(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    for (const { reject } of this.pending.values()) reject(new JanusFailure('transport', reason));
    this.pending.clear();
    this.events.emit('closed', { reason });
  }

  /** Detaches (the PeerConnection closes; Janus takes this client out of every room). */
  async detach(): Promise<void> {
    this.close('detached');
    await this.handle.detach();
  }
}

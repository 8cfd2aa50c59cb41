/**
 * Twilio's `LocalDataTrack`: app data to everyone in the room over the VideoRoom publisher's data
 * channel (Janus relays it to every subscriber, labelled with the sender's id). Strings and
 * binary, up to `MAX_DATA_BYTES` a message. `send` before the track is published throws.
 */
import { warnOnce } from '../util/warn.js';
import { logger } from '../util/logger.js';

/** The largest message (bytes): what every browser's data channel takes in one piece. */
export const MAX_DATA_BYTES = 16 * 1024;

export interface LocalDataTrackOptions {
  name?: string;
  /** Accepted for Twilio compatibility; Janus's default channel is reliable and ordered (warned once). */
  maxPacketLifeTime?: number | null;
  maxRetransmits?: number | null;
  ordered?: boolean;
}

type Sender = (data: string | ArrayBuffer) => Promise<void>;

let count = 0;

export class LocalDataTrack {
  readonly kind = 'data' as const;
  readonly id: string;
  readonly name: string;
  readonly ordered = true;
  readonly maxPacketLifeTime: number | null = null;
  readonly maxRetransmits: number | null = null;
  #sender: Sender | undefined;

  constructor(options: LocalDataTrackOptions = {}) {
    if (options === null || typeof options !== 'object') throw new RangeError('LocalDataTrack takes an options object');
    this.id = `data-${++count}-${Math.random().toString(36).slice(2, 8)}`;
    this.name = typeof options.name === 'string' && options.name !== '' ? options.name : this.id;
    if ((options.maxPacketLifeTime ?? null) !== null || (options.maxRetransmits ?? null) !== null || options.ordered === false) {
      warnOnce('LocalDataTrack: maxPacketLifeTime, maxRetransmits and ordered are not supported on Janus; data goes reliably and in order');
    }
  }

  /** Whether the track is published (it can send). */
  get isPublished(): boolean {
    return this.#sender !== undefined;
  }

  /** Sends to everyone in the room: they get `trackMessage` with it and this client as sender. */
  send(data: string | ArrayBuffer | ArrayBufferView): void {
    const sender = this.#sender;
    if (!sender) throw new DOMException(`LocalDataTrack "${this.name}" is not published: publishTrack() it first`, 'InvalidStateError');
    const payload = typeof data === 'string' ? data : data instanceof ArrayBuffer ? data : (data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
    if (typeof payload !== 'string' && !(payload instanceof ArrayBuffer)) throw new TypeError('send() takes a string, an ArrayBuffer or a typed array');
    const size = typeof payload === 'string' ? new TextEncoder().encode(payload).byteLength : payload.byteLength;
    if (size > MAX_DATA_BYTES) throw new RangeError(`send(): the message is ${size} bytes; at most ${MAX_DATA_BYTES} fit in one`);
    sender(payload).catch((error: unknown) => logger.warn(`janus-room-elements: LocalDataTrack "${this.name}" could not send:`, error));
  }

  /** @internal Publishes (a sender) or unpublishes (undefined). */
  bind(sender: Sender | undefined): void {
    this.#sender = sender;
  }
}

/**
 * Twilio Chat's `Message`, `Member` and `Paginator`, as the chat client hands them out. Names,
 * bodies and attributes come from other people: render them as text.
 */
import { AccessTokenGrantsInvalidError } from '../errors/errors.js';

/** What a message needs of its channel (to edit or remove it). */
export interface MessageChannel {
  readonly sid: string;
  readonly ownUsername: string;
  editMessage(message: ChatMessage, body: string): Promise<void>;
  removeMessage(message: ChatMessage): Promise<void>;
}

export class ChatMember {
  /** The TextRoom username: unique per join (with a `<video-room>`, the member id). */
  readonly sid: string;
  /** Who it is (its display name; with a `<video-room>`, the identity). Untrusted text. */
  readonly identity: string;
  readonly channel: MessageChannel;
  isTyping = false;
  /** Not tracked on Janus TextRoom (no read horizons): always null. */
  readonly lastConsumedMessageIndex: number | null = null;

  constructor(sid: string, identity: string, channel: MessageChannel) {
    this.sid = sid;
    this.identity = identity;
    this.channel = channel;
  }
}

export class ChatMessage {
  readonly sid: string;
  /** Its position in the channel (from 0, in the order messages reached this client). */
  readonly index: number;
  /** The sender's identity. Untrusted text. */
  readonly author: string;
  /** The sender's member sid (TextRoom username). */
  readonly memberSid: string;
  body: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly timestamp: Date;
  dateUpdated: Date | null = null;
  readonly type = 'text';
  readonly channel: MessageChannel;

  constructor(init: { sid: string; index: number; author: string; memberSid: string; body: string; attributes: Record<string, unknown>; timestamp: Date; channel: MessageChannel }) {
    this.sid = init.sid;
    this.index = init.index;
    this.author = init.author;
    this.memberSid = init.memberSid;
    this.body = init.body;
    this.attributes = Object.freeze({ ...init.attributes });
    this.timestamp = init.timestamp;
    this.channel = init.channel;
  }

  private ownOnly(what: string): void {
    if (this.memberSid !== this.channel.ownUsername) {
      throw new AccessTokenGrantsInvalidError(`${AccessTokenGrantsInvalidError.defaultMessage}: only the author of a message may ${what} it`);
    }
  }

  /**
   * Changes the body. TextRoom cannot edit what it relayed, so this sends an edit every client
   * applies (late joiners too, from the history); only the author's edits count.
   */
  async updateBody(body: string): Promise<this> {
    this.ownOnly('edit');
    await this.channel.editMessage(this, body);
    return this;
  }

  /** Removes the message the same way (from every client's list; TextRoom's history keeps the text). */
  async remove(): Promise<this> {
    this.ownOnly('remove');
    await this.channel.removeMessage(this);
    return this;
  }
}

/** Twilio's Paginator: one page of items. TextRoom keeps only its recent history, so every list is one page. */
export interface Paginator<T> {
  readonly items: T[];
  readonly hasNextPage: boolean;
  readonly hasPrevPage: boolean;
  nextPage(): Promise<Paginator<T>>;
  prevPage(): Promise<Paginator<T>>;
}

export function onePage<T>(items: T[]): Paginator<T> {
  const page: Paginator<T> = {
    items,
    hasNextPage: false,
    hasPrevPage: false,
    nextPage: () => Promise.reject(new RangeError('there is no next page')),
    prevPage: () => Promise.reject(new RangeError('there is no previous page')),
  };
  return page;
}

/** TextRoom dates are `strftime("%FT%T%z")` (`2026-12-04T23:05:01+0000`). */
export function parseDate(value: unknown): Date {
  const text = typeof value === 'string' ? value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2') : '';
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? new Date() : date;
}

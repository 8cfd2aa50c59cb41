/**
 * Twilio Chat's `Channel` on one Janus TextRoom room: join (which replays TextRoom's history),
 * leave, members from TextRoom's join and leave events, messages with ids, edits and removals
 * (wire.ts), and typing signals: at most one every `TYPING_SIGNAL_MS`, ended by a timeout or a
 * message. A flood from one member is cut to `FloodGate`'s rate.
 */
import { JanusFailure, withTimeout } from '../janus/janus-client.js';
import { newMemberId } from '../room/member-types.js';
import { EventEmitter } from '../util/emitter.js';
import { ChatMember, ChatMessage, onePage, parseDate, type MessageChannel, type Paginator } from './chat-objects.js';
import type { TextRoomEvent } from '../janus/textroom.js';
import type { ChatTransport } from './chat-errors.js';
import { FloodGate } from '../util/flood-gate.js';
import { checkOutgoing, decode, encode, type Wire } from './wire.js';
import { logger } from '../util/logger.js';

/** A member who typed counts as typing this long after its last signal. */
export const TYPING_TIMEOUT_MS = 5000;
/** `typing()` sends at most one signal this often. */
export const TYPING_SIGNAL_MS = 3000;
/** How long a sent message may take to come back from TextRoom. */
const ECHO_TIMEOUT_MS = 10_000;
/** `sendMessage` takes at most this many messages a second (more reject). */
const SEND_PER_SECOND = 10;

export type ChannelEvents = {
  messageAdded: ChatMessage;
  messageUpdated: { message: ChatMessage; updateReasons: string[] };
  messageRemoved: ChatMessage;
  memberJoined: ChatMember;
  memberLeft: ChatMember;
  memberUpdated: { member: ChatMember; updateReasons: string[] };
  typingStarted: ChatMember;
  typingEnded: ChatMember;
  removed: Channel;
};

/** What a channel needs of its client. */
export interface ChannelHost {
  readonly username: string;
  readonly identity: string;
  /** The join token TextRoom checks (rooms with an `allowed` list), if any. */
  token(): string | undefined;
  link(): ChatTransport;
  joined(channel: Channel, joined: boolean): void;
}

export interface ChannelInit {
  uniqueName: string;
  friendlyName: string;
  attributes: Record<string, unknown>;
  isPrivate: boolean;
}

export class Channel extends EventEmitter<ChannelEvents> implements MessageChannel {
  readonly sid: string;
  readonly uniqueName: string;
  readonly friendlyName: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly isPrivate: boolean;
  status: 'known' | 'joined' = 'known';
  /** Everyone in the channel, this client too, by member sid. */
  readonly members = new Map<string, ChatMember>();
  private messageList: readonly ChatMessage[] = [];
  private nextIndex = 0;
  private joining = false;
  private lastTypingSignal = 0;
  private readonly typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly flood = new FloodGate();
  private readonly sendGate = new FloodGate(SEND_PER_SECOND, SEND_PER_SECOND);
  private readonly echoes = new Map<string, (message: ChatMessage) => void>();
  private floodWarned = 0;

  constructor(
    private readonly host: ChannelHost,
    init: ChannelInit,
  ) {
    super();
    this.sid = init.uniqueName;
    this.uniqueName = init.uniqueName;
    this.friendlyName = init.friendlyName;
    this.attributes = Object.freeze({ ...init.attributes });
    this.isPrivate = init.isPrivate;
  }

  /** The messages this client has, oldest first (a new array whenever one comes or goes). */
  get messages(): readonly ChatMessage[] {
    return this.messageList;
  }

  get ownUsername(): string {
    return this.host.username;
  }

  /** Joins (TextRoom `join`, with its history): `channelJoined` on the client. */
  async join(): Promise<this> {
    if (this.status === 'joined') return this;
    this.joining = true;
    this.messageList = [];
    this.nextIndex = 0;
    try {
      const token = this.host.token();
      const answer = await this.host.link().request({
        textroom: 'join',
        room: this.uniqueName,
        username: this.host.username,
        display: this.host.identity,
        history: true,
        ...(token ? { token } : {}),
      });
      this.members.clear();
      this.members.set(this.host.username, new ChatMember(this.host.username, this.host.identity, this));
      for (const p of Array.isArray(answer['participants']) ? (answer['participants'] as Record<string, unknown>[]) : []) {
        const username = String(p['username'] ?? '');
        if (username) this.members.set(username, new ChatMember(username, String(p['display'] ?? username), this));
      }
    } finally {
      this.joining = false;
    }
    this.status = 'joined';
    this.host.joined(this, true);
    // As the member list loads, those already there are announced too (as Twilio Chat does).
    for (const member of this.members.values()) if (member.sid !== this.host.username) this.emit('memberJoined', member);
    return this;
  }

  /** Leaves (TextRoom `leave`): `channelLeft` on the client. */
  async leave(): Promise<this> {
    if (this.status !== 'joined') return this;
    await this.host.link().request({ textroom: 'leave', room: this.uniqueName }).catch(() => {});
    this.left();
    return this;
  }

  /** The client lost the channel (left, kicked, its connection gone). */
  left(): void {
    if (this.status !== 'joined') return;
    this.status = 'known';
    for (const timer of this.typingTimers.values()) clearTimeout(timer);
    this.typingTimers.clear();
    this.members.clear();
    this.host.joined(this, false);
  }

  /** Sends a message; resolves with its index once TextRoom relayed it back. */
  async sendMessage(body: string, attributes?: Record<string, unknown>): Promise<number> {
    const checked = checkOutgoing(body, attributes);
    if (this.status !== 'joined') throw new RangeError(`sendMessage(): join channel "${this.uniqueName}" first`);
    if (!this.sendGate.admit('self', Date.now())) throw new RangeError(`sendMessage(): at most ${SEND_PER_SECOND} messages a second`);
    const id = newMemberId();
    const echoed = new Promise<ChatMessage>((resolve) => this.echoes.set(id, resolve));
    try {
      await this.host.link().request({ textroom: 'message', room: this.uniqueName, text: encode({ kind: 'message', id, ...checked }) });
      this.lastTypingSignal = 0;
      const relayed = withTimeout(echoed, ECHO_TIMEOUT_MS, () => new JanusFailure('timeout', `TextRoom did not relay the message back within ${ECHO_TIMEOUT_MS} ms`));
      return (await relayed).index;
    } finally {
      this.echoes.delete(id);
    }
  }

  /** Says this client is typing: at most one signal every few seconds, to the others only (never stored). */
  typing(): void {
    const now = Date.now();
    if (this.status !== 'joined' || now - this.lastTypingSignal < TYPING_SIGNAL_MS) return;
    const others = [...this.members.keys()].filter((sid) => sid !== this.host.username);
    if (others.length === 0) return;
    this.lastTypingSignal = now;
    this.host.link().post({ textroom: 'message', room: this.uniqueName, tos: others, ack: false, text: encode({ kind: 'typing' }) });
  }

  /** The messages this client has, oldest first (TextRoom's history from the join on): one page. */
  async getMessages(pageSize = 30): Promise<Paginator<ChatMessage>> {
    return onePage(this.messageList.slice(-Math.max(1, pageSize)));
  }

  async getMembers(): Promise<ChatMember[]> {
    return [...this.members.values()];
  }

  /** The number of messages this client has. */
  async getMessagesCount(): Promise<number> {
    return this.messageList.length;
  }

  async editMessage(message: ChatMessage, body: string): Promise<void> {
    checkOutgoing(body, undefined);
    await this.host.link().request({ textroom: 'message', room: this.uniqueName, text: encode({ kind: 'edit', id: message.sid, body }) });
  }

  async removeMessage(message: ChatMessage): Promise<void> {
    await this.host.link().request({ textroom: 'message', room: this.uniqueName, text: encode({ kind: 'remove', id: message.sid }) });
  }

  /** A TextRoom event of this channel's room. */
  handle(event: TextRoomEvent): void {
    switch (event.textroom) {
      case 'message':
        this.onMessage(event);
        break;
      case 'announcement':
        this.add({ kind: 'message', id: `announcement:${String(event['date'])}:${this.nextIndex}`, body: String(event['text'] ?? ''), attributes: { announcement: true } }, '', 'announcement', event);
        break;
      case 'join': {
        const username = String(event['username'] ?? '');
        if (!username || username === this.host.username || this.status !== 'joined') break;
        const member = new ChatMember(username, String(event['display'] ?? username), this);
        this.members.set(username, member);
        this.emit('memberJoined', member);
        break;
      }
      case 'leave':
      case 'kicked': {
        const username = String(event['username'] ?? '');
        if (username === this.host.username) {
          if (event.textroom === 'kicked') this.left();
          break;
        }
        const member = this.members.get(username);
        if (!member) break;
        this.stopTyping(member);
        this.members.delete(username);
        this.emit('memberLeft', member);
        break;
      }
      case 'destroyed':
        this.left();
        this.emit('removed', this);
        break;
    }
  }

  private onMessage(event: TextRoomEvent): void {
    const from = String(event['from'] ?? '');
    const live = !this.joining;
    if (live && from !== this.host.username && !this.flood.admit(from, Date.now())) {
      if (Date.now() - this.floodWarned > 10_000) {
        this.floodWarned = Date.now();
        logger.warn(`janus-room-elements: chat: dropping messages from "${from}" in "${this.uniqueName}": more than the allowed rate`);
      }
      return;
    }
    const wire = decode(String(event['text'] ?? ''), `${from}:${String(event['date'])}:${this.nextIndex}`);
    const member = this.members.get(from);
    if (wire.kind === 'typing') {
      if (member && live) this.startTyping(member);
      return;
    }
    if (member) this.stopTyping(member);
    const author = member?.identity ?? (typeof event['display'] === 'string' ? event['display'] : from);
    if (wire.kind === 'message') this.add(wire, from, author, event);
    else this.change(wire, from, live);
  }

  private add(wire: Extract<Wire, { kind: 'message' }>, from: string, author: string, event: TextRoomEvent): void {
    if (this.messageList.some((m) => m.sid === wire.id)) return;
    const message = new ChatMessage({ sid: wire.id, index: this.nextIndex++, author, memberSid: from, body: wire.body, attributes: wire.attributes, timestamp: parseDate(event['date']), channel: this });
    // A new array each time: renderers compare by identity.
    this.messageList = [...this.messageList, message];
    this.echoes.get(wire.id)?.(message);
    if (!this.joining) this.emit('messageAdded', message);
  }

  /** An edit or removal: only its author's count. */
  private change(wire: Extract<Wire, { kind: 'edit' | 'remove' }>, from: string, live: boolean): void {
    const message = this.messageList.find((m) => m.sid === wire.id);
    if (!message || message.memberSid !== from) return;
    if (wire.kind === 'edit') {
      message.body = wire.body;
      message.dateUpdated = new Date();
      if (live) this.emit('messageUpdated', { message, updateReasons: ['body'] });
    } else {
      this.messageList = this.messageList.filter((m) => m !== message);
      if (live) this.emit('messageRemoved', message);
    }
  }

  private startTyping(member: ChatMember): void {
    clearTimeout(this.typingTimers.get(member.sid));
    this.typingTimers.set(member.sid, setTimeout(() => this.stopTyping(member), TYPING_TIMEOUT_MS));
    if (member.isTyping) return;
    member.isTyping = true;
    this.emit('typingStarted', member);
    this.emit('memberUpdated', { member, updateReasons: ['isTyping'] });
  }

  private stopTyping(member: ChatMember): void {
    clearTimeout(this.typingTimers.get(member.sid));
    this.typingTimers.delete(member.sid);
    if (!member.isTyping) return;
    member.isTyping = false;
    this.emit('typingEnded', member);
    this.emit('memberUpdated', { member, updateReasons: ['isTyping'] });
  }
}

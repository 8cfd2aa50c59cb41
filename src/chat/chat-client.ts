/**
 * Twilio IP Messaging's `Client` on Janus TextRoom: one TextRoom handle on a Janus session (the
 * `<video-room>`'s own, so chat adds no second WebSocket; or one of its own), channels that are
 * TextRoom rooms, and the client events the seed documents. `connectionState` follows the
 * session: `connecting` while it is being (re)established, `connected` once the chat's data
 * channel is open, `disconnected` after `shutdown()` (or when its room left), `error` when the
 * connection broke for good, `denied` when Janus refused the token.
 */
import { AccessTokenGrantsInvalidError } from '../errors/errors.js';
import { JanusSession, type JanusFailure } from '../janus/janus-client.js';
import { newMemberId } from '../room/member-types.js';
import { EventEmitter } from '../util/emitter.js';
import { VERSION } from '../version.js';
import { Channel, type ChannelEvents, type ChannelHost, type ChannelInit } from './channel.js';
import { onePage, type ChatMember, type ChatMessage, type Paginator } from './chat-objects.js';
import { TextRoomLink } from '../janus/textroom.js';
import { documented, type ChatTransport } from './chat-errors.js';

export type ConnectionState = 'disconnected' | 'connecting' | 'connected' | 'error' | 'denied';

/** Where the chat's Janus session comes from: a room's (it follows the room's reconnections), or its own. */
export interface ChatSessionSource {
  /** The session to use now, or undefined while there is none. */
  session(): JanusSession | undefined;
  /** Set once the source is gone for good: left, failed, or its token expired. */
  ended(): 'left' | 'failed' | 'token_expired' | undefined;
  /** Calls `listener` whenever the answers above may have changed; returns the unsubscriber. */
  subscribe(listener: () => void): () => void;
  /** The join token TextRoom rooms with an `allowed` list check, if any. */
  token?(): string | undefined;
}

export interface ChatClientOptions {
  /** Who this client is (a message's `author`). */
  identity: string;
  /** The TextRoom username: unique per room (default: a new UUID; a room's chat uses its member id). */
  username?: string;
  /** A room's session to share (see `<room-chat>`)... */
  source?: ChatSessionSource;
  /** ...or a Janus server to connect to (its own session). */
  server?: string;
  iceServers?: RTCIceServer[];
  /** Milliseconds for connecting and each request (default 10000). */
  timeout?: number;
  /** Create a channel that `getChannelByUniqueName` does not find, when the server allows it (default false). */
  createMissing?: boolean;
}

export interface CreateChannelOptions {
  friendlyName?: string;
  uniqueName?: string;
  isPrivate?: boolean;
  attributes?: Record<string, unknown>;
}

/** What `getPublicChannelDescriptors` lists (without joining). */
export interface ChannelDescriptor {
  sid: string;
  uniqueName: string;
  friendlyName: string;
  attributes: Readonly<Record<string, unknown>>;
  isPrivate: boolean;
  membersCount: number;
  getChannel(): Promise<Channel>;
}

type ChannelEvent<K extends keyof ChannelEvents> = ChannelEvents[K];

export type ChatClientEvents = {
  channelAdded: Channel;
  channelInvited: Channel;
  channelJoined: Channel;
  channelLeft: Channel;
  channelRemoved: Channel;
  channelUpdated: { channel: Channel; updateReasons: string[] };
  connectionStateChanged: ConnectionState;
  memberJoined: ChatMember;
  memberLeft: ChatMember;
  memberUpdated: ChannelEvent<'memberUpdated'>;
  messageAdded: ChatMessage;
  messageRemoved: ChatMessage;
  messageUpdated: ChannelEvent<'messageUpdated'>;
  tokenExpired: undefined;
  typingStarted: ChatMember;
  typingEnded: ChatMember;
  userInfoUpdated: { user: { identity: string }; updateReasons: string[] };
};

/** The TextRoom room `description`: our JSON (`friendlyName`, `attributes`) or a plain name. */
function describe(description: unknown, fallback: string): { friendlyName: string; attributes: Record<string, unknown> } {
  const text = typeof description === 'string' ? description : '';
  try {
    const value = JSON.parse(text) as { friendlyName?: unknown; attributes?: unknown };
    if (value && typeof value.friendlyName === 'string') {
      return { friendlyName: value.friendlyName, attributes: value.attributes && typeof value.attributes === 'object' ? (value.attributes as Record<string, unknown>) : {} };
    }
  } catch {
    // A plain description.
  }
  return { friendlyName: text || fallback, attributes: {} };
}

/** Janus refusals that mean the token is not good enough. */
const isDenial = (error: unknown) => error instanceof AccessTokenGrantsInvalidError || [403, 405, 419, 433].includes((error as JanusFailure)?.janusCode ?? 0);
const RELAYED: Array<keyof ChannelEvents & keyof ChatClientEvents> = ['messageAdded', 'messageUpdated', 'messageRemoved', 'memberJoined', 'memberLeft', 'memberUpdated', 'typingStarted', 'typingEnded'];

export class ChatClient extends EventEmitter<ChatClientEvents> {
  static readonly version = VERSION;
  readonly version = VERSION;
  readonly identity: string;
  readonly username: string;
  readonly userInfo: { readonly identity: string; readonly friendlyName: string };
  /** Channels this client knows, by sid. */
  readonly channels = new Map<string, Channel>();
  connectionState: ConnectionState = 'disconnected';
  private readonly options: ChatClientOptions;
  private source: ChatSessionSource | undefined;
  private linkValue: TextRoomLink | undefined;
  private transport: ChatTransport | undefined;
  private linkSession: JanusSession | undefined;
  private ownSession: JanusSession | undefined;
  private unsubscribe: (() => void) | undefined;
  private initializing: Promise<this> | undefined;
  private syncing: Promise<void> = Promise.resolve();
  private shut = false;
  private readonly host: ChannelHost;

  constructor(options: ChatClientOptions) {
    super();
    if (typeof options?.identity !== 'string' || options.identity === '') throw new RangeError('ChatClient needs an identity');
    this.options = options;
    this.identity = options.identity;
    this.username = options.username ?? newMemberId();
    this.userInfo = Object.freeze({ identity: this.identity, friendlyName: this.identity });
    this.host = {
      username: this.username,
      identity: this.identity,
      token: () => this.source?.token?.(),
      link: () => {
        if (!this.transport) throw new RangeError(`the chat is ${this.connectionState}, not connected`);
        return this.transport;
      },
      joined: (channel, joined) => this.emit(joined ? 'channelJoined' : 'channelLeft', channel),
    };
  }

  /** Connects (safe to call again): resolves once connected, rejects if it cannot. */
  initialize(): Promise<this> {
    this.initializing ??= this.start().catch((error: unknown) => {
      this.initializing = undefined;
      throw error;
    });
    return this.initializing;
  }

  private async start(): Promise<this> {
    this.shut = false;
    this.setState('connecting');
    if (!this.options.source) {
      if (!this.options.server) throw new RangeError('ChatClient needs a `source` (a room) or a `server`');
      this.ownSession = await JanusSession.connect({ server: this.options.server, iceServers: this.options.iceServers ?? [], timeout: this.timeout });
      const own = this.ownSession;
      let lost = false;
      own.events.on('disconnected', () => {
        lost = true;
        this.sync();
      });
      this.source = { session: () => (lost ? undefined : own), ended: () => (lost ? 'failed' : undefined), subscribe: () => () => {} };
    } else {
      this.source = this.options.source;
    }
    this.unsubscribe = this.source.subscribe(() => this.sync());
    this.sync();
    await this.syncing;
    if (this.connectionState !== 'connected') throw new Error(`the chat could not connect (${this.connectionState})`);
    return this;
  }

  private get timeout(): number {
    return this.options.timeout ?? 10_000;
  }

  private setState(state: ConnectionState): void {
    if (this.connectionState === state) return;
    this.connectionState = state;
    this.emit('connectionStateChanged', state);
  }

  /** Follows the source: (re)opens the TextRoom link on its session and rejoins the joined channels. */
  private sync(): void {
    this.syncing = this.syncing.then(() => this.step()).catch(() => {});
  }

  private async step(): Promise<void> {
    const source = this.source;
    if (this.shut || !source) return;
    const session = source.session();
    if (!session || session.lost) {
      const ended = source.ended();
      if (!ended) {
        // Reconnecting: the link is kept (a reclaimed session keeps its handles, and the data
        // channel its own path); a new session replaces it below.
        this.setState('connecting');
        return;
      }
      this.dropLink();
      if (ended === 'token_expired') {
        this.emit('tokenExpired', undefined);
        this.setState('denied');
      } else this.setState(ended === 'left' ? 'disconnected' : 'error');
      return;
    }
    if (this.linkValue && this.linkSession === session) return this.setState('connected');
    this.dropLink();
    this.setState('connecting');
    try {
      const link = await TextRoomLink.open(session, this.timeout);
      this.linkValue = link;
      this.transport = documented(link);
      this.linkSession = session;
      link.events.on('event', (event) => this.channels.get(String(event.room ?? ''))?.handle(event));
      link.events.on('closed', () => {
        if (this.linkValue !== link) return;
        this.dropLink();
        this.sync();
      });
      const rejoin = [...this.channels.values()].filter((c) => c.status === 'joined');
      for (const channel of rejoin) channel.left();
      this.setState('connected');
      await Promise.all(rejoin.map((channel) => channel.join().catch(() => {})));
    } catch (error) {
      this.setState(isDenial(error) ? 'denied' : 'error');
    }
  }

  private dropLink(): void {
    const link = this.linkValue;
    this.linkValue = undefined;
    this.transport = undefined;
    this.linkSession = undefined;
    void link?.detach();
  }

  /** Leaves every channel and closes the chat's handle (and its own session): `disconnected`. */
  async shutdown(): Promise<void> {
    this.shut = true;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    await this.syncing;
    await Promise.all([...this.channels.values()].map((channel) => channel.leave()));
    const link = this.linkValue;
    this.linkValue = undefined;
    this.transport = undefined;
    await link?.detach();
    await this.ownSession?.destroy();
    this.ownSession = undefined;
    this.initializing = undefined;
    this.setState('disconnected');
  }

  /**
   * Twilio's `updateToken`: in a room's chat the room renews its token (`<video-room>`'s
   * `updateToken`) and TextRoom reads the current one at each join, so this only checks it.
   */
  async updateToken(token: string): Promise<this> {
    if (typeof token !== 'string' || token.trim() === '') throw new RangeError('updateToken() needs a token');
    return this;
  }

  private adopt(init: ChannelInit): Channel {
    const known = this.channels.get(init.uniqueName);
    if (known) return known;
    const channel = new Channel(this.host, init);
    for (const type of RELAYED) channel.on(type, (event) => this.emit(type, event as never));
    channel.on('removed', () => {
      this.channels.delete(channel.sid);
      this.emit('channelRemoved', channel);
    });
    this.channels.set(channel.sid, channel);
    this.emit('channelAdded', channel);
    return channel;
  }

  private get link(): ChatTransport {
    return this.host.link();
  }

  /** Creates a channel (a TextRoom room with history), where the server lets clients create rooms. */
  async createChannel(options: CreateChannelOptions = {}): Promise<Channel> {
    const uniqueName = options.uniqueName ?? newMemberId();
    const friendlyName = options.friendlyName ?? uniqueName;
    const attributes = options.attributes ?? {};
    await this.link.requestApi({
      request: 'create',
      room: uniqueName,
      description: JSON.stringify({ friendlyName, attributes }),
      is_private: options.isPrivate === true,
      history: 100,
    });
    return this.adopt({ uniqueName, friendlyName, attributes, isPrivate: options.isPrivate === true });
  }

  /** A channel by its sid (on Janus, the same as its unique name). */
  getChannelBySid(sid: string): Promise<Channel> {
    return this.getChannelByUniqueName(sid);
  }

  /** A channel by its unique name: rejects with a `RangeError` if TextRoom has no such room (or creates it, with `createMissing`). */
  async getChannelByUniqueName(uniqueName: string): Promise<Channel> {
    if (typeof uniqueName !== 'string' || uniqueName === '') throw new RangeError('getChannelByUniqueName() needs a name');
    const known = this.channels.get(uniqueName);
    if (known) return known;
    const { exists } = await this.link.requestApi<{ exists?: boolean }>({ request: 'exists', room: uniqueName });
    if (!exists) {
      if (!this.options.createMissing) throw new RangeError(`there is no channel "${uniqueName}"`);
      try {
        return await this.createChannel({ uniqueName });
      } catch (error) {
        // Created by someone else meanwhile (TextRoom 418): it exists now.
        if (((error as Error).cause as JanusFailure | undefined)?.janusCode === 418) return this.getChannelByUniqueName(uniqueName);
        throw error;
      }
    }
    const listed = (await this.listRooms()).find((room) => String(room['room']) === uniqueName);
    const { friendlyName, attributes } = describe(listed?.['description'], uniqueName);
    return this.adopt({ uniqueName, friendlyName, attributes, isPrivate: !listed });
  }

  private async listRooms(): Promise<Record<string, unknown>[]> {
    const { list } = await this.link.requestApi<{ list?: Record<string, unknown>[] }>({ request: 'list' });
    return Array.isArray(list) ? list : [];
  }

  /** The channels this client knows (those it created, fetched or joined). */
  async getChannels(): Promise<Paginator<Channel>> {
    return onePage([...this.channels.values()]);
  }

  /** Public channels (TextRoom's `list`), without joining them. */
  async getPublicChannelDescriptors(): Promise<Paginator<ChannelDescriptor>> {
    const rooms = await this.listRooms();
    return onePage(
      rooms.map((room) => {
        const uniqueName = String(room['room']);
        const { friendlyName, attributes } = describe(room['description'], uniqueName);
        return { sid: uniqueName, uniqueName, friendlyName, attributes, isPrivate: false, membersCount: Number(room['num_participants']) || 0, getChannel: () => this.getChannelByUniqueName(uniqueName) };
      }),
    );
  }

  /** The channels this client has joined. */
  async getUserChannelDescriptors(): Promise<Paginator<ChannelDescriptor>> {
    const joined = [...this.channels.values()].filter((c) => c.status === 'joined');
    return onePage(joined.map((c) => ({ sid: c.sid, uniqueName: c.uniqueName, friendlyName: c.friendlyName, attributes: c.attributes, isPrivate: c.isPrivate, membersCount: c.members.size, getChannel: async () => c })));
  }
}

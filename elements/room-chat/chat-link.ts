/**
 * `<room-chat>`'s tie to its room: once the room is joined, a chat client on the room's own Janus
 * session (no second WebSocket), under the room's identity, in the channel named after the room
 * (created if missing where Janus lets clients create rooms; the room service creates it
 * otherwise); shut down when the room leaves. Every client and channel event is dispatched on
 * the element as a DOM event (bubbling, composed) with its documented payload.
 */
import type { ReactiveController } from 'lit';
import type { Channel } from '../../src/chat/channel.js';
import { ChatClient, type ChatClientEvents } from '../../src/chat/chat-client.js';
import type { ChatEventDetails } from '../../src/events/chat-event-map.js';
import type { RoomSession } from '../../src/room/room-session.js';

/** Each client event, and how its DOM `detail` is named after Twilio's argument. */
const DETAILS: { [K in keyof ChatClientEvents]: (value: ChatClientEvents[K]) => ChatEventDetails[K] } = {
  channelAdded: (channel) => ({ channel }),
  channelInvited: (channel) => ({ channel }),
  channelJoined: (channel) => ({ channel }),
  channelLeft: (channel) => ({ channel }),
  channelRemoved: (channel) => ({ channel }),
  channelUpdated: (event) => event,
  connectionStateChanged: (connectionState) => ({ connectionState }),
  memberJoined: (member) => ({ member }),
  memberLeft: (member) => ({ member }),
  memberUpdated: (event) => event,
  messageAdded: (message) => ({ message }),
  messageRemoved: (message) => ({ message }),
  messageUpdated: (event) => event,
  tokenExpired: () => null,
  typingStarted: (member) => ({ member }),
  typingEnded: (member) => ({ member }),
  userInfoUpdated: (event) => event,
};

export interface ChatLinkHost extends HTMLElement {
  addController(controller: ReactiveController): void;
  requestUpdate(): void;
}

export class ChatLink implements ReactiveController {
  client: ChatClient | undefined;
  channel: Channel | undefined;
  /** The last failure to connect or join (shown by the element). */
  error: Error | undefined;
  private room: RoomSession | undefined;
  private unsubscribe: (() => void) | undefined;
  private starting = false;

  constructor(private readonly host: ChatLinkHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.bind(undefined);
  }

  /** Follows `room` (the element's, from context or `for`). */
  bind(room: RoomSession | undefined): void {
    if (room === this.room) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.stop();
    this.room = room;
    if (!room) return;
    const follow = () => this.follow();
    room.events.on('state', follow);
    this.unsubscribe = () => room.events.off('state', follow);
    this.follow();
  }

  private follow(): void {
    const room = this.room;
    if (!room) return;
    const snapshot = room.snapshot;
    if (snapshot.state === 'connected' && !this.client && !this.starting) void this.start(room);
    else if (snapshot.state === 'disconnected' && this.client) this.stop();
  }

  private async start(room: RoomSession): Promise<void> {
    const snapshot = room.snapshot;
    const roomName = snapshot.roomId;
    if (!roomName || !snapshot.memberId) return;
    this.starting = true;
    this.error = undefined;
    const identity = room.identity ?? snapshot.memberId;
    const client = new ChatClient({ identity, username: snapshot.memberId, source: room.chatSource(), ...(room.options.timeout === undefined ? {} : { timeout: room.options.timeout }), createMissing: true });
    this.client = client;
    for (const type of Object.keys(DETAILS) as (keyof ChatClientEvents)[]) {
      client.on(type, (value) => {
        this.host.requestUpdate();
        this.host.dispatchEvent(new CustomEvent(type, { detail: DETAILS[type](value as never), bubbles: true, composed: true }));
      });
    }
    try {
      await client.initialize();
      const channel = await client.getChannelByUniqueName(roomName);
      // Set before joining: `channelJoined` listeners find it on the element.
      if (this.client === client) this.channel = channel;
      await channel.join();
    } catch (error) {
      if (this.client === client) this.error = error as Error;
    } finally {
      this.starting = false;
      this.host.requestUpdate();
    }
  }

  private stop(): void {
    const client = this.client;
    this.client = undefined;
    this.channel = undefined;
    if (client) void client.shutdown().then(() => client.removeAllListeners());
    this.host.requestUpdate();
  }
}

/**
 * The DOM events `<room-chat>` dispatches (Twilio IP Messaging's client and channel events, each
 * bubbling and composed) and the `detail` of each: Twilio's argument, named.
 */
import type { Channel } from '../chat/channel.js';
import type { ConnectionState } from '../chat/chat-client.js';
import type { ChatMember, ChatMessage } from '../chat/chat-objects.js';

export interface ChatEventDetails {
  messageAdded: { message: ChatMessage };
  messageUpdated: { message: ChatMessage; updateReasons: string[] };
  messageRemoved: { message: ChatMessage };
  memberJoined: { member: ChatMember };
  memberLeft: { member: ChatMember };
  memberUpdated: { member: ChatMember; updateReasons: string[] };
  typingStarted: { member: ChatMember };
  typingEnded: { member: ChatMember };
  channelAdded: { channel: Channel };
  channelInvited: { channel: Channel };
  channelJoined: { channel: Channel };
  channelLeft: { channel: Channel };
  channelRemoved: { channel: Channel };
  channelUpdated: { channel: Channel; updateReasons: string[] };
  connectionStateChanged: { connectionState: ConnectionState };
  tokenExpired: null;
  userInfoUpdated: { user: { identity: string }; updateReasons: string[] };
}

export type ChatEventMap = { [K in keyof ChatEventDetails]: CustomEvent<ChatEventDetails[K]> };

declare global {
  interface HTMLElementEventMap extends ChatEventMap {}
}

/**
 * The DOM events `<room-chat>` dispatches (Twilio IP Messaging's client and channel events, each
 * bubbling and composed) and the `detail` of each: Twilio's argument, named.
 */
import type { Channel } from '../chat/channel.js';
import type { ConnectionState } from '../chat/chat-client.js';
import type { ChatMember, ChatMessage } from '../chat/chat-objects.js';

export interface ChatMessageDetail {
  message: ChatMessage;
}
export interface ChatMessageUpdatedDetail extends ChatMessageDetail {
  updateReasons: string[];
}
export interface ChatMemberDetail {
  member: ChatMember;
}
export interface ChatMemberUpdatedDetail extends ChatMemberDetail {
  updateReasons: string[];
}
export interface ChannelDetail {
  channel: Channel;
}
export interface ChatConnectionStateDetail {
  connectionState: ConnectionState;
}

export interface ChatEventDetails {
  messageAdded: ChatMessageDetail;
  messageUpdated: ChatMessageUpdatedDetail;
  messageRemoved: ChatMessageDetail;
  memberJoined: ChatMemberDetail;
  memberLeft: ChatMemberDetail;
  memberUpdated: ChatMemberUpdatedDetail;
  typingStarted: ChatMemberDetail;
  typingEnded: ChatMemberDetail;
  channelAdded: ChannelDetail;
  channelInvited: ChannelDetail;
  channelJoined: ChannelDetail;
  channelLeft: ChannelDetail;
  channelRemoved: ChannelDetail;
  channelUpdated: ChannelDetail & { updateReasons: string[] };
  connectionStateChanged: ChatConnectionStateDetail;
  tokenExpired: null;
  userInfoUpdated: { user: { identity: string }; updateReasons: string[] };
}

export type ChatEventMap = { [K in keyof ChatEventDetails]: CustomEvent<ChatEventDetails[K]> };

declare global {
  interface HTMLElementEventMap extends ChatEventMap {}
}

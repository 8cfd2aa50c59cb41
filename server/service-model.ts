/** What the room service keeps of members and rooms, and the operations its HTTP API names. */
import type { InteractivityMode, Permission } from './permissions.js';
import type { Meta } from './room-state.js';
import type { RoomView } from './room-view.js';

/** Where a member's pushes go (an event stream); `close` ends it. */
export interface Channel {
  send(event: string, data: unknown): void;
  close(): void;
}

export interface Member {
  id: string;
  identity: string;
  role: InteractivityMode;
  permissions: Permission[];
  /** The join token Janus knows this member by (in the room's `allowed` list while a member). */
  join: string;
  expires: number;
  /** Every room token it used (a refresh adds one): all are refused once it is removed. */
  tokenIds: Set<string>;
  channel: Channel | undefined;
  /** What a moderator muted (applied again if the member publishes anew). */
  moderated: Set<'audio' | 'video'>;
  /** Demoted: kicked from the VideoRoom if it has not left by itself shortly. */
  demotion?: ReturnType<typeof setTimeout>;
  /** An audience member whose stream broke: forgotten when this runs out. */
  away?: ReturnType<typeof setTimeout>;
  meta: Meta;
  /** When the hand went up (ms since the epoch), or undefined while it is down. */
  handraisedAt: number | undefined;
}

export interface Room {
  name: string;
  locked: boolean;
  meta: Meta;
  prioritizeHandraise: boolean;
  /** Whether Janus records the room now (see recordings.ts). */
  recording: boolean;
  /** What each Janus server holding the room shows of it (by server index)... */
  views: Map<number, RoomView>;
  /** ...and all of them together. */
  view: RoomView;
  members: Map<string, Member>;
  /** Tokens (by id) of removed members: refused until they expire. */
  banned: Map<string, number>;
  /** Set while nobody is in the room: it is destroyed when it runs out (see `idle`). */
  idle?: ReturnType<typeof setTimeout>;
}

export type MemberAction =
  | 'audio_mute' | 'audio_unmute' | 'video_mute' | 'video_unmute' | 'deaf' | 'undeaf'
  | 'remove' | 'promote' | 'demote' | 'set_input_volume' | 'set_output_volume';
export type RoomAction = 'lock' | 'unlock' | 'remove_all' | 'hangup_all';

export const MEMBER_ACTIONS: readonly MemberAction[] = ['audio_mute', 'audio_unmute', 'video_mute', 'video_unmute', 'deaf', 'undeaf', 'remove', 'promote', 'demote', 'set_input_volume', 'set_output_volume'];
export const ROOM_ACTIONS: readonly RoomAction[] = ['lock', 'unlock', 'remove_all', 'hangup_all'];

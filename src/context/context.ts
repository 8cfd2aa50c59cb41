/**
 * Context keys, split by change rate (STYLE.md): the room model itself (stable: methods), the room
 * snapshot (a new object on every change), and the member a `<participant-tile>` shows (for its
 * own children). Keys are `Symbol.for` names so two copies of the library on one page agree.
 */
import { createContext } from '@lit/context';
import type { RoomSession } from '../room/room-session.js';
import type { MemberLike, MemberMedia, RoomSnapshot } from '../room/types.js';

export const roomContext = createContext<RoomSession | undefined>(Symbol.for('janus-room-elements.room'));

export const roomStateContext = createContext<RoomSnapshot | undefined>(Symbol.for('janus-room-elements.room-state'));

export interface MemberContextValue {
  readonly member: MemberLike;
  readonly media: MemberMedia;
}

export const memberContext = createContext<MemberContextValue | undefined>(Symbol.for('janus-room-elements.member'));

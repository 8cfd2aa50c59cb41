/**
 * Context keys, split by change rate (STYLE.md): the room model itself (stable: methods), the room
 * snapshot (a new object on every change), and the member a `<participant-tile>` shows (for its
 * own children). Keys are `Symbol.for` names so two copies of the library on one page agree.
 */
import { createContext } from '@lit/context';
import type { AudioOutput } from '../controllers/audio-output.js';
import type { RoomSession } from '../room/room-session.js';
import type { MemberLike, MemberMedia, RoomSnapshot } from '../room/types.js';

export const roomContext = createContext<RoomSession | undefined>(Symbol.for('janus-room-elements.room'));

export const roomStateContext = createContext<RoomSnapshot | undefined>(Symbol.for('janus-room-elements.room-state'));

/** Where the room's sound goes (the chosen speaker, held-back audio): provided by `<video-room>`. */
export const audioOutputContext = createContext<AudioOutput | undefined>(Symbol.for('janus-room-elements.audio-output'));

export interface MemberContextValue {
  readonly member: MemberLike;
  readonly media: MemberMedia;
}

export const memberContext = createContext<MemberContextValue | undefined>(Symbol.for('janus-room-elements.member'));

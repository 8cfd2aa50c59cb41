/**
 * janus-room-elements: importing this module registers `<video-room>` and `<participant-tile>`
 * (unless those tags are already taken) and exports the whole public API.
 */
import '../elements/video-room/define.js';

export { VideoRoom } from '../elements/video-room/video-room.js';
export { ParticipantTile } from '../elements/participant-tile/participant-tile.js';
export { RoomSession } from './room/room-session.js';
export type { RoomSessionEvents, TrackEvent } from './room/room-session.js';
export {
  CONNECTION_STATES,
  LEAVE_REASONS,
  type ConnectionState,
  type LeaveReason,
  type Member,
  type MemberLike,
  type MemberMedia,
  type Participant,
  type RemoteTrack,
  type RoomSessionOptions,
  type RoomSnapshot,
  type TrackKind,
  type TrackPublication,
} from './room/types.js';
export * from './errors/errors.js';
export type * from './events/event-map.js';
export { DOM_EVENT_TABLE, dispatchRoomEvent } from './events/dom-events.js';
export { roomContext, roomStateContext, memberContext, type MemberContextValue } from './context/context.js';
export { MediaElementController } from './controllers/media-element-controller.js';
export { defineElement } from './define.js';
export { VERSION } from './version.js';
import { isWebRTCSupported } from './janus/janus-client.js';

/** Whether this browser can join rooms (WebRTC available), like twilio-video's `isSupported`. */
export const isSupported: boolean = isWebRTCSupported();

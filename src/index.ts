/**
 * janus-room-elements: importing this module registers every element (unless its tag is already
 * taken) and exports the whole public API.
 */
import '../elements/video-room/define.js';
import '../elements/room-controls/define.js';
import '../elements/member-list/define.js';
import '../elements/device-select/define.js';
import '../elements/local-preview/define.js';
import '../elements/screen-share/define.js';
import '../elements/audio-level/define.js';
import '../elements/room-chat/define.js';

export { VideoRoom } from '../elements/video-room/video-room.js';
export { ParticipantTile } from '../elements/participant-tile/participant-tile.js';
export { RoomControls } from '../elements/room-controls/room-controls.js';
export { MemberList } from '../elements/member-list/member-list.js';
export { RoomChat } from '../elements/room-chat/room-chat.js';
export { ChatClient, type ChatClientEvents, type ChatClientOptions, type ChatSessionSource, type ConnectionState as ChatConnectionState, type CreateChannelOptions, type ChannelDescriptor } from './chat/chat-client.js';
export { Channel, type ChannelEvents } from './chat/channel.js';
export { ChatMember, ChatMessage, type Paginator } from './chat/chat-objects.js';
export { DeviceSelect, type DeviceChangeDetail } from '../elements/device-select/device-select.js';
export { LocalPreview } from '../elements/local-preview/local-preview.js';
export { ScreenShare, type ScreenShareMode } from '../elements/screen-share/screen-share.js';
export { AudioLevel } from '../elements/audio-level/audio-level.js';
export { RoomSession } from './room/room-session.js';
export { LocalOverlay } from './room/local-overlay.js';
export { Logger, setLogLevel, LOG_LEVELS, type LogLevel } from './util/logger.js';
export type { MemberParams, RoomSessionEvents, TrackEvent } from './room/room-session.js';
export { RoomSessionRecording } from './service/recording.js';
export { LocalDataTrack, MAX_DATA_BYTES, type LocalDataTrackOptions } from './room/data-tracks.js';
export type { RecordingInfo, Meta } from './service/shared-state.js';
export {
  RoomSessionSource,
  type AddDeviceOptions,
  type RoomSessionDevice,
  type RoomSessionScreenShare,
  type ScreenShareOptions,
  type SourceOptions,
  type SourceState,
} from './room/local-sources.js';
export { MEMBER_TYPES, memberKind, type MemberKind } from './room/member-types.js';
export {
  LAYOUT_NAMES,
  PAGE_SIZE,
  computeLayout,
  featuredShare,
  type LayoutChoice,
  type LayoutName,
  type LayoutSettings,
  type VideoLayout,
  type VideoLayoutLayer,
  type VideoPosition,
  type VideoPositions,
} from './room/layout.js';
export {
  CONNECTION_STATES,
  LEAVE_REASONS,
  MEMBER_UPDATABLE,
  TRACK_SOURCES,
  type ConnectionState,
  type DeviceInfo,
  type JoinOptions,
  type LeaveReason,
  type LocalState,
  type Member,
  type MemberLike,
  type MemberMedia,
  type MemberUpdatable,
  type MemberType,
  type Participant,
  type RemoteTrack,
  type RoomSessionOptions,
  type RoomSnapshot,
  type ScreenShareState,
  type SourceType,
  type TrackKind,
  type TrackPublication,
  type TrackSource,
} from './room/types.js';
export { LocalMedia, type CaptureSource } from './media/local-media.js';
export { listDevices, supportsScreenShare, supportsSpeakerSelection, DEVICE_KINDS, type DeviceKind, type DeviceLists } from './media/devices.js';
export { watchLevel } from './media/audio-level.js';
export * from './errors/errors.js';
export type * from './events/event-map.js';
export type * from './events/chat-event-map.js';
export { DOM_EVENT_TABLE, dispatchRoomEvent } from './events/dom-events.js';
export { roomContext, roomStateContext, memberContext, audioOutputContext, type MemberContextValue } from './context/context.js';
export { MediaElementController } from './controllers/media-element-controller.js';
export { AudioOutput } from './controllers/audio-output.js';
export { RoomController } from './controllers/room-controller.js';
export { registerStrings, type Strings } from './i18n/strings.js';
export { defineElement } from './define.js';
export { VERSION } from './version.js';
import { isWebRTCSupported } from './janus/janus-client.js';
import { RoomSession } from './room/room-session.js';

/** Whether this browser can join rooms (WebRTC available), like twilio-video's `isSupported`. */
export const isSupported: boolean = isWebRTCSupported();

/** SignalWire's namespace: `new Video.RoomSession({ token })` (as `SignalWire.Video.RoomSession`). */
export const Video = { RoomSession } as const;

/**
 * The DOM event vocabulary of `<video-room>`: documented names (SignalWire `RoomSession`, Twilio
 * `Room`) and the `detail` of each. Every event bubbles and is composed.
 */
import type { RoomSessionRecording } from '../service/recording.js';
import type { LayoutName, VideoLayout } from '../room/layout.js';
import type { NetworkQualityLevel, NetworkQualityStats } from '../room/network-quality.js';
import type { RoomSession } from '../room/room-session.js';
import type { DeviceInfo, LeaveReason, Member, MemberUpdatable, Participant, RemoteTrack, TrackPublication } from '../room/types.js';

/** `room.joined` (SignalWire): the room session, its members (self included) and our id. */
export interface RoomJoinedDetail {
  call_id: string;
  member_id: string;
  room_session: {
    room_session_id: string;
    room_id: string;
    /** The room's friendly name (its Janus description; the room id for rooms created ad hoc). */
    name: string;
    members: readonly Member[];
    /** The layout this client shows (layouts are drawn on each client: see `setLayout`). */
    layout_name: LayoutName;
    hide_video_muted: boolean;
  };
}

export interface RoomLeftDetail {
  /** Absent for a plain `leave()`. */
  reason: LeaveReason | undefined;
}

export interface MemberEventDetail {
  room_session_id: string;
  room_id: string;
  member: Member;
}

/** `member.updated` (SignalWire): the member with its new values, and which fields changed. */
export interface MemberUpdatedDetail {
  room_session_id: string;
  room_id: string;
  member: Member & { updated: MemberUpdatable[] };
}

/** `camera.updated`, `microphone.updated`, `speaker.updated` (SignalWire). */
export interface DeviceUpdatedDetail {
  previous: DeviceInfo;
  current: DeviceInfo;
}

/** `camera.disconnected`, `microphone.disconnected`, `speaker.disconnected` (SignalWire): the device that went away. */
export type DeviceDisconnectedDetail = DeviceInfo;

export interface MemberListUpdatedDetail {
  members: readonly Member[];
}

export interface ParticipantEventDetail {
  participant: Participant;
}

export interface TrackPublicationEventDetail {
  publication: TrackPublication;
  participant: Participant;
}

export interface TrackEventDetail {
  track: RemoteTrack;
  publication: TrackPublication;
  participant: Participant;
}

export interface TrackSubscriptionFailedDetail {
  error: Error;
  publication: TrackPublication;
  participant: Participant;
}

/** `dominantSpeakerChanged` (Twilio): the participant talking most, or null when none is. */
export interface DominantSpeakerChangedDetail {
  dominantSpeaker: Participant | null;
}

/** `networkQualityLevelChanged` (Twilio's participant event, with the participant): 0-5, null until measured. */
export interface NetworkQualityLevelChangedDetail {
  participant: Participant;
  networkQualityLevel: NetworkQualityLevel | null;
  networkQualityStats: NetworkQualityStats | null;
}

/** `layout.changed` (SignalWire): the layout this client shows, with every layer. */
export interface LayoutChangedDetail {
  room_session_id: string;
  room_id: string;
  layout: VideoLayout;
}

export interface DisconnectedDetail {
  room: RoomSession;
  /** Present when the room was left unexpectedly. */
  error: Error | undefined;
}

export interface ErrorDetail {
  error: Error;
}

/** `reconnecting` (Twilio): what broke, a `SignalingConnectionDisconnectedError` (53001), `SignalingConnectionTimeoutError` (53002) or `MediaConnectionError` (53405). */
export interface ReconnectingDetail {
  error: Error;
}

/** The room's state the room service keeps, as `room.updated` carries it. */
export interface RoomSessionState {
  room_session_id: string;
  room_id: string;
  name: string;
  locked: boolean;
  /** Untrusted data. */
  meta: Readonly<Record<string, unknown>>;
  prioritize_handraise: boolean;
  recording: boolean;
}

/** `room.updated` (SignalWire), from the room service: the room's new state (`room` and `room_session` are the same), and which fields changed. */
export interface RoomUpdatedDetail {
  room_session_id: string;
  room_id: string;
  room: RoomSessionState;
  room_session: RoomSessionState;
  updated: Array<'locked' | 'meta' | 'prioritize_handraise'>;
}

/** `recording.started` / `recording.updated` / `recording.ended` (SignalWire): the recording (its `stop()` works too). */
export interface RecordingEventDetail {
  room_session_id: string;
  room_id: string;
  recording: RoomSessionRecording;
}

/** `recordingStarted` / `recordingStopped` (Twilio): the room is (no longer) being recorded. */
export interface RecordingStateDetail {
  recording: RoomSessionRecording;
}

/** `room.audience_count` (SignalWire): how many audience members the room has. */
export interface AudienceCountDetail {
  room_session_id: string;
  room_id: string;
  total: number;
}

/** `member.promoted` / `member.demoted` (SignalWire): sent to the member whose role changed. */
export interface MemberRoleDetail {
  room_session_id: string;
  room_id: string;
  member_id: string;
}

/** `tokenAboutToExpire`: the room token expires at `expires` (ms since the epoch); call `updateToken()`. */
export interface TokenAboutToExpireDetail {
  expires: number;
}

/** `trackMessage` (Twilio): another member's data-track message, the track, and the sender. */
export interface TrackMessageDetail {
  data: string | ArrayBuffer;
  track: { readonly kind: 'data'; readonly sid: string; readonly name: string };
  participant: Participant;
}

/** Event name -> `detail` type, for every event `<video-room>` dispatches. */
export interface RoomEventDetails {
  'room.joined': RoomJoinedDetail;
  'room.left': RoomLeftDetail;
  'member.joined': MemberEventDetail;
  'member.left': MemberEventDetail;
  'member.updated': MemberUpdatedDetail;
  /** A member started (`detail.member.talking` true) or stopped talking (SignalWire). */
  'member.talking': MemberEventDetail;
  'memberList.updated': MemberListUpdatedDetail;
  'layout.changed': LayoutChangedDetail;
  'media.connected': null;
  /** The media connection broke and is being restored (SignalWire; then `media.connected` or `media.disconnected`). */
  'media.reconnecting': null;
  'media.disconnected': null;
  'room.updated': RoomUpdatedDetail;
  'room.audience_count': AudienceCountDetail;
  'member.promoted': MemberRoleDetail;
  'member.demoted': MemberRoleDetail;
  'recording.started': RecordingEventDetail;
  /** A stopped recording's file is ready (`state` `completed`, or `failed`). */
  'recording.updated': RecordingEventDetail;
  'recording.ended': RecordingEventDetail;
  recordingStarted: RecordingStateDetail;
  recordingStopped: RecordingStateDetail;
  tokenAboutToExpire: TokenAboutToExpireDetail;
  participantConnected: ParticipantEventDetail;
  participantDisconnected: ParticipantEventDetail;
  /** Another participant's media stopped arriving, or it is not back yet after Janus restarted (Twilio). */
  participantReconnecting: ParticipantEventDetail;
  participantReconnected: ParticipantEventDetail;
  /** The connection to Janus or the media broke; the room is being restored (Twilio). */
  reconnecting: ReconnectingDetail;
  /** The room is whole again after `reconnecting` (Twilio; no payload). */
  reconnected: null;
  trackPublished: TrackPublicationEventDetail;
  trackUnpublished: TrackPublicationEventDetail;
  trackSubscribed: TrackEventDetail;
  trackMessage: TrackMessageDetail;
  trackUnsubscribed: TrackEventDetail;
  trackStarted: TrackEventDetail;
  trackEnabled: TrackEventDetail;
  trackDisabled: TrackEventDetail;
  /** Janus stopped relaying a track we receive: no tile shows it, or it is off-canvas (Twilio). */
  trackSwitchedOff: TrackEventDetail;
  trackSwitchedOn: TrackEventDetail;
  /** A received video's size changed: a simulcast layer switch, or its first frames (Twilio). */
  trackDimensionsChanged: TrackEventDetail;
  /** A participant's network quality level changed, this client's too (Twilio). */
  networkQualityLevelChanged: NetworkQualityLevelChangedDetail;
  trackSubscriptionFailed: TrackSubscriptionFailedDetail;
  'camera.updated': DeviceUpdatedDetail;
  'camera.disconnected': DeviceDisconnectedDetail;
  'microphone.updated': DeviceUpdatedDetail;
  'microphone.disconnected': DeviceDisconnectedDetail;
  'speaker.updated': DeviceUpdatedDetail;
  'speaker.disconnected': DeviceDisconnectedDetail;
  /** The browser's autoplay policy holds back the room's sound (no payload); see `startAudio()`. */
  'audio.blocked': null;
  'audio.unblocked': null;
  dominantSpeakerChanged: DominantSpeakerChangedDetail;
  disconnected: DisconnectedDetail;
  error: ErrorDetail;
}

export type RoomEventName = keyof RoomEventDetails;

export type RoomEventMap = { [K in RoomEventName]: CustomEvent<RoomEventDetails[K]> };

declare global {
  // `error` is left out: the DOM already declares it. Use the `RoomEventMap['error']` type.
  interface HTMLElementEventMap extends Omit<RoomEventMap, 'error'> {}
}

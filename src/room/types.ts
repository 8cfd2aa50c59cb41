import type { DeviceInfo } from '../media/devices.js';
import type { VideoLayout } from './layout.js';
import type { Dimensions, NetworkQuality } from './link-monitor.js';
import type { NetworkQualityLevel, NetworkQualityStats } from './network-quality.js';
import type { MemberType } from './member-types.js';
import type { LogLevel } from '../util/logger.js';

export type { DeviceInfo } from '../media/devices.js';
export type { MemberType, SourceType } from './member-types.js';

/**
 * Public shapes of the room model. Member entities follow SignalWire's snake_case
 * `VideoMemberEntity`; participants, publications and tracks follow Twilio Video's names.
 */

/** `reconnecting`: joined, but the connection to Janus or the media broke and is being restored. */
export const CONNECTION_STATES = ['disconnected', 'connecting', 'connected', 'reconnecting'] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

/**
 * Why the local member left (`room.left` `reason`). Absent for a plain `leave()`.
 * `RECONNECTION_ATTEMPT_TIMEOUT` (SignalWire's name): the connection broke and could not be
 * restored within the reconnection window; `duplicate_identity`: another client joined the room
 * with the same identity (Twilio's `ParticipantDuplicateIdentityError`).
 */
export const LEAVE_REASONS = ['kicked', 'hangup', 'room_destroyed', 'connection_lost', 'pagehide', 'RECONNECTION_ATTEMPT_TIMEOUT', 'duplicate_identity', 'token_expired'] as const;
export type LeaveReason = (typeof LEAVE_REASONS)[number];

export type TrackKind = 'audio' | 'video';

/**
 * Where a track comes from. Tracks are kept by source, not by kind, so a second video (a screen)
 * never takes the camera's place.
 */
export const TRACK_SOURCES = ['camera', 'microphone', 'screen', 'screen_audio'] as const;
export type TrackSource = (typeof TRACK_SOURCES)[number];

/** A member of the room (SignalWire `VideoMemberEntity`), self included. */
export interface Member {
  /** Janus participant id: a UUID per join (Twilio `sid`). */
  readonly id: string;
  /** The member's identity as given at join (Twilio `identity`); an extra source has its owner's. Untrusted text. */
  readonly name: string;
  /** `member` (a person), `screen` (a screen share) or `device` (an extra camera or microphone). */
  readonly type: MemberType;
  /** The member a `screen` or `device` belongs to (absent for a person). */
  readonly parent_id?: string;
  readonly room_id: string;
  readonly room_session_id: string;
  readonly visible: boolean;
  /** True when the member's microphone is muted, or it publishes none. */
  readonly audio_muted: boolean;
  /** True when the member's camera is muted, or it publishes none. */
  readonly video_muted: boolean;
  /** True when the member hears nobody (only known for members that publish a microphone). */
  readonly deaf: boolean;
  /** True while Janus hears the member talk (never while its microphone is muted); see `member.talking`. */
  readonly talking: boolean;
  /** True for this client and its own extra sources (not in SignalWire's entity). */
  readonly local: boolean;
  /** Metadata the room service keeps for the member (SignalWire `setMemberMeta`); empty without one. Untrusted data. */
  readonly meta: Readonly<Record<string, unknown>>;
  /** The member's hand is raised (SignalWire `setRaisedHand`). */
  readonly handraised: boolean;
}

/** The member fields `member.updated` reports changes of (its `updated` list). */
export const MEMBER_UPDATABLE = ['name', 'visible', 'audio_muted', 'video_muted', 'deaf', 'meta', 'handraised'] as const;
export type MemberUpdatable = (typeof MEMBER_UPDATABLE)[number];

/** What a tile needs to know about a member: at least its id and name. */
export type MemberLike = Pick<Member, 'id' | 'name'> & Partial<Member>;

/** A member's current media, for rendering. */
export interface MemberMedia {
  /** The audio a tile plays: the microphone (or a screen's audio). */
  readonly audio: MediaStreamTrack | null;
  /** The video a tile shows: the camera (or a screen). */
  readonly video: MediaStreamTrack | null;
  /** Every track of the member, by source. */
  readonly sources: ReadonlyMap<TrackSource, MediaStreamTrack>;
  /** The video is switched off (nothing arrives while no tile shows it). */
  readonly videoSwitchedOff: boolean;
}

/** A remote track (Twilio `RemoteAudioTrack` / `RemoteVideoTrack`), as a snapshot. */
export interface RemoteTrack {
  readonly sid: string;
  readonly name: string;
  readonly kind: TrackKind;
  readonly mediaStreamTrack: MediaStreamTrack;
  readonly isStarted: boolean;
  readonly isEnabled: boolean;
  /** Janus stops relaying it because no tile shows it (or it is off-canvas): see `trackSwitchedOff`. */
  readonly isSwitchedOff: boolean;
  /** A video's size as it arrives (it follows the simulcast layer); null until known, and for audio. */
  readonly dimensions: Dimensions | null;
}

/** A published remote track (Twilio `RemoteTrackPublication`), as a snapshot. */
export interface TrackPublication {
  readonly trackSid: string;
  readonly trackName: string;
  readonly kind: TrackKind;
  readonly isSubscribed: boolean;
  readonly isTrackEnabled: boolean;
  readonly track: RemoteTrack | null;
}

/** A remote member as Twilio's `RemoteParticipant`, as a snapshot. */
export interface Participant {
  readonly sid: string;
  readonly identity: string;
  /** `reconnecting`: its media stopped arriving, or it has not come back yet after Janus restarted (Twilio). */
  readonly state: 'connected' | 'reconnecting' | 'disconnected';
  readonly tracks: ReadonlyMap<string, TrackPublication>;
  readonly audioTracks: ReadonlyMap<string, TrackPublication>;
  readonly videoTracks: ReadonlyMap<string, TrackPublication>;
  /** 0 (broken) to 5 (excellent), null until measured: see `networkQualityLevelChanged`. */
  readonly networkQualityLevel: NetworkQualityLevel | null;
  readonly networkQualityStats: NetworkQualityStats | null;
}

/** This client's own media, before and during a join (what controls and pickers show). */
export interface LocalState {
  /** The live camera track (null when none: off, muted with the device released, or failed). */
  readonly camera: MediaStreamTrack | null;
  readonly microphone: MediaStreamTrack | null;
  /** The device of the camera in use (or last used). */
  readonly cameraDevice: DeviceInfo | null;
  readonly microphoneDevice: DeviceInfo | null;
  /** The chosen speaker; null for the system's default. */
  readonly speaker: DeviceInfo | null;
  /**
   * Joined: whether the others hear nothing from this client (muted, or no microphone published).
   * Before joining: whether the next join will leave the microphone off (muted, or `audio` false).
   */
  readonly audioMuted: boolean;
  readonly videoMuted: boolean;
  readonly deaf: boolean;
  /** Whether this client shares a screen (see `ScreenShareState`). */
  readonly screenShare: ScreenShareState;
  /** The self-view is mirrored (SignalWire `localOverlay.mirrored`). */
  readonly mirrored: boolean;
  /** The self-view is drawn (SignalWire `applyLocalVideoOverlay`). */
  readonly overlay: boolean;
}

/** `on`: a screen share of this client is in the room; `starting`: the picker is open or it is joining; `off`. */
export type ScreenShareState = 'off' | 'starting' | 'on';

/** Everything an element renders from: a new object on every change. */
export interface RoomSnapshot {
  readonly state: ConnectionState;
  readonly roomId: string | null;
  readonly roomSessionId: string | null;
  /** The room's friendly name (SignalWire `room_session.name`: its Janus description, or its id), while joined. Untrusted text. */
  readonly roomName: string | null;
  readonly memberId: string | null;
  /** Members in join order, the local member first. */
  readonly members: readonly Member[];
  readonly media: ReadonlyMap<string, MemberMedia>;
  /** The other members as Twilio `RemoteParticipant`s, by `sid` (Twilio's `room.participants`). */
  readonly participants: ReadonlyMap<string, Participant>;
  /** This client as a participant (Twilio's `localParticipant`), while joining or joined. */
  readonly localParticipant: Participant | null;
  /** Each member's network quality (this client's too), by member id; absent until measured. */
  readonly networkQuality: ReadonlyMap<string, NetworkQuality>;
  readonly localStream: MediaStream | null;
  /** Whether every PeerConnection of this client is up (between `media.connected` and `media.disconnected`). */
  readonly mediaConnected: boolean;
  /** The `sid` of the dominant speaker among `participants` (Twilio), or null. */
  readonly dominantSpeakerId: string | null;
  /** Where each member shows (SignalWire `VideoLayout`: what `layout.changed` carries). */
  readonly layout: VideoLayout;
  /** The page of the `grid-responsive` layout shown (from 1), and how many there are. */
  readonly layoutPage: { readonly page: number; readonly pages: number };
  /** Whether members with their camera off get no slot (SignalWire `hide_video_muted`). */
  readonly hideVideoMuted: boolean;
  /** This client's own media, joined or not. */
  readonly self: LocalState;
  /** What the room service says (joined with a `token`), or null. */
  readonly service: ServiceState | null;
}

/** A member's standing in a room joined through the room service (with a token). */
export interface ServiceState {
  /** SignalWire permission names the token grants (`room.member.audio_mute`, `room.lock`, ...). */
  readonly permissions: readonly string[];
  /** `audience` members only receive; `member`s publish too. */
  readonly interactivityMode: 'member' | 'audience';
  /** No new members may join (SignalWire `lock()`). */
  readonly locked: boolean;
  /** Audience members in the room (SignalWire `room.audience_count`). */
  readonly audienceCount: number;
  /** Who they are (ids and untrusted names), if this member may promote them (`room.member.promote`); else empty. */
  readonly audience: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  /** The room's metadata (SignalWire `setMeta`). Untrusted data. */
  readonly meta: Readonly<Record<string, unknown>>;
  /** Raised hands go first in the layout (SignalWire `setPrioritizeHandraise`). */
  readonly prioritizeHandraise: boolean;
  /** The room is being recorded. */
  readonly recording: boolean;
}

export interface RoomSessionOptions {
  /**
   * A room token from the room service (`janus-room-elements/server`): it names the server, the
   * room and the identity (so those three may be left out), and carries permissions and role.
   */
  token?: string;
  /** Janus WebSocket (ws://, wss://) or HTTP (http://, https://) API URL (default: the token's). */
  server?: string;
  /** Room name (a Janus string room id; default: the token's). */
  room?: string;
  /** Shown to others as the member name (with a token: the token's identity). */
  identity?: string;
  pin?: string;
  /** Capture and publish the microphone (default true), or constraints for it. */
  audio?: boolean | MediaTrackConstraints;
  /** Capture and publish the camera (default true), or constraints for it. */
  video?: boolean | MediaTrackConstraints;
  /** Create the room when it does not exist (default true; Janus must allow it). */
  create?: boolean;
  /** ICE servers for the PeerConnections (default none). */
  iceServers?: RTCIceServer[];
  /** `relay` gathers TURN candidates only (Twilio's `iceTransportPolicy`); default `all`. */
  iceTransportPolicy?: RTCIceTransportPolicy;
  /** Whether the self-view is drawn (SignalWire `applyLocalVideoOverlay`; default true). */
  applyLocalVideoOverlay?: boolean;
  /** The library's log level (SignalWire's and Twilio's `logLevel`): it applies to the whole page. */
  logLevel?: LogLevel;
  /** Milliseconds allowed for connecting, each request and the media connection (default 10000). */
  timeout?: number;
  /**
   * Milliseconds to keep trying to restore a broken connection before giving up with
   * `disconnected` and `room.left` (`RECONNECTION_ATTEMPT_TIMEOUT`); default 30000, 0 gives up at once.
   */
  reconnectWindow?: number;
  /** Maximum publishers when this client creates the room (default 16). */
  maxPublishers?: number;
  /** Release the camera while it is muted, so its light goes off (default true, as SignalWire). */
  stopCameraWhileMuted?: boolean;
  /** Release the microphone while it is muted (default true, as SignalWire). */
  stopMicrophoneWhileMuted?: boolean;
  /** The page's own media to publish instead of capturing (SignalWire `localStream`); never stopped here. */
  localStream?: MediaStream;
  /**
   * Turn the camera off while the page is hidden, and back on when it shows again (default: on
   * mobile browsers only, which give a backgrounded page no camera frames, as Twilio advises).
   */
  stopCameraInBackground?: boolean;
  /**
   * How easily Janus counts this member as talking, 0 (never) to 100 (any sound): SignalWire's
   * `setInputSensitivity`. Unset: the room's own threshold (rooms this library creates: 30).
   */
  inputSensitivity?: number;
  /** Send the camera in three simulcast layers (full, half and quarter size), so small tiles cost less (default true). */
  simulcast?: boolean;
  /** What received video may cost (Twilio's `bandwidthProfile`; the `video` switches below are honoured). */
  bandwidthProfile?: BandwidthProfile;
}

/**
 * Twilio's `bandwidthProfile.video` switches: `clientTrackSwitchOffControl` `auto` (default)
 * stops video no tile shows (off screen, hidden, another page, off-canvas), `manual` only what is
 * off-canvas; `contentPreferencesMode` `auto` (default) asks Janus for the simulcast layer the
 * largest tile needs, `manual` always the full one.
 */
export interface BandwidthProfile {
  video?: {
    clientTrackSwitchOffControl?: 'auto' | 'manual';
    contentPreferencesMode?: 'auto' | 'manual';
  };
}

/** SignalWire's `join()` parameters: they apply to that join only. */
export interface JoinOptions {
  /** Microphone constraints (default: the `audio` option). */
  audio?: boolean | MediaTrackConstraints;
  /** Camera constraints (default: the `video` option). */
  video?: boolean | MediaTrackConstraints;
  /** Publish the microphone (default: whether `audio` asks for one). */
  sendAudio?: boolean;
  /** Publish the camera (default: whether `video` asks for one). */
  sendVideo?: boolean;
  /** Receive the others' audio (default true). */
  receiveAudio?: boolean;
  /** Receive the others' video (default true). */
  receiveVideo?: boolean;
}

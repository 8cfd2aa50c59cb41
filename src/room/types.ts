/**
 * Public shapes of the room model. Member entities follow SignalWire's snake_case
 * `VideoMemberEntity`; participants, publications and tracks follow Twilio Video's names.
 */

export const CONNECTION_STATES = ['disconnected', 'connecting', 'connected'] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

/** Why the local member left (`room.left` `reason`). Absent for a plain `leave()`. */
export const LEAVE_REASONS = ['kicked', 'room_destroyed', 'connection_lost', 'pagehide'] as const;
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
  /** The member's identity as given at join (Twilio `identity`). Untrusted text. */
  readonly name: string;
  readonly type: 'member';
  readonly room_id: string;
  readonly room_session_id: string;
  readonly visible: boolean;
  /** True when the member publishes no microphone. */
  readonly audio_muted: boolean;
  /** True when the member publishes no camera. */
  readonly video_muted: boolean;
  readonly deaf: boolean;
  /** True for the local member (not in SignalWire's entity). */
  readonly local: boolean;
}

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
}

/** A remote track (Twilio `RemoteAudioTrack` / `RemoteVideoTrack`), as a snapshot. */
export interface RemoteTrack {
  readonly sid: string;
  readonly name: string;
  readonly kind: TrackKind;
  readonly mediaStreamTrack: MediaStreamTrack;
  readonly isStarted: boolean;
  readonly isEnabled: boolean;
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
  readonly state: 'connected' | 'disconnected';
  readonly tracks: ReadonlyMap<string, TrackPublication>;
  readonly audioTracks: ReadonlyMap<string, TrackPublication>;
  readonly videoTracks: ReadonlyMap<string, TrackPublication>;
}

/** Everything an element renders from: a new object on every change. */
export interface RoomSnapshot {
  readonly state: ConnectionState;
  readonly roomId: string | null;
  readonly roomSessionId: string | null;
  readonly memberId: string | null;
  /** Members in join order, the local member first. */
  readonly members: readonly Member[];
  readonly media: ReadonlyMap<string, MemberMedia>;
  /** The other members as Twilio `RemoteParticipant`s, by `sid` (Twilio's `room.participants`). */
  readonly participants: ReadonlyMap<string, Participant>;
  readonly localStream: MediaStream | null;
  /** Whether every PeerConnection of this client is up (between `media.connected` and `media.disconnected`). */
  readonly mediaConnected: boolean;
}

export interface RoomSessionOptions {
  /** Janus WebSocket (ws://, wss://) or HTTP (http://, https://) API URL. */
  server: string;
  /** Room name (a Janus string room id). */
  room: string;
  /** Shown to others as the member name. */
  identity: string;
  pin?: string;
  /** Capture and publish the microphone (default true), or constraints for it. */
  audio?: boolean | MediaTrackConstraints;
  /** Capture and publish the camera (default true), or constraints for it. */
  video?: boolean | MediaTrackConstraints;
  /** Create the room when it does not exist (default true; Janus must allow it). */
  create?: boolean;
  /** ICE servers for the PeerConnections (default none). */
  iceServers?: RTCIceServer[];
  /** Milliseconds allowed for connecting, each request and the media connection (default 10000). */
  timeout?: number;
  /** Maximum publishers when this client creates the room (default 16). */
  maxPublishers?: number;
}

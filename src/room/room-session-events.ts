/**
 * The room model's own events (`RoomSession.events`): the announced ones (announcements.ts) and
 * the lifecycle, device, reconnection and room-service ones.
 */
import type { DeviceInfo } from '../media/devices.js';
import type { RoomSessionRecording } from '../service/recording.js';
import type { AnnouncedEvents, TrackEvent } from './announcements.js';
import type { Left } from './connection.js';
import type { Participant, RoomSnapshot } from './types.js';

type DeviceUpdated = { previous: DeviceInfo; current: DeviceInfo };

export type RoomSessionEvents = AnnouncedEvents & {
  /** A new snapshot (batched: at most one per microtask). */
  state: RoomSnapshot;
  joined: { snapshot: RoomSnapshot; callId: string };
  left: Left;
  trackSubscriptionFailed: TrackEvent & { error: Error };
  cameraUpdated: DeviceUpdated;
  microphoneUpdated: DeviceUpdated;
  speakerUpdated: DeviceUpdated;
  cameraDisconnected: DeviceInfo;
  microphoneDisconnected: DeviceInfo;
  speakerDisconnected: DeviceInfo;
  /** A failure that does not end the session (or a media failure outside `join()`). */
  error: { error: Error };
  /** The connection broke; the room is being restored (Twilio `reconnecting`, with what broke). */
  reconnecting: { error: Error };
  /** The room is whole again (Twilio `reconnected`). */
  reconnected: undefined;
  /** SignalWire `media.reconnecting`. */
  mediaReconnecting: undefined;
  /** The room service's word (joined with a token): SignalWire `room.updated` (lock, metadata, hand prioritisation). */
  roomUpdated: { locked: boolean; updated: Array<'locked' | 'meta' | 'prioritize_handraise'> };
  recordingStarted: { recording: RoomSessionRecording };
  /** A stopped recording's file is ready (or could not be made): `state` is `completed` or `failed`. */
  recordingUpdated: { recording: RoomSessionRecording };
  recordingEnded: { recording: RoomSessionRecording };
  /** Another member's data (Twilio `trackMessage`): the message, its data track, and the sender. */
  trackMessage: { data: string | ArrayBuffer; track: { readonly kind: 'data'; readonly sid: string; readonly name: string }; participant: Participant };
  audienceCount: { total: number };
  memberPromoted: { memberId: string };
  memberDemoted: { memberId: string };
  /**
   * Janus receives what this client publishes from a source again, or has received nothing of it
   * for a while (its `no_media_timer`): what Twilio's `recording-media-lost` warning is made of.
   */
  publishedMedia: { source: 'camera' | 'microphone'; trackSid: string; receiving: boolean };
  /** The room token expires soon: call `updateToken()` (Twilio's `tokenAboutToExpire`). */
  tokenAboutToExpire: { expires: number };
};

/** Who may be acted on: this client only (muting others needs a room service's grants). */
export interface MemberParams {
  memberId?: string;
}

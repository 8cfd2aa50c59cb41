/**
 * The one table that turns a room-model event into the documented DOM events: each row lists,
 * in order, the events (SignalWire name first, then Twilio's) and how to build their `detail`.
 */
import type { TrackEventWithTrack } from '../room/announcements.js';
import type { RoomSession, RoomSessionEvents } from '../room/room-session.js';
import type { RoomEventDetails, RoomEventName } from './event-map.js';

type ModelEventName = Exclude<keyof RoomSessionEvents, 'state' | symbol | number>;

type Translation<M extends ModelEventName> = {
  [N in RoomEventName]: { name: N; detail: (event: RoomSessionEvents[M], room: RoomSession) => RoomEventDetails[N] };
}[RoomEventName];

type Table = { [M in ModelEventName]: readonly Translation<M>[] };

/** Twilio's track events, all alike: the track, its publication and its participant. */
const trackDetail = ({ track, publication, participant }: TrackEventWithTrack) => ({ track, publication, participant });

const scope = (room: RoomSession) => ({
  room_session_id: room.roomSessionId ?? '',
  room_id: room.roomId ?? '',
});

export const DOM_EVENT_TABLE: Table = {
  joined: [
    {
      name: 'room.joined',
      detail: ({ snapshot, callId }) => ({
        call_id: callId,
        member_id: snapshot.memberId ?? '',
        room_session: {
          room_session_id: snapshot.roomSessionId ?? '',
          room_id: snapshot.roomId ?? '',
          name: snapshot.roomName ?? '',
          members: snapshot.members,
          layout_name: snapshot.layout.name,
          hide_video_muted: snapshot.hideVideoMuted,
        },
      }),
    },
  ],
  left: [
    { name: 'room.left', detail: ({ reason }) => ({ reason }) },
    { name: 'disconnected', detail: ({ error }, room) => ({ room, error }) },
  ],
  memberJoined: [{ name: 'member.joined', detail: ({ member }, room) => ({ ...scope(room), member }) }],
  memberLeft: [{ name: 'member.left', detail: ({ member }, room) => ({ ...scope(room), member }) }],
  participantConnected: [{ name: 'participantConnected', detail: ({ participant }) => ({ participant }) }],
  participantDisconnected: [{ name: 'participantDisconnected', detail: ({ participant }) => ({ participant }) }],
  participantReconnecting: [{ name: 'participantReconnecting', detail: ({ participant }) => ({ participant }) }],
  participantReconnected: [{ name: 'participantReconnected', detail: ({ participant }) => ({ participant }) }],
  reconnecting: [{ name: 'reconnecting', detail: ({ error }) => ({ error }) }],
  reconnected: [{ name: 'reconnected', detail: () => null }],
  mediaReconnecting: [{ name: 'media.reconnecting', detail: () => null }],
  roomUpdated: [
    {
      name: 'room.updated',
      detail: ({ locked, updated }, room) => {
        const service = room.snapshot.service;
        const state = Object.freeze({
          ...scope(room),
          name: room.snapshot.roomName ?? '',
          locked,
          meta: service?.meta ?? {},
          prioritize_handraise: service?.prioritizeHandraise ?? false,
          recording: service?.recording ?? false,
        });
        return { ...scope(room), room: state, room_session: state, updated };
      },
    },
  ],
  recordingStarted: [
    { name: 'recording.started', detail: ({ recording }, room) => ({ ...scope(room), recording }) },
    { name: 'recordingStarted', detail: ({ recording }) => ({ recording }) },
  ],
  recordingUpdated: [{ name: 'recording.updated', detail: ({ recording }, room) => ({ ...scope(room), recording }) }],
  recordingEnded: [
    { name: 'recording.ended', detail: ({ recording }, room) => ({ ...scope(room), recording }) },
    { name: 'recordingStopped', detail: ({ recording }) => ({ recording }) },
  ],
  audienceCount: [{ name: 'room.audience_count', detail: ({ total }, room) => ({ ...scope(room), total }) }],
  memberPromoted: [{ name: 'member.promoted', detail: ({ memberId }, room) => ({ ...scope(room), member_id: memberId }) }],
  memberDemoted: [{ name: 'member.demoted', detail: ({ memberId }, room) => ({ ...scope(room), member_id: memberId }) }],
  // Twilio's media warnings are made of it (on publications: src/twilio), no DOM event of its own.
  publishedMedia: [],
  tokenAboutToExpire: [{ name: 'tokenAboutToExpire', detail: ({ expires }) => ({ expires }) }],
  memberUpdated: [
    { name: 'member.updated', detail: ({ member, updated }, room) => ({ ...scope(room), member: { ...member, updated } }) },
  ],
  memberTalking: [{ name: 'member.talking', detail: ({ member }, room) => ({ ...scope(room), member }) }],
  membersChanged: [{ name: 'memberList.updated', detail: ({ members }) => ({ members }) }],
  trackPublished: [{ name: 'trackPublished', detail: ({ publication, participant }) => ({ publication, participant }) }],
  trackUnpublished: [
    { name: 'trackUnpublished', detail: ({ publication, participant }) => ({ publication, participant }) },
  ],
  trackSubscribed: [{ name: 'trackSubscribed', detail: trackDetail }],
  trackMessage: [{ name: 'trackMessage', detail: ({ data, track, participant }) => ({ data, track, participant }) }],
  trackUnsubscribed: [{ name: 'trackUnsubscribed', detail: trackDetail }],
  trackStarted: [{ name: 'trackStarted', detail: trackDetail }],
  trackEnabled: [{ name: 'trackEnabled', detail: trackDetail }],
  trackDisabled: [{ name: 'trackDisabled', detail: trackDetail }],
  trackSwitchedOff: [{ name: 'trackSwitchedOff', detail: trackDetail }],
  trackSwitchedOn: [{ name: 'trackSwitchedOn', detail: trackDetail }],
  trackDimensionsChanged: [{ name: 'trackDimensionsChanged', detail: trackDetail }],
  networkQualityLevelChanged: [
    {
      name: 'networkQualityLevelChanged',
      detail: ({ participant, networkQualityLevel, networkQualityStats }) => ({ participant, networkQualityLevel, networkQualityStats }),
    },
  ],
  trackSubscriptionFailed: [
    {
      name: 'trackSubscriptionFailed',
      detail: ({ error, publication, participant }) => ({ error, publication, participant }),
    },
  ],
  cameraUpdated: [{ name: 'camera.updated', detail: ({ previous, current }) => ({ previous, current }) }],
  cameraDisconnected: [{ name: 'camera.disconnected', detail: ({ deviceId, label }) => ({ deviceId, label }) }],
  microphoneUpdated: [{ name: 'microphone.updated', detail: ({ previous, current }) => ({ previous, current }) }],
  microphoneDisconnected: [{ name: 'microphone.disconnected', detail: ({ deviceId, label }) => ({ deviceId, label }) }],
  speakerUpdated: [{ name: 'speaker.updated', detail: ({ previous, current }) => ({ previous, current }) }],
  speakerDisconnected: [{ name: 'speaker.disconnected', detail: ({ deviceId, label }) => ({ deviceId, label }) }],
  dominantSpeakerChanged: [{ name: 'dominantSpeakerChanged', detail: ({ dominantSpeaker }) => ({ dominantSpeaker }) }],
  layoutChanged: [{ name: 'layout.changed', detail: ({ layout }, room) => ({ ...scope(room), layout }) }],
  mediaConnected: [{ name: 'media.connected', detail: () => null }],
  mediaDisconnected: [{ name: 'media.disconnected', detail: () => null }],
  error: [{ name: 'error', detail: ({ error }) => ({ error }) }],
};

/**
 * Dispatches one documented event: bubbling and composed, so it crosses shadow roots. `error` is
 * the exception: like the native `error` event it does not bubble (a bubbling one would reach
 * `window`, where error trackers and test runners take it for an uncaught exception), and it is
 * cancelable. The result is false when a listener called `preventDefault()`.
 */
export function dispatchRoomEvent<N extends RoomEventName>(
  target: EventTarget,
  name: N,
  detail: RoomEventDetails[N],
): boolean {
  const isError = name === 'error';
  return target.dispatchEvent(
    new CustomEvent(name, { detail, bubbles: !isError, composed: !isError, cancelable: isError }),
  );
}

/** Re-dispatches every model event of `room` on `target` through the table; returns an unsubscribe. */
export function forwardRoomEvents(room: RoomSession, target: EventTarget): () => void {
  const forward = (type: keyof RoomSessionEvents, event: unknown) => {
    const rows = DOM_EVENT_TABLE[type as ModelEventName] as readonly Translation<ModelEventName>[] | undefined;
    if (!rows) return;
    for (const row of rows) {
      const detail = (row.detail as (e: unknown, r: RoomSession) => RoomEventDetails[RoomEventName])(event, room);
      dispatchRoomEvent(target, row.name, detail);
    }
  };
  room.events.on('*', forward);
  return () => room.events.off('*', forward);
}

/**
 * Janus failures -> the documented error classes (janus-mapping.md §4.5), in one table.
 */
import {
  AccessTokenInvalidError,
  MediaClientLocalDescFailedError,
  MediaClientRemoteDescFailedError,
  MediaNoSupportedCodecError,
  MediaServerRemoteDescFailedError,
  ParticipantDuplicateIdentityError,
  ParticipantNotFoundError,
  RoomConnectFailedError,
  RoomError,
  RoomMaxParticipantsExceededError,
  RoomNotFoundError,
  SignalingConnectionDisconnectedError,
  SignalingConnectionError,
  SignalingConnectionTimeoutError,
  SignalingOutgoingMessageInvalidError,
  SignalingServerBusyError,
  TrackInvalidError,
  isMediaError,
  type RoomErrorClass,
} from '../errors/errors.js';
import { JanusFailure } from './janus-client.js';

/** What the client was doing when Janus failed; it decides between codes Janus reuses. */
export type JanusPhase = 'connect' | 'join' | 'publish' | 'subscribe' | 'answer' | 'request';

export interface FailureContext {
  phase: JanusPhase;
  server: string;
  room: string;
}

type Rule = (failure: JanusFailure, context: FailureContext) => RoomError | undefined;

const make =
  (ErrorClass: RoomErrorClass, detail: (f: JanusFailure, c: FailureContext) => string, attribute?: string): Rule =>
  (failure, context) =>
    new ErrorClass(`${ErrorClass.defaultMessage}: ${detail(failure, context)}`, {
      cause: failure,
      ...(attribute ? { attribute } : {}),
    });

const reason = (f: JanusFailure) => f.message;

/** VideoRoom plugin error codes (janus_videoroom.c `JANUS_VIDEOROOM_ERROR_*`). */
const videoRoomCodes: Record<number, Rule> = {
  426: make(RoomNotFoundError, (_, c) => `room "${c.room}" does not exist`, 'room'),
  428: (f, c) =>
    c.phase === 'subscribe'
      ? make(TrackInvalidError, reason)(f, c)
      : make(ParticipantNotFoundError, reason)(f, c),
  429: (f, c) => (/pin/i.test(f.message) ? make(RoomConnectFailedError, () => `room "${c.room}" requires a PIN`, 'pin')(f, c) : undefined),
  430: (f, c) => (/codec/i.test(f.message) ? make(MediaNoSupportedCodecError, reason)(f, c) : undefined),
  431: make(MediaServerRemoteDescFailedError, reason),
  432: make(RoomMaxParticipantsExceededError, (_, c) => `room "${c.room}" has reached its maximum number of publishers`),
  433: (f, c) =>
    /pin/i.test(f.message)
      ? make(RoomConnectFailedError, () => `wrong PIN for room "${c.room}"`, 'pin')(f, c)
      : make(RoomConnectFailedError, reason)(f, c),
  436: make(ParticipantDuplicateIdentityError, (_, c) => `a member with this id is already in room "${c.room}"`),
  437: make(MediaServerRemoteDescFailedError, reason),
};

/** Janus core error codes (apierror.h). */
const coreCodes: Record<number, Rule> = {
  403: make(AccessTokenInvalidError, reason),
  458: make(SignalingConnectionTimeoutError, () => 'the Janus session expired'),
  460: make(SignalingConnectionError, (f, c) => `${c.server} has no such plugin (${f.message})`),
  464: make(MediaServerRemoteDescFailedError, reason),
  465: make(MediaServerRemoteDescFailedError, reason),
  469: make(MediaServerRemoteDescFailedError, reason),
  471: make(MediaServerRemoteDescFailedError, reason),
  472: make(SignalingServerBusyError, reason),
};

const byKind: Record<JanusFailure['kind'], Rule> = {
  connect: make(SignalingConnectionError, (f, c) => `could not connect to the Janus server at ${c.server} (${f.message})`, 'server'),
  timeout: (f, c) =>
    c.phase === 'connect'
      ? make(SignalingConnectionError, () => `the Janus server at ${c.server} did not answer (${f.message})`, 'server')(f, c)
      : make(SignalingConnectionTimeoutError, reason)(f, c),
  transport: make(SignalingConnectionDisconnectedError, reason),
  core: (f, c) => coreCodes[f.janusCode ?? 0]?.(f, c) ?? make(SignalingConnectionError, reason)(f, c),
  plugin: (f, c) => videoRoomCodes[f.janusCode ?? 0]?.(f, c) ?? make(SignalingOutgoingMessageInvalidError, reason)(f, c),
  webrtc: (f, c) =>
    c.phase === 'answer'
      ? make(MediaClientRemoteDescFailedError, reason)(f, c)
      : make(MediaClientLocalDescFailedError, reason)(f, c),
};

/**
 * Turns anything a Janus call rejected with into the error `join()` rejects with. Documented
 * errors and the browser's media errors pass through unchanged.
 */
export function toRoomError(error: unknown, context: FailureContext): Error {
  if (error instanceof RoomError || isMediaError(error)) return error;
  if (error instanceof JanusFailure) return byKind[error.kind](error, context) ?? error;
  if (error instanceof Error && error.name === 'AbortError') return error;
  return new SignalingConnectionError(`${SignalingConnectionError.defaultMessage}: ${String(error)}`, { cause: error });
}

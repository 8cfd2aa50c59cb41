/**
 * Janus failures -> the documented error classes (janus-mapping.md §4.5), in one table. Every
 * message says what went wrong and what to do, in words a user understands: `<Twilio's default
 * message>: <what happened>. <What to do>.`
 */
import {
  AccessTokenGrantsInvalidError,
  AccessTokenInvalidError,
  MediaClientLocalDescFailedError,
  MediaClientRemoteDescFailedError,
  MediaConnectionError,
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
type Text = (failure: JanusFailure, context: FailureContext) => string;

const make =
  (ErrorClass: RoomErrorClass, what: Text, todo: Text, attribute?: string) =>
  (failure: JanusFailure, context: FailureContext): RoomError =>
    new ErrorClass(`${ErrorClass.defaultMessage}: ${what(failure, context)}. ${todo(failure, context)}.`, {
      cause: failure,
      ...(attribute ? { attribute } : {}),
    });

const said = (f: JanusFailure) => `Janus said "${f.message}"`;
const report = () => 'This is a bug in janus-room-elements or a server it does not support; please report it';
const rejoin = () => 'Check the network connection and join again';

/** janus.js's words for a failed connection, as what went wrong and what to do. */
const connectProblems: Array<[RegExp, Text, Text]> = [
  [
    /^not Janus/,
    (_, c) => `${c.server} accepted a WebSocket connection but never answered as Janus does`,
    () => "Check that the server attribute is the URL of Janus's WebSocket API (usually ws://host:8188 or wss://host/janus)",
  ],
  [
    /API call failed|Failed to parse response body/,
    (_, c) => `${c.server} answered, but not as the Janus HTTP API`,
    () => "Check that the server attribute is the URL of Janus's API (usually http://host:8088/janus, or ws://host:8188)",
  ],
  [
    /WebSockets server/,
    (_, c) => `no WebSocket connection could be opened to ${c.server}`,
    () => 'Check that Janus is running there with its WebSocket transport, and that the URL (host and port) is right',
  ],
  [
    /network error|is the server down/i,
    (_, c) => `nothing answered at ${c.server}`,
    () => 'Check that Janus is running and reachable at that URL',
  ],
];

function connectRule(failure: JanusFailure, context: FailureContext): RoomError {
  // Janus with token authentication refuses a session without a valid token (core 403).
  if (/Unauthorized request/i.test(failure.message)) return coreCodes[403]!(failure, context)!;
  const row = connectProblems.find(([pattern]) => pattern.test(failure.message));
  const what: Text = row?.[1] ?? ((f, c) => `could not connect to the Janus server at ${c.server} (${f.message})`);
  const todo: Text = row?.[2] ?? (() => 'Check the server attribute and that Janus is running');
  return make(SignalingConnectionError, what, todo, 'server')(failure, context);
}

/** VideoRoom plugin error codes (janus_videoroom.c `JANUS_VIDEOROOM_ERROR_*`). */
const videoRoomCodes: Record<number, Rule> = {
  426: make(RoomNotFoundError, (_, c) => `room "${c.room}" does not exist`, () => 'Check the room attribute, or create the room first', 'room'),
  428: (f, c) =>
    c.phase === 'subscribe'
      ? make(TrackInvalidError, (x) => `the track is no longer published (${said(x)})`, () => 'Nothing to do: it went away before it could be received')(f, c)
      : make(ParticipantNotFoundError, (x) => `no such member (${said(x)})`, () => 'Check the member id')(f, c),
  429: (f, c) =>
    /pin/i.test(f.message)
      ? make(RoomConnectFailedError, () => `room "${c.room}" requires a PIN`, () => 'Set the pin attribute to the room\'s PIN', 'pin')(f, c)
      : undefined,
  430: (f, c) =>
    /codec/i.test(f.message)
      ? make(MediaNoSupportedCodecError, (x) => `the room accepts no codec this browser offers (${said(x)})`, () => "Use a browser that supports the room's codecs, or allow more codecs in the room")(f, c)
      : undefined,
  431: make(MediaServerRemoteDescFailedError, said, report),
  432: make(
    RoomMaxParticipantsExceededError,
    (_, c) => `room "${c.room}" has as many members publishing camera or microphone as it allows`,
    () => 'Join without camera and microphone (audio="false" video="false"), or ask for a bigger room',
  ),
  433: (f, c) =>
    /pin/i.test(f.message)
      ? make(RoomConnectFailedError, () => `wrong PIN for room "${c.room}"`, () => 'Check the pin attribute', 'pin')(f, c)
      : /token|allowed list/i.test(f.message)
        ? make(AccessTokenGrantsInvalidError, (x) => `Janus refused to let this token into room "${c.room}" (${said(x)})`, () => 'Join with a token for this room, from its room service')(f, c)
        : make(RoomConnectFailedError, (x) => `Janus refused to let us in (${said(x)})`, () => 'Ask the room\'s owner for access')(f, c),
  436: make(ParticipantDuplicateIdentityError, (_, c) => `a member with this member id is already in room "${c.room}"`, () => 'Join again: a new member id is chosen every time'),
  437: make(MediaServerRemoteDescFailedError, said, report),
};

/** Janus core error codes (apierror.h). */
const coreCodes: Record<number, Rule> = {
  403: make(
    AccessTokenInvalidError,
    (f) => `Janus refused the request (${said(f)})`,
    () => 'This Janus requires a token: join with a room token from its room service (the token attribute)',
  ),
  458: make(SignalingConnectionTimeoutError, () => 'the Janus session expired', rejoin),
  460: make(SignalingConnectionError, (_, c) => `${c.server} has no VideoRoom plugin`, () => 'Enable janus.plugin.videoroom on the Janus server', 'server'),
  464: make(MediaServerRemoteDescFailedError, said, report),
  465: make(MediaServerRemoteDescFailedError, said, report),
  469: make(MediaServerRemoteDescFailedError, said, report),
  471: make(MediaServerRemoteDescFailedError, said, report),
  472: make(SignalingServerBusyError, () => 'the Janus server accepts no new sessions right now', () => 'Try again later'),
};

const byKind: Record<JanusFailure['kind'], Rule> = {
  connect: connectRule,
  timeout: (f, c) =>
    c.phase === 'connect'
      ? make(
          SignalingConnectionError,
          (x) => `the Janus server at ${c.server} did not answer (${x.message})`,
          () => 'Check that the server attribute points at a running Janus, or raise the timeout attribute',
          'server',
        )(f, c)
      : make(SignalingConnectionTimeoutError, (x) => `Janus did not answer in time (${x.message})`, rejoin)(f, c),
  transport: make(SignalingConnectionDisconnectedError, (f) => `the connection to Janus was lost (${f.message})`, rejoin),
  core: (f, c) => coreCodes[f.janusCode ?? 0]?.(f, c) ?? make(SignalingConnectionError, said, rejoin)(f, c),
  plugin: (f, c) => videoRoomCodes[f.janusCode ?? 0]?.(f, c) ?? make(SignalingOutgoingMessageInvalidError, said, report)(f, c),
  media: make(
    MediaConnectionError,
    (f) => `the media connection to Janus did not come up (${f.message})`,
    () => 'Check that UDP traffic to Janus is allowed; behind a strict firewall, give <video-room> a TURN server in iceServers',
  ),
  webrtc: (f, c) =>
    c.phase === 'answer'
      ? make(MediaClientRemoteDescFailedError, (x) => `the browser could not apply Janus's session description (${x.message})`, report)(f, c)
      : make(MediaClientLocalDescFailedError, (x) => `the browser could not create a session description (${x.message})`, report)(f, c),
};

/**
 * Turns anything a Janus call rejected with into the error `join()` rejects with. Documented
 * errors and the browser's media errors pass through unchanged.
 */
export function toRoomError(error: unknown, context: FailureContext): Error {
  if (error instanceof RoomError || isMediaError(error)) return error;
  if (error instanceof JanusFailure) return byKind[error.kind](error, context) ?? error;
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'NotSupportedError')) return error;
  return new SignalingConnectionError(`${SignalingConnectionError.defaultMessage}: ${String(error)}. ${report()}.`, { cause: error });
}

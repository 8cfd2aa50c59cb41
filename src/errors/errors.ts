/**
 * Errors carry the documented Twilio Video `code` and a clear `message`, so code written for
 * twilio-video.js (`if ('code' in error)`, `error.name === 'RoomNotFoundError'`) keeps working.
 * Media capture failures are not wrapped: they keep the browser's own `DOMException` names
 * (`NotAllowedError`, `NotFoundError`, `NotReadableError`, `OverconstrainedError`, `TypeError`).
 */

export interface RoomErrorOptions {
  cause?: unknown;
  /** The `<video-room>` attribute (or `RoomSession` option) that holds the bad value. */
  attribute?: string;
}

/** Base class of every error this library raises with a code (exported as `TwilioError` too). */
export class RoomError extends Error {
  readonly code: number;
  readonly attribute?: string;

  constructor(code: number, message: string, options: RoomErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RoomError';
    this.code = code;
    if (options.attribute !== undefined) this.attribute = options.attribute;
  }
}

/** Twilio's name for the base class: `error instanceof TwilioError` holds for every coded error. */
export const TwilioError = RoomError;
export type TwilioError = RoomError;

export type RoomErrorClass = {
  new (message?: string, options?: RoomErrorOptions): RoomError;
  readonly code: number;
  readonly defaultMessage: string;
};

const byCode = new Map<number, RoomErrorClass>();

// Names are set explicitly: minifiers rename classes, and `error.name` is public API.
function defineError(name: string, code: number, defaultMessage: string): RoomErrorClass {
  const ErrorClass = class extends RoomError {
    static readonly code = code;
    static readonly defaultMessage = defaultMessage;
    constructor(message: string = defaultMessage, options?: RoomErrorOptions) {
      super(code, message, options);
      this.name = name;
    }
  };
  Object.defineProperty(ErrorClass, 'name', { value: name });
  byCode.set(code, ErrorClass);
  return ErrorClass;
}

// Codes and default messages as in twilio-video.js (lib/util/twilio-video-errors.js).
export const AccessTokenInvalidError = defineError('AccessTokenInvalidError', 20101, 'Invalid Access Token');
export const AccessTokenGrantsInvalidError = defineError('AccessTokenGrantsInvalidError', 20106, 'Invalid Access Token grants');
export const AccessTokenIssuerInvalidError = defineError('AccessTokenIssuerInvalidError', 20103, 'Invalid Access Token issuer/subject');
export const AccessTokenExpiredError = defineError('AccessTokenExpiredError', 20104, 'Access Token expired or expiration date invalid');
export const AccessTokenNotYetValidError = defineError('AccessTokenNotYetValidError', 20105, 'Access Token not yet valid');
export const AccessTokenSignatureInvalidError = defineError('AccessTokenSignatureInvalidError', 20107, 'Invalid Access Token signature');
export const SignalingConnectionError = defineError('SignalingConnectionError', 53000, 'Signaling connection error');
export const SignalingConnectionDisconnectedError = defineError('SignalingConnectionDisconnectedError', 53001, 'Signaling connection disconnected');
export const SignalingConnectionTimeoutError = defineError('SignalingConnectionTimeoutError', 53002, 'Signaling connection timed out');
export const SignalingIncomingMessageInvalidError = defineError('SignalingIncomingMessageInvalidError', 53003, 'Client received an invalid signaling message');
export const SignalingOutgoingMessageInvalidError = defineError('SignalingOutgoingMessageInvalidError', 53004, 'Client sent an invalid signaling message');
export const SignalingServerBusyError = defineError('SignalingServerBusyError', 53006, 'Cannot establish connection. Server is busy');
export const RoomNameInvalidError = defineError('RoomNameInvalidError', 53100, 'Room name is invalid');
export const RoomNameTooLongError = defineError('RoomNameTooLongError', 53101, 'Room name is too long');
export const RoomNameCharsInvalidError = defineError('RoomNameCharsInvalidError', 53102, 'Room name contains invalid characters');
export const RoomCreateFailedError = defineError('RoomCreateFailedError', 53103, 'Unable to create Room');
export const RoomConnectFailedError = defineError('RoomConnectFailedError', 53104, 'Unable to connect to Room');
export const RoomMaxParticipantsExceededError = defineError('RoomMaxParticipantsExceededError', 53105, 'Room contains too many Participants');
export const RoomNotFoundError = defineError('RoomNotFoundError', 53106, 'Room not found');
export const RoomCompletedError = defineError('RoomCompletedError', 53118, 'Room completed');
export const ParticipantIdentityInvalidError = defineError('ParticipantIdentityInvalidError', 53200, 'Participant identity is invalid');
export const ParticipantIdentityTooLongError = defineError('ParticipantIdentityTooLongError', 53201, 'Participant identity is too long');
export const ParticipantIdentityCharsInvalidError = defineError('ParticipantIdentityCharsInvalidError', 53202, 'Participant identity contains invalid characters');
export const ParticipantNotFoundError = defineError('ParticipantNotFoundError', 53204, 'Participant not found');
export const ParticipantDuplicateIdentityError = defineError('ParticipantDuplicateIdentityError', 53205, 'Participant disconnected because of duplicate identity');
export const TrackInvalidError = defineError('TrackInvalidError', 53300, 'Track is invalid');
export const MediaClientLocalDescFailedError = defineError('MediaClientLocalDescFailedError', 53400, 'Client is unable to create or apply a local media description');
export const MediaClientRemoteDescFailedError = defineError('MediaClientRemoteDescFailedError', 53402, 'Client is unable to apply a remote media description');
export const MediaServerRemoteDescFailedError = defineError('MediaServerRemoteDescFailedError', 53403, 'Server is unable to apply a remote media description');
export const MediaNoSupportedCodecError = defineError('MediaNoSupportedCodecError', 53404, 'No supported codec');
export const MediaConnectionError = defineError('MediaConnectionError', 53405, 'Media connection failed');

// The rest of twilio-video.js's table: raised by its server, kept so code that names them still loads.
export const AccessTokenHeaderInvalidError = defineError('AccessTokenHeaderInvalidError', 20102, 'Invalid Access Token header');
export const RoomMaxParticipantsOutOfRangeError = defineError('RoomMaxParticipantsOutOfRangeError', 53107, 'MaxParticipants is out of range');
export const RoomTypeInvalidError = defineError('RoomTypeInvalidError', 53108, 'RoomType is not valid');
export const RoomTimeoutOutOfRangeError = defineError('RoomTimeoutOutOfRangeError', 53109, 'Timeout is out of range');
export const RoomStatusCallbackMethodInvalidError = defineError('RoomStatusCallbackMethodInvalidError', 53110, 'StatusCallbackMethod is invalid');
export const RoomStatusCallbackInvalidError = defineError('RoomStatusCallbackInvalidError', 53111, 'StatusCallback is invalid');
export const RoomStatusInvalidError = defineError('RoomStatusInvalidError', 53112, 'Status is invalid');
export const RoomRoomExistsError = defineError('RoomRoomExistsError', 53113, 'Room exists');
export const RoomInvalidParametersError = defineError('RoomInvalidParametersError', 53114, 'Room creation parameter(s) incompatible with the Room type');
export const RoomMediaRegionInvalidError = defineError('RoomMediaRegionInvalidError', 53115, 'MediaRegion is invalid');
export const RoomMediaRegionUnavailableError = defineError('RoomMediaRegionUnavailableError', 53116, 'There are no media servers available in the MediaRegion');
export const RoomSubscriptionOperationNotSupportedError = defineError('RoomSubscriptionOperationNotSupportedError', 53117, 'The subscription operation requested is not supported for the Room type');
export const RoomAudioOnlyFlagNotSupportedError = defineError('RoomAudioOnlyFlagNotSupportedError', 53124, 'The AudioOnly flag is not supported for the Room type');
export const RoomTrackKindNotSupportedError = defineError('RoomTrackKindNotSupportedError', 53125, 'The track kind is not supported by the Room');
export const ParticipantMaxTracksExceededError = defineError('ParticipantMaxTracksExceededError', 53203, 'The maximum number of published tracks allowed in the Room at the same time has been reached');
export const TrackNameInvalidError = defineError('TrackNameInvalidError', 53301, 'Track name is invalid');
export const TrackNameTooLongError = defineError('TrackNameTooLongError', 53302, 'Track name is too long');
export const TrackNameCharsInvalidError = defineError('TrackNameCharsInvalidError', 53303, 'Track name contains invalid characters');
export const TrackNameIsDuplicatedError = defineError('TrackNameIsDuplicatedError', 53304, 'Track name is duplicated');
export const TrackServerTrackCapacityReachedError = defineError('TrackServerTrackCapacityReachedError', 53305, 'The server has reached capacity and cannot fulfill this request');
export const MediaServerLocalDescFailedError = defineError('MediaServerLocalDescFailedError', 53401, 'Server is unable to create or apply a local media description');
export const MediaDTLSTransportFailedError = defineError('MediaDTLSTransportFailedError', 53407, 'Media connection failed due to DTLS handshake failure');
export const ConfigurationAcquireFailedError = defineError('ConfigurationAcquireFailedError', 53500, 'Unable to acquire configuration');
export const ConfigurationAcquireTurnFailedError = defineError('ConfigurationAcquireTurnFailedError', 53501, 'Unable to acquire TURN credentials');

/** The error class for a documented code, like twilio-video.js's `createTwilioError`. */
export function createRoomError(code: number, message?: string, options?: RoomErrorOptions): RoomError {
  const ErrorClass = byCode.get(code);
  return ErrorClass ? new ErrorClass(message, options) : new RoomError(code, message || 'Unknown error', options);
}

/** Media capture errors keep the browser's names, as twilio-video.js does. */
export const MEDIA_ERROR_NAMES = [
  'NotAllowedError',
  'NotFoundError',
  'NotReadableError',
  'OverconstrainedError',
  'TypeError',
] as const;
export type MediaErrorName = (typeof MEDIA_ERROR_NAMES)[number];

export function isMediaError(error: unknown): error is DOMException | TypeError {
  return error instanceof Error && (MEDIA_ERROR_NAMES as readonly string[]).includes(error.name);
}

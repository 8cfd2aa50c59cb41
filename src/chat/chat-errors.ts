/**
 * TextRoom's refusals as the library's documented errors (the `cause` keeps Janus's own answer):
 * 419 unauthorized (no or a wrong join token) and core 403 become `AccessTokenGrantsInvalidError`
 * (20106); 417 no such room `RoomNotFoundError` (53106); 420 / 421 a username already in the room
 * `ParticipantDuplicateIdentityError` (53205); a timeout `SignalingConnectionTimeoutError` (53002);
 * a closed connection `SignalingConnectionDisconnectedError` (53001); anything else
 * `SignalingConnectionError` (53000).
 */
import {
  AccessTokenGrantsInvalidError,
  ParticipantDuplicateIdentityError,
  RoomNotFoundError,
  SignalingConnectionDisconnectedError,
  SignalingConnectionError,
  SignalingConnectionTimeoutError,
  type RoomErrorClass,
} from '../errors/errors.js';
import { JanusFailure } from '../janus/janus-client.js';

export function chatError(error: unknown, what: string): Error {
  if (!(error instanceof JanusFailure)) return error instanceof Error ? error : new Error(String(error));
  const code = error.janusCode;
  const kind: RoomErrorClass =
    code === 419 || code === 403 || code === 433
      ? AccessTokenGrantsInvalidError
      : code === 417
        ? RoomNotFoundError
        : code === 420 || code === 421
          ? ParticipantDuplicateIdentityError
          : error.kind === 'timeout'
            ? SignalingConnectionTimeoutError
            : error.kind === 'transport'
              ? SignalingConnectionDisconnectedError
              : SignalingConnectionError;
  return new kind(`${kind.defaultMessage}: ${what}: ${error.message}${code ? ` (Janus ${code})` : ''}`, { cause: error });
}

/** What the chat sends through (a TextRoom link), with every failure made a documented error. */
export interface ChatTransport {
  request(body: Record<string, unknown>): Promise<Record<string, unknown>>;
  requestApi<T extends Record<string, unknown>>(body: Record<string, unknown>): Promise<T>;
  post(body: Record<string, unknown>): void;
}

/** `link` (a TextRoom link) with its failures made documented errors. */
export function documented(link: ChatTransport): ChatTransport {
  return {
    request: (body) => link.request(body).catch((error: unknown) => Promise.reject(chatError(error, `the chat's ${String(body['textroom'])} request`))),
    requestApi: <T extends Record<string, unknown>>(body: Record<string, unknown>) =>
      link.requestApi<T>(body).catch((error: unknown) => Promise.reject(chatError(error, `TextRoom's ${String(body['request'])} request`))),
    post: (body) => link.post(body),
  };
}

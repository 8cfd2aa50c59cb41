/**
 * Requests to the room service (see server/http.ts): each carries the room token; a refusal
 * becomes the documented error class for its code (`AccessTokenGrantsInvalidError`, ...).
 */
import { createRoomError, SignalingConnectionError } from '../errors/errors.js';

/** The error a refusal (`{ error: { code, name, message } }`) stands for. */
export async function refusal(response: Response): Promise<Error> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = (body as { error?: { code?: unknown; name?: unknown; message?: unknown } } | undefined)?.error;
  if (error && typeof error.code === 'number' && typeof error.message === 'string') {
    if (error.name === 'NotSupportedError') return new DOMException(error.message, 'NotSupportedError');
    return createRoomError(error.code, error.message);
  }
  return new SignalingConnectionError(`${SignalingConnectionError.defaultMessage}: the room service answered HTTP ${response.status}`);
}

/** A fetch that fails as a documented error when the service cannot be reached. */
export async function serviceFetch(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if ((error as Error)?.name === 'AbortError') throw error;
    throw new SignalingConnectionError(`${SignalingConnectionError.defaultMessage}: cannot reach the room service at ${new URL(url).origin}`, { cause: error });
  }
}

export async function postToService(url: string, token: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await serviceFetch(url, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await refusal(response);
  return (await response.json()) as Record<string, unknown>;
}


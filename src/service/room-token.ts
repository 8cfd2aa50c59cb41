/**
 * What a room token (minted by the room service, `janus-room-elements/server`) tells the client:
 * which Janus and room service to use, the room, the identity, the permissions, the role and the
 * expiry. The client only reads it; the service checks its signature, and Janus checks the tokens
 * the service hands out in exchange.
 */
import { decodeJwt } from 'jose';
import { AccessTokenInvalidError } from '../errors/errors.js';

export type InteractivityMode = 'member' | 'audience';

export interface TokenClaims {
  identity: string;
  room: string;
  permissions: string[];
  interactivityMode: InteractivityMode;
  /** Milliseconds since the epoch. */
  expires: number;
  /** Janus's WebSocket URL (a path in the token resolves against the page). */
  janusUrl: string;
  /** The room service's URL. */
  serviceUrl: string;
}

const invalid = (detail: string) => new AccessTokenInvalidError(`${AccessTokenInvalidError.defaultMessage}: ${detail}`, { attribute: 'token' });

/** Resolves a URL in a token against the page (`/janus` on an https page is wss://host/janus). */
export function resolveUrl(value: unknown, websocket: boolean): string {
  if (typeof value !== 'string' || value === '') throw invalid('it names no Janus server or room service');
  const base = typeof location === 'undefined' ? undefined : location.href;
  const url = new URL(value, base);
  if (websocket && (url.protocol === 'http:' || url.protocol === 'https:')) url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href.replace(/\/$/, '');
}

/** Reads a room token; throws `AccessTokenInvalidError` (20101) when it is not one. */
export function readRoomToken(token: unknown): TokenClaims {
  if (typeof token !== 'string' || token.trim() === '') throw invalid('no token was given');
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(token.trim());
  } catch {
    throw invalid('it is not a room token (a JWT from the room service)');
  }
  const { sub, room, permissions, interactivity_mode: mode, exp } = claims;
  if (typeof sub !== 'string' || typeof room !== 'string' || !Array.isArray(permissions) || (mode !== 'member' && mode !== 'audience') || typeof exp !== 'number') {
    throw invalid('it lacks the identity, room, permissions, interactivity_mode or exp claim');
  }
  return {
    identity: sub,
    room,
    permissions: permissions.filter((p): p is string => typeof p === 'string'),
    interactivityMode: mode,
    expires: exp * 1000,
    janusUrl: resolveUrl(claims['janus'], true),
    serviceUrl: resolveUrl(claims['service'], false),
  };
}

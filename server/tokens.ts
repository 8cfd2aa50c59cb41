/**
 * Room tokens: JWTs (HS256, signed with `jose`) that carry who may join which room, from which
 * Janus and room service, with which permissions and role; and the HMAC-signed tokens Janus
 * itself checks (core `token_auth_secret`), which only the room service hands out.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import { isPermission, MEMBER_PERMISSIONS, PERMISSION_PRESETS, type InteractivityMode, type Permission } from './permissions.js';
import { ServiceError } from './service-error.js';

export const ISSUER = 'janus-room-elements';
/** Ids starting with this are the service's own (its room monitor); no member may take one. */
export const RESERVED_PREFIX = '~';
const MAX_NAME = 128;
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

export interface RoomTokenOptions {
  identity: string;
  room: string;
  /** SignalWire permission names, or the presets `member` and `moderator`; a plain member's (`room.self.*`) when omitted. */
  permissions?: readonly string[];
  /** Seconds until the token expires (default 3600). */
  ttl?: number;
  interactivityMode?: InteractivityMode;
}

export interface TokenSigning {
  /** The HS256 key tokens are signed and checked with. */
  jwtSecret: string;
  /** The Janus WebSocket URL a client connects to (absolute, or a path on the page's origin). */
  janusUrl: string;
  /** The room service URL a client talks to (absolute, or a path on the page's origin). */
  serviceUrl: string;
}

/** What a verified token says. */
export interface RoomGrant {
  identity: string;
  room: string;
  permissions: Permission[];
  interactivityMode: InteractivityMode;
  /** Expiry, in seconds since the epoch. */
  expires: number;
  tokenId: string;
}

function checkName(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new TypeError(`${what} is required`);
  if (value.length > MAX_NAME) throw new RangeError(`${what} is longer than ${MAX_NAME} characters`);
  if (CONTROL_CHARS.test(value)) throw new RangeError(`${what} contains control characters`);
  return value;
}

function checkPermissions(value: readonly string[] | undefined): Permission[] {
  if (value === undefined) return [...MEMBER_PERMISSIONS];
  if (!Array.isArray(value)) throw new TypeError('permissions must be an array of permission names');
  // A preset name (`member`, `moderator`) stands for its set.
  const expanded = value.flatMap((p) => PERMISSION_PRESETS[p] ?? [p]);
  const unknown = expanded.filter((p) => !isPermission(p));
  if (unknown.length) throw new RangeError(`unknown permissions: ${unknown.join(', ')}`);
  return [...new Set(expanded as Permission[])];
}

/** Mints a room token (a JWT). Throws TypeError/RangeError on bad options. */
export async function createRoomToken(options: RoomTokenOptions, signing: TokenSigning): Promise<string> {
  const identity = checkName(options.identity, 'identity');
  const room = checkName(options.room, 'room');
  if (identity.startsWith(RESERVED_PREFIX)) throw new RangeError(`identities starting with "${RESERVED_PREFIX}" are reserved`);
  const ttl = options.ttl ?? 3600;
  if (!Number.isFinite(ttl) || ttl <= 0) throw new RangeError(`ttl must be a positive number of seconds, not ${String(ttl)}`);
  const mode = options.interactivityMode ?? 'member';
  if (mode !== 'member' && mode !== 'audience') throw new RangeError(`interactivityMode must be "member" or "audience", not ${String(mode)}`);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    room,
    permissions: checkPermissions(options.permissions),
    interactivity_mode: mode,
    janus: signing.janusUrl,
    service: signing.serviceUrl,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setSubject(identity)
    .setJti(randomUUID())
    .setIssuedAt(now)
    .setExpirationTime(now + Math.ceil(ttl))
    .sign(secretKey(signing.jwtSecret));
}

const secretKey = (secret: string) => new TextEncoder().encode(secret);

/**
 * Checks a token: signature, expiry, issuer and claims. Throws a `ServiceError` with Twilio's
 * code: 20101 malformed, 20103 wrong issuer, 20104 expired, 20105 not yet valid, 20107 bad signature.
 */
export async function verifyRoomToken(token: unknown, jwtSecret: string): Promise<RoomGrant> {
  if (typeof token !== 'string' || token === '') throw new ServiceError(401, 20101, 'AccessTokenInvalidError', 'Invalid Access Token: no token was given');
  let payload;
  try {
    ({ payload } = await jwtVerify(token, secretKey(jwtSecret), { algorithms: ['HS256'], issuer: ISSUER }));
  } catch (error) {
    throw tokenError(error);
  }
  const permissions = Array.isArray(payload['permissions']) ? payload['permissions'].filter((p): p is Permission => typeof p === 'string' && isPermission(p)) : null;
  const mode = payload['interactivity_mode'];
  if (typeof payload.sub !== 'string' || typeof payload['room'] !== 'string' || !permissions || (mode !== 'member' && mode !== 'audience') || typeof payload.exp !== 'number') {
    throw new ServiceError(401, 20101, 'AccessTokenInvalidError', 'Invalid Access Token: its claims are incomplete (identity, room, permissions, interactivity_mode and exp are needed)');
  }
  return { identity: payload.sub, room: payload['room'], permissions, interactivityMode: mode, expires: payload.exp, tokenId: String(payload.jti ?? '') };
}

function tokenError(error: unknown): ServiceError {
  if (error instanceof joseErrors.JWTExpired) return new ServiceError(401, 20104, 'AccessTokenExpiredError', 'Access Token expired or expiration date invalid: get a new token');
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
    return new ServiceError(401, 20107, 'AccessTokenSignatureInvalidError', 'Invalid Access Token signature: the token was not signed by this room service, or was changed');
  }
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return new ServiceError(401, 20103, 'AccessTokenIssuerInvalidError', 'Invalid Access Token issuer/subject: the token was not issued for janus-room-elements');
    if (error.claim === 'nbf' || error.claim === 'iat') return new ServiceError(401, 20105, 'AccessTokenNotYetValidError', 'Access Token not yet valid');
  }
  return new ServiceError(401, 20101, 'AccessTokenInvalidError', `Invalid Access Token: ${(error as Error)?.message ?? 'malformed'}`);
}

/**
 * A token Janus checks itself, signed with its `token_auth_secret`:
 * `<expiry>,<realm>,<descriptor>...:<base64 HMAC-SHA1>`. Realm `janus` (with the plugins it may
 * attach to) is the core token every request carries; realm `janus.plugin.videoroom` with
 * `room=<id>` is what a VideoRoom with `signed_tokens` wants at join.
 */
export function janusToken(secret: string, expires: number, realm: string, descriptors: readonly string[]): string {
  const data = [String(Math.floor(expires)), realm, ...descriptors].join(',');
  return `${data}:${createHmac('sha1', secret).update(data).digest('base64')}`;
}

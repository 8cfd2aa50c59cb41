/**
 * Room and member state the room service keeps and pushes (Janus 1.1.2 has no such thing):
 * metadata with SignalWire's set / update / delete semantics, raised hands, and who may change
 * them. Pure: every function returns new values or throws a `ServiceError`.
 */
import type { Permission } from './permissions.js';
import { forbidden, ServiceError } from './service-error.js';

export type Meta = Readonly<Record<string, unknown>>;
export type MetaChange = { op: 'set'; meta: Meta } | { op: 'update'; meta: Meta } | { op: 'delete'; keys: readonly string[] };

/** Metadata lives in the service's memory and goes to every member: keep it small. */
export const MAX_META_CHARS = 8192;

const badRequest = (message: string) => new ServiceError(400, 53004, 'BadRequestError', message);

function plainObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** Checks a change request's body: `{ op: 'set' | 'update', meta: {...} }` or `{ op: 'delete', keys: [...] }`. */
export function readMetaChange(body: Record<string, unknown>): MetaChange {
  const op = body['op'];
  if (op === 'delete') {
    const keys = body['keys'];
    if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string')) throw badRequest('deleteMeta needs { keys }: an array of strings');
    return { op, keys };
  }
  if (op !== 'set' && op !== 'update') throw badRequest(`A metadata change needs op "set", "update" or "delete", not ${JSON.stringify(op)}`);
  const meta = body['meta'];
  if (!plainObject(meta)) throw badRequest(`${op}Meta needs { meta }: a plain object`);
  return { op, meta };
}

/** The metadata after `change`; refuses metadata larger than `MAX_META_CHARS` as JSON. */
export function applyMeta(meta: Meta, change: MetaChange): Meta {
  let next: Record<string, unknown>;
  if (change.op === 'set') next = { ...change.meta };
  else if (change.op === 'update') next = { ...meta, ...change.meta };
  else {
    next = { ...meta };
    for (const key of change.keys) delete next[key];
  }
  if (JSON.stringify(next).length > MAX_META_CHARS) {
    throw new ServiceError(413, 53004, 'RequestTooLargeError', `Metadata is limited to ${MAX_META_CHARS} characters of JSON`);
  }
  return Object.freeze(next);
}

/** Checks the caller may change the room's metadata (`room.set_meta`). */
export function checkRoomMeta(permissions: readonly Permission[]): void {
  if (!permissions.includes('room.set_meta')) throw forbidden('room.set_meta', "changing the room's metadata");
}

/** Checks the caller may change a member's metadata: its own (`room.self.set_meta`) or another's (`room.member.set_meta`). */
export function checkMemberMeta(permissions: readonly Permission[], self: boolean, target: string): void {
  const needed: Permission = self ? 'room.self.set_meta' : 'room.member.set_meta';
  if (!permissions.includes(needed)) throw forbidden(needed, `changing the metadata of ${self ? 'this member' : `member "${target}"`}`);
}

/**
 * Checks the caller may raise (`video.member.raisehand`) or lower (`video.member.lowerhand`) a
 * hand; another member's needs `room.member.set_meta` too, so plain members only move their own.
 */
export function checkHand(permissions: readonly Permission[], raised: boolean, self: boolean, target: string): void {
  const needed: Permission = raised ? 'video.member.raisehand' : 'video.member.lowerhand';
  const what = `${raised ? 'raising' : 'lowering'} the hand of ${self ? 'this member' : `member "${target}"`}`;
  if (!permissions.includes(needed)) throw forbidden(needed, what);
  if (!self && !permissions.includes('room.member.set_meta')) throw forbidden('room.member.set_meta', what);
}

/** An optional boolean argument (SignalWire: omitted toggles). */
export function readToggle(body: Record<string, unknown>, key: string, current: boolean): boolean {
  const value = body[key];
  if (value === undefined) return !current;
  if (typeof value !== 'boolean') throw badRequest(`"${key}" must be true or false, not ${JSON.stringify(value)}`);
  return value;
}

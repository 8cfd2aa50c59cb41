/**
 * SignalWire's member types: a person (`member`), or one of a person's extra sources, a screen
 * share (`screen`) or another camera or microphone (`device`). An extra source joins Janus as a
 * participant of its own, with an id that names its owner: `<owner id>.<type>.<suffix>`. Janus
 * shows ids to everyone from the first event on (`joining`, `publishers`, `listparticipants`) and
 * never changes them, so every member learns the link at once, late joiners too, with no extra
 * message. The link is a claim like any other id: untrusted until a room service vouches for it.
 */

export const MEMBER_TYPES = ['member', 'screen', 'device'] as const;
export type MemberType = (typeof MEMBER_TYPES)[number];
export type SourceType = Exclude<MemberType, 'member'>;

export interface MemberKind {
  readonly type: MemberType;
  /** The owner of an extra source (SignalWire `parent_id`). */
  readonly parentId?: string;
}

const SOURCE_ID = /^(.+)\.(screen|device)\.([0-9a-f]{8})$/;

/** A new id for a person joining: a UUID per join (Twilio `sid`, SignalWire `member_id`). */
export function newMemberId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A new id for an extra source of `ownerId`. */
export function sourceMemberId(ownerId: string, type: SourceType): string {
  const suffix = Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${ownerId}.${type}.${suffix}`;
}

/** What a member id says about its member: a person, or whose extra source it is. */
export function memberKind(id: string): MemberKind {
  const match = SOURCE_ID.exec(id);
  return match ? { type: match[2] as SourceType, parentId: match[1]! } : { type: 'member' };
}

/** The short part of an extra source's id that tells it from its owner's other sources. */
export function sourceSuffix(id: string): string {
  return SOURCE_ID.exec(id)?.[3] ?? '';
}

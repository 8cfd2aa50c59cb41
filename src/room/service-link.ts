/**
 * What the room service tells a joined member, turned into the room model's doings: the room
 * locked, the audience count, a promotion or demotion (the join switches role), a moderator
 * making this member deaf, removal, and the token about to expire or expired.
 */
import type { RoomAccess } from '../service/room-access.js';
import type { StateChange } from '../service/shared-state.js';
import type { InteractivityMode } from '../service/room-token.js';
import type { LeaveReason } from './types.js';

export interface ServiceLinkHooks {
  changed(): void;
  locked(locked: boolean): void;
  audienceCount(total: number): void;
  role(mode: InteractivityMode): void;
  /** The service's event stream came back after a break (an audience member missed relayed events). */
  resumed(): void;
  deaf(deaf: boolean): void;
  /** Metadata, a hand or a recording changed. */
  state(change: StateChange): void;
  aboutToExpire(expires: number): void;
  fail(reason: LeaveReason, error?: Error): void;
  report(error: Error): void;
}

/** Follows `access` until the returned function is called. */
export function linkService(access: RoomAccess, hooks: ServiceLinkHooks): () => void {
  const handlers = {
    locked: (locked: boolean) => {
      hooks.changed();
      hooks.locked(locked);
    },
    audienceCount: (total: number) => {
      hooks.changed();
      hooks.audienceCount(total);
    },
    role: (mode: InteractivityMode) => {
      hooks.changed();
      hooks.role(mode);
    },
    deaf: (deaf: boolean) => hooks.deaf(deaf),
    state: (change: StateChange) => hooks.state(change),
    removed: (reason: 'kicked' | 'hangup' | 'destroyed') => hooks.fail(reason === 'destroyed' ? 'room_destroyed' : reason),
    aboutToExpire: ({ expires }: { expires: number }) => hooks.aboutToExpire(expires),
    expired: (error: Error) => hooks.fail('token_expired', error),
    lost: (error: Error) => hooks.report(error),
    resumed: () => hooks.resumed(),
  };
  for (const [type, handler] of Object.entries(handlers)) access.events.on(type as never, handler as never);
  return () => {
    for (const [type, handler] of Object.entries(handlers)) access.events.off(type as never, handler as never);
  };
}

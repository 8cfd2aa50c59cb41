/**
 * SignalWire's privileged RoomSession methods (muting others, removing, locking, roles) and
 * Twilio's `updateToken`. Each goes to the room service, which checks the caller's token and acts
 * on Janus; so they need a join with a `token` (see `janus-room-elements/server`). Also what the
 * service's word does here: a promotion or demotion joins anew in the new role.
 */
import { AccessTokenGrantsInvalidError } from '../errors/errors.js';
import type { RoomAccess } from '../service/room-access.js';
import type { StateChange } from '../service/shared-state.js';
import { readRoomToken } from '../service/room-token.js';
import type { Attempt } from './connection.js';
import { planJoin, type ResolvedOptions } from './options.js';
import { RoomSessionCore } from './room-session-core.js';
import type { ServiceLinkHooks } from './service-link.js';
import type { MemberParams } from './room-session-events.js';

/** SignalWire's volume range (-50 to 50, default 0). */
function checkVolume(volume: unknown, method: string): void {
  if (typeof volume !== 'number' || !Number.isFinite(volume) || volume < -50 || volume > 50) {
    throw new RangeError(`${method}() needs { volume } from -50 to 50, not ${JSON.stringify(volume)}`);
  }
}

export abstract class ModeratedRoomSession extends RoomSessionCore {
  protected serviceHooks(): ServiceLinkHooks {
    return {
      changed: () => this.changed(),
      locked: (locked) => this.events.emit('roomUpdated', { locked, updated: ['locked'] }),
      state: (change) => this.onSharedState(change),
      audienceCount: (total) => this.events.emit('audienceCount', { total }),
      role: (mode) => this.switchRole(mode),
      // The relay missed events: an audience member takes the room's view afresh.
      resumed: () => {
        if (this.access?.mode === 'audience') this.rejoinQuietly('the room service came back');
      },
      deaf: (deaf) => void this.local.setDeaf(deaf).then(() => {
        if (this.membership) this.membership.deaf = deaf;
      }, (error: unknown) => this.report(error)),
      aboutToExpire: (expires) => this.events.emit('tokenAboutToExpire', { expires }),
      fail: (reason, error) => this.connection.fail(reason, error),
      report: (error) => this.report(error),
    };
  }

  /** Room or member state the service pushed (room-session-state.ts turns it into events). */
  protected onSharedState(_change: StateChange): void {
    this.changed();
  }

  /** Promoted or demoted: the join is made anew in the new role (publishing, or only receiving). */
  private switchRole(mode: 'member' | 'audience'): void {
    const membership = this.membership;
    if (!membership || !this.connection.joined) return;
    this.events.emit(mode === 'member' ? 'memberPromoted' : 'memberDemoted', { memberId: membership.memberId });
    this.plan = planJoin(membership.options, this.joinParams);
    this.roleChanged = true;
    this.rejoinQuietly(`changing role to ${mode}`);
  }

  /** Joins anew with the same member id, announcing no reconnection (nothing broke). */
  private rejoinQuietly(why: string): void {
    const membership = this.membership;
    if (!membership || !this.connection.joined) return;
    membership.joinAfresh();
    this.reconnection.start('role', new Error(why), Math.max(membership.options.reconnectWindow, membership.options.timeout));
  }

  /** Before joining in the new role: capture what a member sends, or stop sending anything. */
  protected async beforeRecovering(attempt: Attempt, options: ResolvedOptions): Promise<void> {
    if (!this.roleChanged) return;
    const plan = this.plan!;
    this.local.publications.stop();
    if (plan.camera === false && plan.microphone === false) {
      await this.sources.leaveAll({ unreachable: false });
      this.local.release();
    } else {
      await this.local.capture(plan, options.localStream, attempt);
    }
    this.unpublished = true;
    this.roleChanged = false;
  }

  /** The permissions the room token grants (SignalWire names), while joined with one. */
  get permissions(): readonly string[] {
    return this.snapshot.service?.permissions ?? [];
  }

  /** `member` (publishes) or `audience` (only receives), while joined with a token; null otherwise. */
  get interactivityMode(): 'member' | 'audience' | null {
    return this.snapshot.service?.interactivityMode ?? null;
  }

  /** Whether the room is locked (SignalWire `lock()`), while joined with a token. */
  get locked(): boolean {
    return this.snapshot.service?.locked ?? false;
  }

  /** Audience members in the room (SignalWire `room.audience_count`), while joined with a token. */
  get audienceCount(): number {
    return this.snapshot.service?.audienceCount ?? 0;
  }

  /**
   * A control of a member's media: this member's own here; another's through the room service
   * (`serviceAction`), when joined with a token that grants it.
   */
  protected control(params: MemberParams | undefined, what: string, action: () => Promise<void>, serviceAction?: string): Promise<void> {
    return this.reporting(async () => {
      if (params !== undefined && (typeof params !== 'object' || params === null)) throw new RangeError('expected { memberId?: string }');
      const target = params?.memberId;
      if (target !== undefined && target !== this.membership?.memberId) {
        // Another member: the room service does it, if the token grants it.
        if (this.access && serviceAction && typeof target === 'string') return this.access.memberAction(target, serviceAction);
        throw new AccessTokenGrantsInvalidError(
          `${AccessTokenGrantsInvalidError.defaultMessage}: this client may only ${what} itself, not member "${String(target)}". Moderating others needs a room joined with a token from the room service`,
        );
      }
      await action();
      if (this.membership) this.membership.deaf = this.local.publications.deaf;
    });
  }

  /** The room service of this join; without one, what `what` needs cannot be done. */
  protected service(what: string): RoomAccess {
    if (!this.access || !this.active) {
      throw new AccessTokenGrantsInvalidError(
        `${AccessTokenGrantsInvalidError.defaultMessage}: ${what} needs a room joined with a token from the room service (janus-room-elements/server)`,
      );
    }
    return this.access;
  }

  protected target(params: { memberId?: unknown } | undefined, method: string, required: boolean): string {
    if (params !== undefined && (typeof params !== 'object' || params === null)) throw new RangeError(`${method}() takes { memberId }`);
    const memberId = params?.memberId ?? (required ? undefined : this.snapshot.memberId);
    if (typeof memberId !== 'string' || memberId === '') throw new RangeError(`${method}() needs { memberId: string }`);
    return memberId;
  }

  /** Removes a member from the room: it gets `room.left` with reason `kicked` (`room.member.remove`). */
  removeMember(params: { memberId: string }): Promise<void> {
    return this.reporting(() => this.service('removeMember()').memberAction(this.target(params, 'removeMember', true), 'remove'));
  }

  /** Removes every member, this one included: the room session ends (`room.member.remove`). */
  removeAllMembers(): Promise<void> {
    return this.reporting(() => this.service('removeAllMembers()').roomAction('remove_all'));
  }

  /** Ends the room for everyone (`room.hangup_all`). */
  hangupAll(): Promise<void> {
    return this.reporting(() => this.service('hangupAll()').roomAction('hangup_all'));
  }

  /** No new members may join until `unlock()` (`room.lock`): a joiner gets `RoomConnectFailedError` (53104). */
  lock(): Promise<void> {
    return this.reporting(() => this.service('lock()').roomAction('lock'));
  }

  unlock(): Promise<void> {
    return this.reporting(() => this.service('unlock()').roomAction('unlock'));
  }

  /** Makes an audience member a member: it joins anew, publishing (`room.member.promote`). */
  promote(params: { memberId: string }): Promise<void> {
    return this.reporting(() => this.service('promote()').memberAction(this.target(params, 'promote', true), 'promote'));
  }

  /** Makes a member (this one by default) audience: it stops publishing (`room.member.demote`). */
  demote(params?: { memberId?: string }): Promise<void> {
    return this.reporting(() => this.service('demote()').memberAction(this.target(params, 'demote', false), 'demote'));
  }

  /**
   * SignalWire's input volume. Janus VideoRoom relays media without mixing, so no volume can be
   * set at the server: rejects with a `NotSupportedError` (after checking the arguments).
   */
  setInputVolume(params: { memberId?: string; volume: number }): Promise<void> {
    return this.unsupportedVolume(params, 'setInputVolume');
  }

  /** SignalWire's output volume: not supported on Janus VideoRoom either (see `setInputVolume`). */
  setOutputVolume(params: { memberId?: string; volume: number }): Promise<void> {
    return this.unsupportedVolume(params, 'setOutputVolume');
  }

  private unsupportedVolume(params: { memberId?: string; volume: number }, method: string): Promise<void> {
    return this.reporting(async () => {
      if (typeof params !== 'object' || params === null) throw new RangeError(`${method}() needs { volume }`);
      checkVolume(params.volume, method);
      throw new DOMException(
        `${method}() is not supported: Janus VideoRoom forwards each member's media without mixing it, so there is no volume to set on the server. Set the volume of the media elements that play it instead`,
        'NotSupportedError',
      );
    });
  }

  /**
   * Replaces the room token (Twilio `updateToken`): joined, the room service swaps the Janus
   * tokens for ones that live as long as the new token; otherwise the next `join()` uses it.
   */
  updateToken(token: string): Promise<this> {
    return this.reporting(async () => {
      const claims = readRoomToken(token);
      if (this.access && this.active) {
        if (claims.identity !== this.access.claims.identity || claims.room !== this.access.claims.room) {
          throw new RangeError('updateToken() needs a token for the same room and identity');
        }
        await this.access.updateToken(token);
        this.changed();
      }
      this.optionsValue = { ...this.optionsValue, token };
      return this;
    });
  }
}

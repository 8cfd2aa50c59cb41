/**
 * Who is in the room for one join, kept from Janus's room events (or the room service's relay of
 * them): the roster, the dominant speaker, and the events that end the join (removed, the room
 * destroyed, another client with our identity) or concern this client (a moderator's mute).
 */
import { ParticipantDuplicateIdentityError, RoomCompletedError } from '../errors/errors.js';
import type { ParticipantEvent } from '../janus/videoroom/protocol.js';
import type { RoomOwnership } from './room-ownership.js';
import { EMPTY_ROSTER, duplicateIdentity, reduceRoster, type Roster } from './roster.js';
import { DominantSpeaker, talkersOf } from './speakers.js';
import type { LeaveReason } from './types.js';

export interface RoomEventsHooks {
  /** The roster changed (after the dominant speaker was updated). */
  changed(): void;
  /** Something ended the join. */
  fail(reason: LeaveReason, error?: Error): void;
  /** A moderator stopped (or let through again) one of this client's streams at Janus. */
  moderated(mid: string, muted: boolean): void;
}

export class RoomEvents {
  private value: Roster = EMPTY_ROSTER;
  private readonly speakers: DominantSpeaker;
  /** The join finished: from now on a newcomer with our identity ends it (Twilio's rule). */
  joined = false;
  /** The join ended: events are ignored. */
  closed = false;

  constructor(
    private readonly who: { room: string; identity: string; memberId: string },
    private readonly ownership: RoomOwnership,
    private readonly hooks: RoomEventsHooks,
    notify: () => void,
  ) {
    this.speakers = new DominantSpeaker(notify);
  }

  get roster(): Roster {
    return this.value;
  }

  /** The participant id of the dominant speaker among the others (Twilio), or null. */
  get dominantSpeaker(): string | null {
    return this.speakers.current;
  }

  /** Replaces the roster (a join's answer, a resync, a rejoin) and tells. */
  set(roster: Roster): void {
    this.value = roster;
    this.changed();
  }

  /** Replaces the roster without telling (the caller tells once it is done). */
  reset(roster: Roster): void {
    this.value = roster;
  }

  handle(event: ParticipantEvent): void {
    if (this.closed) return;
    const { room, identity, memberId } = this.who;
    if (event.type === 'removed') {
      if (event.reason === 'kicked') this.hooks.fail('kicked');
      else this.hooks.fail('room_destroyed', new RoomCompletedError('Room completed: the room was destroyed. Join another room'));
      return;
    }
    if (event.type === 'moderation' && event.id === memberId) this.hooks.moderated(event.mid, event.muted);
    if (this.joined && duplicateIdentity(this.value, event, identity, memberId)) {
      this.hooks.fail(
        'duplicate_identity',
        new ParticipantDuplicateIdentityError(
          `${ParticipantDuplicateIdentityError.defaultMessage}: another client joined room "${room}" as "${identity}". Give each client its own identity`,
        ),
      );
      return;
    }
    this.apply(event);
  }

  /** Applies an event without the checks of `handle` (the publishers a join's answer lists). */
  apply(event: ParticipantEvent): void {
    this.ownership.saw(event);
    this.value = reduceRoster(this.value, event, this.who.memberId);
    this.changed();
  }

  private changed(): void {
    this.speakers.update(...talkersOf(this.value));
    this.hooks.changed();
  }

  stop(): void {
    this.closed = true;
    this.speakers.stop();
  }
}

/**
 * Who is in the room and what each member publishes: immutable records and the pure reducers that
 * keep them (a Janus room event in, a new roster out). The local member's own publications are not
 * here: Janus never describes them to us (see publications.ts).
 */
import { decodeStreamState, type ParticipantEvent, type PublishedStream } from '../janus/videoroom/protocol.js';
import { memberKind, type MemberType } from './member-types.js';
import type { TrackKind, TrackSource } from './types.js';

/** An audio or video stream another member publishes. */
export interface RemoteStream {
  readonly mid: string;
  readonly kind: TrackKind;
  readonly source: TrackSource;
  /** Twilio's `trackName`. */
  readonly name: string;
  /** Muted by its member (it sends nothing meanwhile). */
  readonly muted: boolean;
  /** On a microphone: its member hears nobody (SignalWire `deaf`). */
  readonly deaf: boolean;
  /** A moderator stopped it at Janus (nothing of it reaches anyone meanwhile). */
  readonly moderated: boolean;
}

export interface MemberRecord {
  readonly id: string;
  /** Untrusted text. */
  readonly name: string;
  readonly local: boolean;
  /** A person, or one of a person's extra sources (member-types.ts). */
  readonly type: MemberType;
  /** The owner of an extra source. */
  readonly parentId?: string;
  /** Published audio and video streams, by the publisher's mid. */
  readonly streams: ReadonlyMap<string, RemoteStream>;
  /** Janus hears this member talk (its last `talking` / `stopped-talking` event). */
  readonly talking: boolean;
  /** The mid of its data stream, while it publishes one (Twilio data tracks). */
  readonly dataMid?: string;
  /** Known from before Janus restarted, and not back in the room yet (see `carriedOver`). */
  readonly reconnecting?: true;
}

/** Every member in join order, by id. */
export type Roster = ReadonlyMap<string, MemberRecord>;

export const EMPTY_ROSTER: Roster = new Map();

const NO_STREAMS: ReadonlyMap<string, RemoteStream> = new Map();

const SOURCES_OF: Record<TrackKind, readonly TrackSource[]> = { audio: ['microphone', 'screen_audio'], video: ['camera', 'screen'] };

function toRemoteStream(stream: PublishedStream, before: RemoteStream | undefined): RemoteStream | undefined {
  if (stream.disabled || (stream.type !== 'audio' && stream.type !== 'video')) return undefined;
  const state = decodeStreamState(stream.description, stream.type);
  // Withdrawn by its publisher (Twilio `unpublishTrack`): as good as unpublished.
  if (state.off) return undefined;
  // A source that does not fit the stream's kind is not believed.
  const source = SOURCES_OF[stream.type].includes(state.source) ? state.source : SOURCES_OF[stream.type][0]!;
  // Janus 1.1.2 re-announces the moderation of video streams only: what it does not say is kept.
  const moderated = stream.moderated ?? (before?.kind === stream.type ? before.moderated : false);
  return { mid: stream.mid, kind: stream.type, source, name: state.name ?? source, muted: state.muted, deaf: state.deaf, moderated };
}

const put = (roster: Roster, record: MemberRecord): Roster => new Map(roster).set(record.id, record);

/** Adds a member (its type and owner read from its id), or renames one already there. */
export function withMember(roster: Roster, id: string, name: string, local = false): Roster {
  const record = roster.get(id);
  if (!record) return put(roster, { id, name, local, ...memberKind(id), streams: NO_STREAMS, talking: false });
  if (record.reconnecting) {
    const { reconnecting: _, ...back } = record;
    return put(roster, { ...back, name: name || record.name });
  }
  return name && record.name !== name ? put(roster, { ...record, name }) : roster;
}

/**
 * The roster to start a new join of the same member with (after Janus restarted): this client
 * and its extra sources, and every other member as `reconnecting`, with what it published, until
 * Janus shows it again (`withMember` brings it back) or it is given up (`withoutReconnecting`).
 * So a restart is no leave and join for anyone who comes back.
 */
export function carriedOver(roster: Roster, self: string): Roster {
  const next = new Map<string, MemberRecord>();
  for (const record of roster.values()) {
    // This client's own extra sources join again with it (local-sources.ts).
    if (record.local) next.set(record.id, { ...record, talking: false });
    else next.set(record.id, { ...record, talking: false, reconnecting: true });
  }
  return next;
}

/** Gives up on the members that did not come back. */
export function withoutReconnecting(roster: Roster): Roster {
  if (![...roster.values()].some((r) => r.reconnecting)) return roster;
  return new Map([...roster].filter(([, record]) => !record.reconnecting));
}

/**
 * Removes a member. Janus's events remove only remote members: the local member leaves with the
 * session, and the local extra sources (`local: true`) when they leave themselves.
 */
export function withoutMember(roster: Roster, id: string, local = false): Roster {
  const record = roster.get(id);
  if (!record || record.local !== local) return roster;
  const next = new Map(roster);
  next.delete(id);
  return next;
}

/** Replaces what a remote member publishes. */
function withStreams(roster: Roster, id: string, streams: readonly PublishedStream[]): Roster {
  const record = roster.get(id);
  if (!record || record.local) return roster;
  const next = new Map<string, RemoteStream>();
  for (const stream of streams) {
    const remote = toRemoteStream(stream, record.streams.get(stream.mid));
    if (remote) next.set(remote.mid, remote);
  }
  const dataMid = streams.find((stream) => stream.type === 'data' && !stream.disabled)?.mid;
  if (next.size === 0 && record.streams.size === 0 && dataMid === record.dataMid) return roster;
  const { dataMid: _, ...rest } = record;
  return put(roster, { ...rest, streams: next, ...(dataMid === undefined ? {} : { dataMid }) });
}

/** This client, or one of its extra sources: Janus tells of them too, but they are kept locally. */
const isOwn = (id: string, self: string) => id === self || memberKind(id).parentId === self;

type Reducers = { [T in ParticipantEvent['type']]: (roster: Roster, event: Extract<ParticipantEvent, { type: T }>, self: string) => Roster };

/** Janus room event -> roster, one row per event type. */
const reducers: Reducers = {
  publishers: (roster, event, self) =>
    event.publishers.reduce(
      (next, publisher) =>
        isOwn(publisher.id, self) ? next : withStreams(withMember(next, publisher.id, publisher.display), publisher.id, publisher.streams),
      roster,
    ),
  joining: (roster, event, self) => (isOwn(event.attendee.id, self) ? roster : withMember(roster, event.attendee.id, event.attendee.display)),
  unpublished: (roster, event) => withStreams(roster, event.id, []),
  leaving: (roster, event) => withoutMember(roster, event.id),
  kicked: (roster, event) => withoutMember(roster, event.id),
  display: (roster, event) => (roster.has(event.id) ? withMember(roster, event.id, event.display) : roster),
  // About anyone, this client and its sources too: only Janus hears who talks.
  talking: (roster, event) => {
    const record = roster.get(event.id);
    return record && record.talking !== event.talking ? put(roster, { ...record, talking: event.talking }) : roster;
  },
  moderation: (roster, event) => {
    const record = roster.get(event.id);
    const stream = record?.streams.get(event.mid);
    if (!record || !stream || stream.moderated === event.muted) return roster;
    return put(roster, { ...record, streams: new Map(record.streams).set(event.mid, { ...stream, moderated: event.muted }) });
  },
  // Our own removal ends the session; the roster goes with it.
  removed: (roster) => roster,
};

/** The roster after a room event; `self` is the local member's id. */
export function reduceRoster(roster: Roster, event: ParticipantEvent, self: string): Roster {
  return (reducers[event.type] as (r: Roster, e: ParticipantEvent, s: string) => Roster)(roster, event, self);
}

/**
 * The roster caught up with who is in the room now (Janus `listparticipants`, after events were
 * missed): members gone are removed, silent newcomers added. Undefined when that is not enough:
 * someone started or stopped publishing, whose streams only a new join would describe.
 */
export function resynced(roster: Roster, present: ReadonlyArray<{ id: string; display: string; publisher: boolean }>, self: string): Roster | undefined {
  const now = new Map(present.map((p) => [p.id, p]));
  let next = roster;
  for (const record of roster.values()) {
    if (record.local) continue;
    const participant = now.get(record.id);
    if (!participant) next = withoutMember(next, record.id);
    else if (participant.publisher !== record.streams.size > 0) return undefined;
  }
  for (const participant of present) {
    if (next.has(participant.id) || isOwn(participant.id, self)) continue;
    if (participant.publisher) return undefined;
    next = withMember(next, participant.id, participant.display);
  }
  return next;
}

/**
 * Twilio's rule, seen from the older member: a person it did not know joins under its own
 * identity (a second join with the same identity disconnects the first).
 */
export function duplicateIdentity(roster: Roster, event: ParticipantEvent, identity: string, self: string): boolean {
  const newcomers = event.type === 'joining' ? [event.attendee] : event.type === 'publishers' ? event.publishers : [];
  return newcomers.some((m) => m.display === identity && !roster.has(m.id) && !isOwn(m.id, self) && memberKind(m.id).parentId === undefined);
}

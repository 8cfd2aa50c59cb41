/**
 * The one place room events come from: the difference between the last announced snapshot and
 * the new one. Pure: two snapshots in, the events between them out, in the order a listener
 * expects (a track goes before its publication, a member's tracks before the member).
 */
import { buildSnapshot, sameMember, type ModelParts } from './views.js';
import type { VideoLayout } from './layout.js';
import type { NetworkQualityLevel, NetworkQualityStats } from './network-quality.js';
import { MEMBER_UPDATABLE, type Member, type MemberUpdatable, type Participant, type RemoteTrack, type RoomSnapshot, type TrackPublication } from './types.js';

export interface TrackEvent {
  participant: Participant;
  publication: TrackPublication;
}

export type TrackEventWithTrack = TrackEvent & { track: RemoteTrack };

/** Events derived from snapshots (the lifecycle events `joined` and `left` are not). */
export type AnnouncedEvents = {
  /** Another member joined: a person, or an extra source (a screen share, a device) of anyone, this client's too. */
  memberJoined: { member: Member };
  memberLeft: { member: Member };
  /** Another person joined (Twilio: extra sources are tracks of their owner, not participants). */
  participantConnected: { participant: Participant };
  participantDisconnected: { participant: Participant };
  /** Another participant's media stopped arriving, or it has not come back yet after Janus restarted (Twilio). */
  participantReconnecting: { participant: Participant };
  participantReconnected: { participant: Participant };
  /** A member (this client too) started or stopped talking: `member.talking`. */
  memberTalking: { member: Member };
  /** A member's state changed (the local member's too); `updated` names the fields. */
  memberUpdated: { member: Member; updated: MemberUpdatable[] };
  membersChanged: { members: readonly Member[] };
  trackPublished: TrackEvent;
  trackUnpublished: TrackEvent;
  trackSubscribed: TrackEventWithTrack;
  trackUnsubscribed: TrackEventWithTrack;
  trackStarted: TrackEventWithTrack;
  /** A remote member muted (disabled) or unmuted (enabled) a track we receive. */
  trackDisabled: TrackEventWithTrack;
  trackEnabled: TrackEventWithTrack;
  /** Janus stopped relaying a track we receive (no tile shows it), or relays it again (Twilio). */
  trackSwitchedOff: TrackEventWithTrack;
  trackSwitchedOn: TrackEventWithTrack;
  mediaConnected: undefined;
  mediaDisconnected: undefined;
  /** Another participant became the dominant speaker, or none is (Twilio). */
  dominantSpeakerChanged: { dominantSpeaker: Participant | null };
  /** The layout, or who is where in it, changed (SignalWire). */
  layoutChanged: { layout: VideoLayout };
  /** A received video's size changed (Twilio): a simulcast layer switch, or the first frames. */
  trackDimensionsChanged: TrackEventWithTrack;
  /** A participant's network quality level changed (Twilio), this client's too. */
  networkQualityLevelChanged: { participant: Participant; networkQualityLevel: NetworkQualityLevel | null; networkQualityStats: NetworkQualityStats | null };
};

export type Announcement = { [K in keyof AnnouncedEvents]: { type: K; event: AnnouncedEvents[K] } }[keyof AnnouncedEvents];

const leftState = (participant: Participant): Participant => Object.freeze({ ...participant, state: 'disconnected' });

/**
 * The events that turn `prev` into `next`. Two vocabularies see the same change: SignalWire's
 * members (a screen share is a member of its own) and Twilio's participants (it is a track of
 * its owner). Leaving goes first (tracks, participants, members), then joining (members,
 * participants, tracks), then updates.
 */
export function announce(prev: RoomSnapshot, next: RoomSnapshot): Announcement[] {
  const out: Announcement[] = [];
  const prevMembers = new Map(prev.members.map((m) => [m.id, m]));
  const nextMembers = new Map(next.members.map((m) => [m.id, m]));
  // This client is announced by `room.joined`, not as a member joining.
  const others = (members: readonly Member[]) => members.filter((m) => m.id !== next.memberId && m.id !== prev.memberId);

  for (const [id, before] of prev.participants) {
    const after = next.participants.get(id);
    const participant = after ?? leftState(before);
    for (const publication of before.tracks.values()) {
      if (!after?.tracks.has(publication.trackSid)) removePublication(out, participant, publication);
    }
    if (!after) out.push({ type: 'participantDisconnected', event: { participant } });
  }
  for (const member of others(prev.members)) if (!nextMembers.has(member.id)) out.push({ type: 'memberLeft', event: { member } });
  for (const member of others(next.members)) if (!prevMembers.has(member.id)) out.push({ type: 'memberJoined', event: { member } });

  for (const [id, participant] of next.participants) {
    const before = prev.participants.get(id);
    if (!before) out.push({ type: 'participantConnected', event: { participant } });
    else if (before.state !== participant.state) {
      out.push({ type: participant.state === 'reconnecting' ? 'participantReconnecting' : 'participantReconnected', event: { participant } });
    }
    for (const publication of participant.tracks.values()) {
      const old = before?.tracks.get(publication.trackSid);
      if (!old) out.push({ type: 'trackPublished', event: { participant, publication } });
      trackChanges(out, { participant, publication }, old?.track ?? null, publication.track);
    }
  }

  for (const member of next.members) {
    const before = prevMembers.get(member.id);
    const updated = before ? MEMBER_UPDATABLE.filter((key) => before[key] !== member[key]) : [];
    if (updated.length > 0) out.push({ type: 'memberUpdated', event: { member, updated } });
    if ((before?.talking ?? false) !== member.talking) out.push({ type: 'memberTalking', event: { member } });
  }

  if (prev.members.length !== next.members.length || prev.members.some((m, i) => !sameMember(m, next.members[i]!))) {
    out.push({ type: 'membersChanged', event: { members: next.members } });
  }
  if (prev.dominantSpeakerId !== next.dominantSpeakerId) {
    const dominantSpeaker = next.dominantSpeakerId === null ? null : next.participants.get(next.dominantSpeakerId)!;
    out.push({ type: 'dominantSpeakerChanged', event: { dominantSpeaker } });
  }
  if (prev.layout !== next.layout) out.push({ type: 'layoutChanged', event: { layout: next.layout } });
  for (const participant of [next.localParticipant, ...next.participants.values()]) {
    if (!participant) continue;
    const before = participant.sid === next.localParticipant?.sid ? prev.localParticipant : prev.participants.get(participant.sid);
    if ((before?.networkQualityLevel ?? null) === participant.networkQualityLevel) continue;
    const { networkQualityLevel, networkQualityStats } = participant;
    out.push({ type: 'networkQualityLevelChanged', event: { participant, networkQualityLevel, networkQualityStats } });
  }
  if (!prev.mediaConnected && next.mediaConnected) out.push({ type: 'mediaConnected', event: undefined });
  if (prev.mediaConnected && !next.mediaConnected) out.push({ type: 'mediaDisconnected', event: undefined });
  return out;
}

function removePublication(out: Announcement[], participant: Participant, publication: TrackPublication): void {
  if (publication.track) out.push({ type: 'trackUnsubscribed', event: { participant, publication, track: publication.track } });
  out.push({ type: 'trackUnpublished', event: { participant, publication } });
}

/** Subscribed, unsubscribed (a track replaced on the same publication) and started. */
function trackChanges(out: Announcement[], base: TrackEvent, before: RemoteTrack | null, after: RemoteTrack | null): void {
  const same = before !== null && after !== null && before.mediaStreamTrack === after.mediaStreamTrack;
  if (before && !same) out.push({ type: 'trackUnsubscribed', event: { ...base, track: before } });
  if (!after) return;
  if (!same) out.push({ type: 'trackSubscribed', event: { ...base, track: after } });
  if (after.isStarted && !(same && before.isStarted)) out.push({ type: 'trackStarted', event: { ...base, track: after } });
  // Twilio tells of a track's enabled state only once it is subscribed (`isEnabled` covers the rest).
  if (same && before.isEnabled !== after.isEnabled) out.push({ type: after.isEnabled ? 'trackEnabled' : 'trackDisabled', event: { ...base, track: after } });
  if (same && before.isSwitchedOff !== after.isSwitchedOff) {
    out.push({ type: after.isSwitchedOff ? 'trackSwitchedOff' : 'trackSwitchedOn', event: { ...base, track: after } });
  }
  const resized = after.dimensions !== null && (before?.dimensions?.width !== after.dimensions.width || before.dimensions.height !== after.dimensions.height);
  if (same && resized) out.push({ type: 'trackDimensionsChanged', event: { ...base, track: after } });
}

const NO_LAYOUT: VideoLayout = Object.freeze({ name: 'grid-responsive', room_session_id: '', room_id: '', layers: [] });

/**
 * What counts as already announced when the room is joined: the members and what they publish
 * (Twilio announces neither for a room just joined), but no tracks, no media connection and no
 * layout, so those are announced right after `room.joined` (SignalWire sends the first layout).
 */
export function baselineAtJoin(snapshot: RoomSnapshot): RoomSnapshot {
  const participants = new Map<string, Participant>();
  for (const [id, participant] of snapshot.participants) {
    const strip = (publications: ReadonlyMap<string, TrackPublication>) =>
      new Map([...publications].map(([sid, p]) => [sid, { ...p, isSubscribed: false, track: null }]));
    participants.set(id, {
      ...participant,
      tracks: strip(participant.tracks),
      audioTracks: strip(participant.audioTracks),
      videoTracks: strip(participant.videoTracks),
    });
  }
  return { ...snapshot, participants, mediaConnected: false, layout: NO_LAYOUT };
}

/**
 * Turns the model's changes into snapshots and events: a snapshot is built on demand (once per
 * change), `state` goes out once per batch of changes (a microtask), and while joined the events
 * between the last announced snapshot and the new one follow.
 */
export class Announcer {
  private readonly parts: () => ModelParts;
  private readonly emit: (type: string, event: unknown) => void;
  private cache: RoomSnapshot | undefined;
  private last: RoomSnapshot | undefined;
  /** The snapshot events were last derived from, while joined. */
  private announced: RoomSnapshot | undefined;
  private queued = false;

  constructor(parts: () => ModelParts, emit: (type: string, event: unknown) => void) {
    this.parts = parts;
    this.emit = emit;
  }

  /** The current snapshot (unchanged members and media keep their objects). */
  get snapshot(): RoomSnapshot {
    this.cache ??= this.last = buildSnapshot(this.parts(), this.last);
    return this.cache;
  }

  /** Something changed: a new snapshot, and its events, after the current microtask. */
  changed(): void {
    this.cache = undefined;
    if (this.queued) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      const snapshot = this.snapshot;
      this.emit('state', snapshot);
      if (!this.announced || (snapshot.state !== 'connected' && snapshot.state !== 'reconnecting')) return;
      const announcements = announce(this.announced, snapshot);
      this.announced = snapshot;
      for (const { type, event } of announcements) this.emit(type, event);
    });
  }

  /** Joined: events start, from what `baselineAtJoin` counts as already known. */
  start(snapshot: RoomSnapshot): void {
    this.announced = baselineAtJoin(snapshot);
  }

  /** Left: events stop. Returns whether `media.connected` had been announced (so its end is due). */
  stop(): boolean {
    const wasConnected = this.announced?.mediaConnected === true;
    this.announced = undefined;
    return wasConnected;
  }
}

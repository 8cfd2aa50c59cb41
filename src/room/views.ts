/**
 * Frozen views of the room model: SignalWire member entities, Twilio participants, publications
 * and tracks, and the snapshot elements render from. Pure: parts in, new objects out (unchanged
 * members and media keep their previous objects, so renderers can compare by identity).
 */
import { computeLayout, sameLayers, type LayoutSettings, type VideoLayout } from './layout.js';
import type { Dimensions, NetworkQuality } from './link-monitor.js';
import { sourceSuffix } from './member-types.js';
import type { LocalPublications } from './publications.js';
import type { MemberRecord, Roster } from './roster.js';
import type { SharedMember } from '../service/shared-state.js';
import type { RemoteTracks } from './subscriptions.js';
import type {
  ServiceState,
  ConnectionState,
  LocalState,
  Member,
  MemberMedia,
  Participant,
  RemoteTrack,
  RoomSnapshot,
  TrackKind,
  TrackPublication,
  TrackSource,
} from './types.js';

export interface ModelParts {
  readonly state: ConnectionState;
  /** The room being joined or joined. */
  readonly room: string | null;
  /** Its friendly name (the Janus description), once joined. Untrusted text. */
  readonly roomName: string | null;
  readonly memberId: string | null;
  readonly roster: Roster;
  /** What this client publishes, by member id: its own, and each of its extra sources'. */
  readonly local: ReadonlyMap<string, LocalPublications>;
  readonly remote: RemoteTracks;
  readonly localStream: MediaStream | null;
  readonly mediaConnected: boolean;
  /** Other participants whose media stopped arriving (by participant id). */
  readonly reconnecting: ReadonlySet<string>;
  readonly self: LocalState;
  /** The dominant speaker's participant id. */
  readonly dominantSpeaker: string | null;
  readonly layout: LayoutSettings;
  readonly networkQuality: ReadonlyMap<string, NetworkQuality>;
  /** Received videos' sizes, by track id. */
  readonly dimensions: ReadonlyMap<string, Dimensions>;
  readonly service: ServiceState | null;
  /** Each member's metadata and hand, from the room service (by member id). */
  readonly shared: ReadonlyMap<string, SharedMember>;
}

const NO_META: Readonly<Record<string, unknown>> = Object.freeze({});

/** One source of a member as the views need it. */
interface SourceView {
  readonly mid: string;
  readonly kind: TrackKind;
  readonly source: TrackSource;
  readonly name: string;
  readonly track: MediaStreamTrack | null;
  readonly started: boolean;
  readonly muted: boolean;
  readonly deaf: boolean;
  readonly switchedOff: boolean;
}

/**
 * Twilio's `trackName`: the source (or the name another client gave it); an extra source's
 * tracks add its id's suffix, since they count as its owner's and names are unique per owner
 * (`screen-1f2e3d4c`, `screen-audio-1f2e3d4c`, `camera-5a6b7c8d`).
 */
function trackName(record: MemberRecord, name: string): string {
  return record.parentId === undefined ? name : `${name.replace('_', '-')}-${sourceSuffix(record.id)}`;
}

function sourcesOf(record: MemberRecord, parts: ModelParts): SourceView[] {
  if (record.local) {
    const own = record.id === parts.memberId;
    return [...(parts.local.get(record.id)?.values() ?? [])].map(({ mid, kind, source, track, muted }) => ({
      mid,
      kind,
      source,
      name: trackName(record, source),
      track,
      started: true,
      muted,
      deaf: own && source === 'microphone' && parts.self.deaf,
      switchedOff: false,
    }));
  }
  const received = parts.remote.get(record.id);
  return [...record.streams.values()].map(({ mid, kind, source, name, muted, moderated, deaf }) => {
    const entry = received?.get(mid);
    const track = entry?.track ?? null;
    return { mid, kind, source, name: trackName(record, name), track, started: entry?.started ?? false, muted: muted || moderated, deaf, switchedOff: entry?.switchedOff ?? false };
  });
}

export function memberOf(record: MemberRecord, parts: ModelParts): Member {
  const room = parts.room ?? '';
  const sources = sourcesOf(record, parts);
  const sending = new Set(sources.filter((s) => !s.muted).map((s) => s.kind));
  return Object.freeze({
    id: record.id,
    name: record.name,
    type: record.type,
    ...(record.parentId === undefined ? {} : { parent_id: record.parentId }),
    room_id: room,
    room_session_id: room,
    visible: true,
    audio_muted: !sending.has('audio'),
    video_muted: !sending.has('video'),
    deaf: record.id === parts.memberId ? parts.self.deaf : sources.some((s) => s.deaf),
    // Janus tells no one when a muted member stops sending, so it never hears it stop talking.
    talking: record.talking && sending.has('audio'),
    local: record.local,
    meta: parts.shared.get(record.id)?.meta ?? NO_META,
    handraised: parts.shared.get(record.id)?.handraised ?? false,
  });
}

/** With hands prioritised (SignalWire `setPrioritizeHandraise`), raised hands first, in the order they went up. */
function layoutOrder(members: readonly Member[], parts: ModelParts): readonly Member[] {
  if (!parts.service?.prioritizeHandraise) return members;
  const raisedAt = (m: Member) => (m.handraised ? (parts.shared.get(m.id)?.handraisedAt ?? 0) : Infinity);
  return members.map((m, i) => [m, i] as const).sort(([a, i], [b, j]) => raisedAt(a) - raisedAt(b) || i - j).map(([m]) => m);
}

function trackOf(memberId: string, source: SourceView, track: MediaStreamTrack, parts: ModelParts): RemoteTrack {
  const dimensions = source.kind === 'video' ? (parts.dimensions.get(track.id) ?? null) : null;
  return Object.freeze({
    sid: `${memberId}:${source.mid}`,
    name: source.name,
    kind: source.kind,
    mediaStreamTrack: track,
    isStarted: source.started,
    isEnabled: !source.muted,
    isSwitchedOff: source.switchedOff,
    dimensions,
  });
}

function publicationOf(memberId: string, source: SourceView, parts: ModelParts): TrackPublication {
  return Object.freeze({
    trackSid: `${memberId}:${source.mid}`,
    trackName: source.name,
    kind: source.kind,
    isSubscribed: source.track !== null,
    isTrackEnabled: !source.muted,
    track: source.track ? trackOf(memberId, source, source.track, parts) : null,
  });
}

/**
 * A remote person as Twilio's `RemoteParticipant`: in Twilio a screen share or a second camera is
 * a track of its owner, so `records` are the person and its extra sources. (An extra source
 * whose owner Janus has not shown, in a room without `notify_joining`, stands for its owner.)
 */
function participantOf(sid: string, records: readonly MemberRecord[], parts: ModelParts): Participant {
  const publications = records.flatMap((record) => sourcesOf(record, parts).map((source) => publicationOf(record.id, source, parts)));
  const quality = parts.networkQuality.get(sid);
  const byKind = (kind?: TrackKind) => new Map(publications.filter((p) => !kind || p.kind === kind).map((p) => [p.trackSid, p]));
  return Object.freeze({
    sid,
    identity: (records.find((record) => record.id === sid) ?? records[0]!).name,
    state: records.some((record) => record.reconnecting) || parts.reconnecting.has(sid) ? 'reconnecting' : 'connected',
    tracks: byKind(),
    audioTracks: byKind('audio'),
    videoTracks: byKind('video'),
    networkQualityLevel: quality?.level ?? null,
    networkQualityStats: quality?.stats ?? null,
  });
}

/** The members by the participant they belong to (a person, with its extra sources): remote or local ones. */
function participantGroups(roster: Roster, local = false): Map<string, MemberRecord[]> {
  const groups = new Map<string, MemberRecord[]>();
  for (const record of roster.values()) {
    if (record.local !== local) continue;
    const sid = record.parentId ?? record.id;
    if (!groups.has(sid)) groups.set(sid, []);
    groups.get(sid)!.push(record);
  }
  return groups;
}

function mediaOf(record: MemberRecord, parts: ModelParts): MemberMedia {
  const sources = new Map<TrackSource, MediaStreamTrack>();
  const switchedOff = new Set<MediaStreamTrack>();
  // A muted track shows nothing (a remote one would freeze on its last frame).
  for (const source of sourcesOf(record, parts)) {
    if (!source.track || source.muted) continue;
    sources.set(source.source, source.track);
    if (source.switchedOff) switchedOff.add(source.track);
  }
  const video = sources.get('camera') ?? sources.get('screen') ?? null;
  return Object.freeze({
    audio: sources.get('microphone') ?? sources.get('screen_audio') ?? null,
    video,
    videoSwitchedOff: video !== null && switchedOff.has(video),
    sources,
  });
}

export function sameMember(a: Member, b: Member): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof Member)[]);
  return [...keys].every((key) => a[key] === b[key]);
}

function sameMedia(a: MemberMedia, b: MemberMedia): boolean {
  return (
    a.videoSwitchedOff === b.videoSwitchedOff &&
    a.sources.size === b.sources.size &&
    [...a.sources].every(([source, track]) => b.sources.get(source) === track)
  );
}

function sameLocal(a: LocalState | undefined, b: LocalState): boolean {
  return a !== undefined && (Object.keys(b) as (keyof LocalState)[]).every((key) => a[key] === b[key]);
}

/** The snapshot of `parts`, reusing `previous`'s objects where nothing changed. */
export function buildSnapshot(parts: ModelParts, previous?: RoomSnapshot): RoomSnapshot {
  const members: Member[] = [];
  const media = new Map<string, MemberMedia>();
  const participants = new Map<string, Participant>();
  const before = new Map(previous?.members.map((m) => [m.id, m]));
  for (const record of parts.roster.values()) {
    const member = memberOf(record, parts);
    const old = before.get(record.id);
    members.push(old && sameMember(old, member) ? old : member);
    const memberMedia = mediaOf(record, parts);
    const oldMedia = previous?.media.get(record.id);
    media.set(record.id, oldMedia && sameMedia(oldMedia, memberMedia) ? oldMedia : memberMedia);
  }
  for (const [sid, records] of participantGroups(parts.roster)) participants.set(sid, participantOf(sid, records, parts));
  const ownRecords = parts.memberId === null ? undefined : participantGroups(parts.roster, true).get(parts.memberId);
  const active = parts.state === 'connected' || parts.state === 'reconnecting';
  const dominantSpeakerId = parts.dominantSpeaker !== null && participants.has(parts.dominantSpeaker) ? parts.dominantSpeaker : null;
  const computed = computeLayout(parts.layout, layoutOrder(members, parts), dominantSpeakerId);
  const room = active ? parts.room : null;
  const sameLayout = previous && previous.layout.name === computed.name && previous.layout.room_id === (room ?? '') && sameLayers(previous.layout.layers, computed.layers);
  const layout: VideoLayout = sameLayout
    ? previous.layout
    : Object.freeze({ name: computed.name, room_session_id: room ?? '', room_id: room ?? '', layers: Object.freeze(computed.layers.map((l) => Object.freeze(l))) });
  return Object.freeze({
    state: parts.state,
    roomId: active ? parts.room : null,
    roomSessionId: active ? parts.room : null,
    roomName: active ? parts.roomName : null,
    memberId: active ? parts.memberId : null,
    members: Object.freeze(members),
    media,
    participants,
    localParticipant: ownRecords ? participantOf(parts.memberId!, ownRecords, parts) : null,
    networkQuality: parts.networkQuality,
    localStream: parts.localStream,
    mediaConnected: parts.mediaConnected,
    dominantSpeakerId,
    layout,
    layoutPage: { page: computed.page + 1, pages: computed.pages },
    hideVideoMuted: parts.layout.hideVideoMuted,
    self: sameLocal(previous?.self, parts.self) ? previous!.self : Object.freeze({ ...parts.self }),
    service: active ? parts.service : null,
  });
}

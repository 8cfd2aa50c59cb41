/**
 * Twilio Video's participants: `tracks`, `audioTracks`, `videoTracks` and `dataTracks` (maps of
 * publications by track sid), `state`, the network quality, and their events. The
 * `LocalParticipant` publishes and unpublishes through the room model (`RoomSession`); remote
 * participants change only as room.ts tells them.
 */
import { NodeEmitter as EventEmitter } from '../util/node-emitter.js';
import { LocalDataTrack } from '../room/data-tracks.js';
import type { NetworkQualityLevel, NetworkQualityStats } from '../room/network-quality.js';
import type { RoomSession } from '../room/room-session.js';
import { warnOnce } from '../util/warn.js';
import { LocalTrackPublication, RemoteTrackPublication } from './publications.js';
import { LocalAudioTrack, LocalMediaTrack, LocalVideoTrack } from './tracks.js';

/** Events twilio-video 1.x had, forwarded from their 2.x successors with a warning. */
const DEPRECATED_EVENTS: Record<string, string> = { trackAdded: 'trackSubscribed', trackRemoved: 'trackUnsubscribed' };

/** An emitter that warns once when a deprecated event gets a listener (Participant and Room). */
export class TwilioEmitter extends EventEmitter {
  override on(event: string | symbol, listener: (...args: any[]) => void): this {
    warnDeprecated(event);
    return super.on(event, listener);
  }

  /** Emits a track event, and its deprecated 1.x name too. */
  emitTrack(event: string, ...args: unknown[]): void {
    this.emit(event, ...args);
    const old = Object.keys(DEPRECATED_EVENTS).find((name) => DEPRECATED_EVENTS[name] === event);
    if (old) this.emit(old, ...args);
  }
}

function warnDeprecated(event: string | symbol): void {
  const successor = typeof event === 'string' ? DEPRECATED_EVENTS[event] : undefined;
  if (successor) warnOnce(`the "${String(event)}" event is deprecated (twilio-video 1.x): listen to "${successor}"`);
}

type AnyPublication = LocalTrackPublication | RemoteTrackPublication;

export abstract class Participant<P extends AnyPublication = AnyPublication> extends TwilioEmitter {
  readonly sid: string;
  readonly identity: string;
  state: 'connected' | 'reconnecting' | 'disconnected' = 'connected';
  networkQualityLevel: NetworkQualityLevel | null = null;
  networkQualityStats: NetworkQualityStats | null = null;
  readonly tracks = new Map<string, P>();
  readonly audioTracks = new Map<string, P>();
  readonly videoTracks = new Map<string, P>();
  readonly dataTracks = new Map<string, P>();

  constructor(sid: string, identity: string) {
    super();
    this.sid = sid;
    this.identity = identity;
  }

  /** @deprecated The publications under their twilio-video beta name: use `tracks`. */
  get trackPublications(): Map<string, P> {
    return this.tracks;
  }

  /** @internal */
  addPublication(publication: P): void {
    this.tracks.set(publication.trackSid, publication);
    this.byKind(publication.kind).set(publication.trackSid, publication);
  }

  /** @internal */
  removePublication(trackSid: string): P | undefined {
    const publication = this.tracks.get(trackSid);
    if (!publication) return undefined;
    this.tracks.delete(trackSid);
    this.byKind(publication.kind).delete(trackSid);
    return publication;
  }

  /** @internal */
  setState(state: 'connected' | 'reconnecting' | 'disconnected'): void {
    if (this.state === state) return;
    this.state = state;
    this.emit(state === 'connected' ? 'reconnected' : state, this);
  }

  /** @internal */
  setNetworkQuality(level: NetworkQualityLevel | null, stats: NetworkQualityStats | null): void {
    this.networkQualityLevel = level;
    this.networkQualityStats = stats;
    this.emit('networkQualityLevelChanged', level, stats);
  }

  private byKind(kind: string): Map<string, P> {
    return kind === 'audio' ? this.audioTracks : kind === 'video' ? this.videoTracks : this.dataTracks;
  }
}

export class RemoteParticipant extends Participant<RemoteTrackPublication> {}

export interface NetworkQualityConfiguration {
  local?: number;
  remote?: number;
}

type PublishableTrack = LocalMediaTrack | LocalDataTrack | MediaStreamTrack;

export class LocalParticipant extends Participant<LocalTrackPublication> {
  private readonly session: RoomSession;
  private qualityConfiguration: Required<NetworkQualityConfiguration> = { local: 1, remote: 0 };
  /** Tracks whose events this participant repeats (published again, they are not repeated twice). */
  private readonly forwarded = new WeakSet<LocalMediaTrack>();

  constructor(session: RoomSession, sid: string, identity: string) {
    super(sid, identity);
    this.session = session;
  }

  get networkQualityConfiguration(): Required<NetworkQualityConfiguration> {
    return { ...this.qualityConfiguration };
  }

  /**
   * Publishes a local track (or a MediaStreamTrack, wrapped in one): resolves with its
   * publication once the others can subscribe. A camera or microphone takes the place of the one
   * published before (Janus publishes one of each per participant; extra cameras are
   * `RoomSession.addCamera()`). Rejects, and emits `trackPublicationFailed`, when it fails.
   */
  async publishTrack(track: PublishableTrack, options: { name?: string; priority?: 'low' | 'standard' | 'high' } = {}): Promise<LocalTrackPublication> {
    const local = toLocalTrack(track, options.name);
    try {
      if (local.kind === 'data') {
        await this.session.publishTrack(local);
        return this.published(local, `${this.sid}:${local.id}`);
      }
      const existing = [...this.tracks.values()].find((p) => p.track === local);
      if (existing) return existing;
      await this.session.publishTrack(local.mediaStreamTrack);
      // It took the place of the camera (or microphone) published before.
      const replaced = [...this.tracks.values()].find((p) => p.kind === local.kind);
      if (replaced) this.unpublished(replaced);
      if (!local.isEnabled) await this.setSending(local.kind, false);
      return this.published(local, this.trackSidOf(local.kind) ?? `${this.sid}:${local.id}`);
    } catch (error) {
      this.emit('trackPublicationFailed', error, local);
      throw error;
    }
  }

  publishTracks(tracks: PublishableTrack[]): Promise<LocalTrackPublication[]> {
    if (!Array.isArray(tracks)) throw new TypeError('publishTracks() takes an array of tracks');
    return Promise.all(tracks.map((track) => this.publishTrack(track)));
  }

  /** Stops publishing a track (not stopping it): the others see `trackUnpublished`. Returns its publication, or null. */
  unpublishTrack(track: PublishableTrack): LocalTrackPublication | null {
    const publication = [...this.tracks.values()].find((p) => p.track === track || (p.track.kind !== 'data' && p.track.mediaStreamTrack === track));
    if (!publication) return null;
    const published = publication.track;
    if (published.kind === 'data') this.session.unpublishTrack(published);
    else this.session.unpublishTrack(published.mediaStreamTrack);
    this.unpublished(publication);
    return publication;
  }

  private unpublished(publication: LocalTrackPublication): void {
    const track = publication.track;
    if (track.kind !== 'data') {
      track.publishHook = undefined;
      track.enableHook = undefined;
    }
    this.removePublication(publication.trackSid);
    this.emit('trackUnpublished', publication);
  }

  unpublishTracks(tracks: PublishableTrack[]): LocalTrackPublication[] {
    return tracks.map((track) => this.unpublishTrack(track)).filter((p): p is LocalTrackPublication => p !== null);
  }

  /**
   * Twilio's network quality verbosity (1 to 3): accepted and kept; the level is measured the
   * same way whatever it says (from this client's own statistics and Janus's reports).
   */
  setNetworkQualityConfiguration(configuration: NetworkQualityConfiguration): this {
    if (typeof configuration !== 'object' || configuration === null) throw new TypeError('setNetworkQualityConfiguration() takes { local, remote }');
    for (const key of ['local', 'remote'] as const) {
      const value = configuration[key];
      if (value !== undefined && (!Number.isInteger(value) || value < 0 || value > 3)) throw new RangeError(`networkQuality.${key} must be 0, 1, 2 or 3, not ${JSON.stringify(value)}`);
    }
    this.qualityConfiguration = { ...this.qualityConfiguration, ...configuration };
    return this;
  }

  /** @internal The sid the room model gives this client's published camera (`video`) or microphone (`audio`). */
  trackSidOf(kind: 'audio' | 'video'): string | undefined {
    return [...(this.session.snapshot.localParticipant?.tracks.values() ?? [])].find((p) => p.kind === kind)?.trackSid;
  }

  /** @internal A track published (at connect, or by `publishTrack`). */
  published(track: LocalMediaTrack | LocalDataTrack, trackSid: string): LocalTrackPublication {
    const publication = new LocalTrackPublication(trackSid, track, () => this.unpublishTrack(track));
    if (track.kind !== 'data') {
      track.publishHook = (next) => this.session.publishTrack(next).then(() => undefined);
      track.enableHook = (enabled) => this.setSending(track.kind, enabled);
      if (!this.forwarded.has(track)) {
        this.forwarded.add(track);
        for (const event of ['started', 'stopped', 'enabled', 'disabled', 'dimensionsChanged']) {
          const name = `track${event[0]!.toUpperCase()}${event.slice(1)}`;
          track.on(event, () => this.emit(name, track));
        }
      }
    }
    this.addPublication(publication);
    this.emit('trackPublished', publication);
    return publication;
  }

  private setSending(kind: 'audio' | 'video', enabled: boolean): Promise<void> {
    if (kind === 'audio') return enabled ? this.session.audioUnmute() : this.session.audioMute();
    return enabled ? this.session.videoUnmute() : this.session.videoMute();
  }
}

function toLocalTrack(track: PublishableTrack, name: string | undefined): LocalMediaTrack | LocalDataTrack {
  if (track instanceof LocalMediaTrack || track instanceof LocalDataTrack) return track;
  if (typeof MediaStreamTrack !== 'undefined' && track instanceof MediaStreamTrack) {
    const options = name ? { name } : {};
    return track.kind === 'audio' ? new LocalAudioTrack(track, options) : new LocalVideoTrack(track, options);
  }
  throw new TypeError('publishTrack() takes a LocalAudioTrack, LocalVideoTrack, LocalDataTrack or MediaStreamTrack');
}

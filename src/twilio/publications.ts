/**
 * Twilio Video's track publications. A `RemoteTrackPublication` is subscribed (`track` set,
 * `subscribed`) or not; a `LocalTrackPublication` carries the media warnings
 * (`warning('recording-media-lost')`, `warningsCleared`). Both forward `detach()` / `stop()` to
 * their track, with a warning: twilio-video 1.x kept tracks where 2.x keeps publications, and
 * code from those days calls them on what `participant.tracks` holds.
 */
import { NodeEmitter as EventEmitter } from '../util/node-emitter.js';
import type { LocalDataTrack } from '../room/data-tracks.js';
import { warnOnce } from '../util/warn.js';
import type { LocalMediaTrack, RemoteDataTrack, RemoteMediaTrack } from './tracks.js';

type Kind = 'audio' | 'video' | 'data';
type Element = HTMLAudioElement | HTMLVideoElement;

abstract class Publication<T extends { kind: Kind; detach?: () => Element[] }> extends EventEmitter {
  readonly trackSid: string;
  readonly trackName: string;
  readonly kind: Kind;
  abstract readonly track: T | null;

  constructor(trackSid: string, trackName: string, kind: Kind) {
    super();
    this.trackSid = trackSid;
    this.trackName = trackName;
    this.kind = kind;
  }

  /** @deprecated twilio-video 1.x: call `publication.track.detach()`. */
  detach(): Element[] {
    warnOnce('detach() on a publication is deprecated (twilio-video 1.x): call publication.track.detach()');
    return this.track?.detach?.() ?? [];
  }
}

export class LocalTrackPublication extends Publication<LocalMediaTrack | LocalDataTrack> {
  readonly track: LocalMediaTrack | LocalDataTrack;
  /** Twilio's publish priority: kept, not acted on. */
  priority: 'low' | 'standard' | 'high' = 'standard';
  private readonly unpublishHook: () => void;
  private warnings = new Set<string>();

  constructor(trackSid: string, track: LocalMediaTrack | LocalDataTrack, unpublish: () => void) {
    super(trackSid, track.name, track.kind);
    this.track = track;
    this.unpublishHook = unpublish;
  }

  get isTrackEnabled(): boolean {
    return this.track.kind === 'data' ? true : this.track.isEnabled;
  }

  /** Stops publishing the track (`localParticipant.unpublishTrack(track)`). */
  unpublish(): this {
    this.unpublishHook();
    return this;
  }

  setPriority(priority: 'low' | 'standard' | 'high'): this {
    if (!['low', 'standard', 'high'].includes(priority)) throw new RangeError(`setPriority() takes "low", "standard" or "high", not ${JSON.stringify(priority)}`);
    this.priority = priority;
    return this;
  }

  /** @deprecated twilio-video 1.x: call `publication.track.stop()`. */
  stop(): void {
    warnOnce('stop() on a publication is deprecated (twilio-video 1.x): call publication.track.stop()');
    if (this.track.kind !== 'data') this.track.stop();
  }

  /** @internal A media warning is raised (`name`), or every warning cleared (`undefined`). */
  setWarning(name: string | undefined): void {
    if (name !== undefined) {
      if (this.warnings.has(name)) return;
      this.warnings.add(name);
      this.emit('warning', name);
    } else if (this.warnings.size > 0) {
      this.warnings.clear();
      this.emit('warningsCleared');
    }
  }
}

export class RemoteTrackPublication extends Publication<RemoteMediaTrack | RemoteDataTrack> {
  track: RemoteMediaTrack | RemoteDataTrack | null = null;
  isTrackEnabled: boolean;
  /** Twilio's publish priority of the sender: always `standard` (Janus has none). */
  readonly publishPriority = 'standard';

  constructor(trackSid: string, trackName: string, kind: Kind, enabled: boolean) {
    super(trackSid, trackName, kind);
    this.isTrackEnabled = enabled;
  }

  get isSubscribed(): boolean {
    return this.track !== null;
  }

  /** @internal */
  subscribed(track: RemoteMediaTrack | RemoteDataTrack): void {
    this.track = track;
    this.emit('subscribed', track);
  }

  /** @internal */
  unsubscribed(): void {
    const track = this.track;
    if (!track) return;
    this.track = null;
    this.emit('unsubscribed', track);
  }

  /** @internal */
  setTrackEnabled(enabled: boolean): void {
    if (this.isTrackEnabled === enabled) return;
    this.isTrackEnabled = enabled;
    this.emit(enabled ? 'trackEnabled' : 'trackDisabled');
  }
}

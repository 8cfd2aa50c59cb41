/**
 * Twilio Video's tracks over the room model: `attach()` / `detach()` media elements, the local
 * tracks' `enable()` / `disable()` / `restart()` / `stop()`, and the events `started`, `stopped`,
 * `enabled`, `disabled`, `dimensionsChanged`, `switchedOff`, `switchedOn` and `message`. Remote
 * tracks change only as the room model says (room.ts calls their `@internal` setters).
 */
import { NodeEmitter as EventEmitter } from '../util/node-emitter.js';
import { TrackInvalidError } from '../errors/errors.js';
import type { Dimensions } from '../room/link-monitor.js';

export type { Dimensions };
type Kind = 'audio' | 'video';
type MediaElement = HTMLAudioElement | HTMLVideoElement;

let trackCount = 0;

/** What every media track has: its MediaStreamTrack, state, and the elements it is attached to. */
export abstract class MediaTrack extends EventEmitter {
  abstract readonly kind: Kind;
  readonly name: string;
  isStarted = false;
  isEnabled = true;
  /** A video's size (null for audio, and until known). */
  dimensions: Dimensions | null = null;
  protected mst: MediaStreamTrack;
  private readonly elements = new Set<MediaElement>();

  constructor(mediaStreamTrack: MediaStreamTrack, name: string | undefined) {
    super();
    this.mst = mediaStreamTrack;
    this.name = name || mediaStreamTrack.id;
  }

  get mediaStreamTrack(): MediaStreamTrack {
    return this.mst;
  }

  /**
   * Plays the track in a media element: a new `<audio>` / `<video>`, the element given, or the
   * one a selector finds. Returns the element.
   */
  attach(target?: MediaElement | string): MediaElement {
    let element: MediaElement | null;
    if (typeof target === 'string') {
      element = document.querySelector<MediaElement>(target);
      if (!element) throw new RangeError(`attach(): no element matches ${JSON.stringify(target)}`);
    } else {
      element = target ?? document.createElement(this.kind);
    }
    if (!(element instanceof HTMLMediaElement)) throw new TypeError('attach() takes an <audio> or <video> element, or a selector for one');
    element.autoplay = true;
    if (element instanceof HTMLVideoElement) {
      element.playsInline = true;
      // A video element only shows this track: muting it lets it autoplay anywhere.
      element.muted = true;
    }
    element.srcObject = new MediaStream([this.mst]);
    this.elements.add(element);
    return element;
  }

  /** Stops playing in `element` (returned), or in every element it is attached to (all returned). */
  detach(): MediaElement[];
  detach(element: MediaElement | string): MediaElement;
  detach(target?: MediaElement | string): MediaElement | MediaElement[] {
    if (target === undefined) {
      const all = [...this.elements];
      for (const element of all) this.release(element);
      return all;
    }
    const element = typeof target === 'string' ? document.querySelector<MediaElement>(target) : target;
    if (!element) throw new RangeError(`detach(): no element matches ${JSON.stringify(target)}`);
    this.release(element);
    return element;
  }

  /** @internal A new MediaStreamTrack (a restart): attached elements play it instead. */
  protected swap(track: MediaStreamTrack): void {
    this.mst = track;
    for (const element of this.elements) element.srcObject = new MediaStream([track]);
  }

  /** @internal */
  setStarted(): void {
    if (this.isStarted) return;
    this.isStarted = true;
    this.emit('started', this);
  }

  /** @internal */
  setEnabled(enabled: boolean): void {
    if (this.isEnabled === enabled) return;
    this.isEnabled = enabled;
    this.emit(enabled ? 'enabled' : 'disabled', this);
  }

  /** @internal */
  setDimensions(dimensions: Dimensions | null): void {
    if (dimensions?.width === this.dimensions?.width && dimensions?.height === this.dimensions?.height) return;
    this.dimensions = dimensions;
    this.emit('dimensionsChanged', this);
  }

  private release(element: MediaElement): void {
    if (!this.elements.delete(element)) return;
    element.srcObject = null;
  }
}

export interface LocalTrackOptions {
  name?: string;
  /** Twilio's `logLevel` per track: accepted; the library has one log (see `setLogLevel`). */
  logLevel?: string;
}

export type PublishHook = (next: MediaStreamTrack) => Promise<void>;

/** A track of this client (Twilio `LocalAudioTrack` / `LocalVideoTrack`). */
export abstract class LocalMediaTrack extends MediaTrack {
  readonly id: string;
  isStopped = false;
  /** Constraints it was captured with (restart starts from them). */
  protected constraints: MediaTrackConstraints;
  /** @internal Set while published: sends a restarted track. */
  publishHook: PublishHook | undefined;
  /** @internal Set while published: tells the room the track is enabled or disabled. */
  enableHook: ((enabled: boolean) => Promise<void>) | undefined;

  constructor(mediaStreamTrack: MediaStreamTrack, options: LocalTrackOptions & { constraints?: MediaTrackConstraints } = {}) {
    if (!(mediaStreamTrack instanceof MediaStreamTrack)) throw new TypeError('a local track needs a MediaStreamTrack');
    super(mediaStreamTrack, options.name);
    this.id = `${mediaStreamTrack.kind}-${++trackCount}`;
    this.constraints = options.constraints ?? {};
    this.isEnabled = mediaStreamTrack.enabled;
    this.follow(mediaStreamTrack);
  }

  /** Enables (or with `false`, disables) the track: the others see `trackEnabled` / `trackDisabled`. */
  enable(enabled = true): this {
    if (typeof enabled !== 'boolean') throw new RangeError(`enable() takes true or false, not ${JSON.stringify(enabled)}`);
    this.mst.enabled = enabled;
    const changed = this.isEnabled !== enabled;
    this.setEnabled(enabled);
    if (changed) this.enableHook?.(enabled).catch(() => {});
    return this;
  }

  disable(): this {
    return this.enable(false);
  }

  /**
   * Captures the device again with new constraints (the camera facing the other way, another
   * device), and sends the new capture where the old one went (no renegotiation). The old
   * capture stops.
   */
  async restart(constraints?: MediaTrackConstraints): Promise<void> {
    if (constraints !== undefined && (typeof constraints !== 'object' || constraints === null)) {
      throw new RangeError('restart() takes MediaTrackConstraints');
    }
    const wanted = { ...this.constraints, ...(constraints ?? {}) };
    const old = this.mst;
    // Mobile browsers allow one capture of a camera at a time: the old one goes first.
    old.stop();
    const stream = await navigator.mediaDevices.getUserMedia({ [this.kind]: Object.keys(wanted).length ? wanted : true });
    const track = stream.getTracks()[0];
    if (!track) throw new TrackInvalidError(`${TrackInvalidError.defaultMessage}: the browser gave no ${this.kind} track`);
    track.enabled = this.isEnabled;
    this.constraints = wanted;
    this.isStopped = false;
    this.swap(track);
    this.follow(track);
    await this.publishHook?.(track);
    this.isStarted = false;
    this.setStarted();
  }

  /** Stops the capture (the camera light goes off). A published track sends nothing more. */
  stop(): this {
    if (!this.isStopped) {
      this.mst.stop();
      this.stopped();
    }
    return this;
  }

  private follow(track: MediaStreamTrack): void {
    if (track.readyState === 'live') queueMicrotask(() => this.mst === track && this.setStarted());
    track.addEventListener('ended', () => this.mst === track && this.stopped(), { once: true });
    if (this.kind === 'video') this.readDimensions(track);
  }

  private stopped(): void {
    if (this.isStopped) return;
    this.isStopped = true;
    this.isStarted = false;
    this.emit('stopped', this);
  }

  private readDimensions(track: MediaStreamTrack): void {
    const { width, height } = track.getSettings();
    if (width && height) this.setDimensions({ width, height });
  }
}

export class LocalAudioTrack extends LocalMediaTrack {
  readonly kind = 'audio' as const;
}

export class LocalVideoTrack extends LocalMediaTrack {
  readonly kind = 'video' as const;
}

/** A track received from another participant (Twilio `RemoteAudioTrack` / `RemoteVideoTrack`). */
export class RemoteMediaTrack extends MediaTrack {
  readonly kind: Kind;
  readonly sid: string;
  isSwitchedOff = false;
  /** Twilio's subscribe priority: kept, not acted on (Janus relays every subscribed track alike). */
  priority: 'low' | 'standard' | 'high' | null = null;

  constructor(sid: string, kind: Kind, mediaStreamTrack: MediaStreamTrack, name: string) {
    super(mediaStreamTrack, name);
    this.sid = sid;
    this.kind = kind;
  }

  setPriority(priority: 'low' | 'standard' | 'high' | null): this {
    if (priority !== null && !['low', 'standard', 'high'].includes(priority)) throw new RangeError(`setPriority() takes "low", "standard", "high" or null, not ${JSON.stringify(priority)}`);
    this.priority = priority;
    return this;
  }

  /** @internal */
  setSwitchedOff(off: boolean): void {
    if (this.isSwitchedOff === off) return;
    this.isSwitchedOff = off;
    this.emit(off ? 'switchedOff' : 'switchedOn', this);
  }
}

export type RemoteAudioTrack = RemoteMediaTrack & { readonly kind: 'audio' };
export type RemoteVideoTrack = RemoteMediaTrack & { readonly kind: 'video' };

/** Another participant's data track (Twilio `RemoteDataTrack`): its messages arrive as `message`. */
export class RemoteDataTrack extends EventEmitter {
  readonly kind = 'data' as const;
  readonly sid: string;
  readonly name: string;
  readonly isEnabled = true;
  readonly isSubscribed = true;

  constructor(sid: string, name: string) {
    super();
    this.sid = sid;
    this.name = name;
  }

  /** @internal */
  deliver(data: string | ArrayBuffer): void {
    this.emit('message', data, this);
  }
}

/**
 * What the local member publishes, by source (camera, microphone): the mid each source has on the
 * publisher PeerConnection, what is sent there, whether it is muted (the member's wish, kept
 * across joins), and the stream descriptions that tell everyone else (protocol.ts).
 *
 * Mute never renegotiates: the sender sends nothing (`replaceTrack(null)`) and, unless told
 * otherwise, the device is released; unmute captures the same device again and sends it on the
 * same mid. A source muted before joining is not captured at all: its first unmute publishes it.
 */
import { encodeStreamState } from '../janus/videoroom/protocol.js';
import type { VideoRoomPublisher } from '../janus/videoroom/publisher.js';
import type { LocalMedia } from '../media/local-media.js';
import type { TrackKind, TrackSource } from './types.js';
import { serial } from '../util/serial.js';

export type LocalSource = Extract<TrackSource, 'camera' | 'microphone'>;

export const LOCAL_SOURCES: readonly LocalSource[] = ['microphone', 'camera'];

export const kindOf = (source: LocalSource): TrackKind => (source === 'camera' ? 'video' : 'audio');

/** A published source (of this client, or of one of its extra sources), as the views show it. */
export interface LocalPublication {
  readonly source: TrackSource;
  readonly kind: TrackKind;
  readonly mid: string;
  /** What is being sent (null while muted). */
  readonly track: MediaStreamTrack | null;
  readonly muted: boolean;
}

export type LocalPublications = ReadonlyMap<TrackSource, LocalPublication>;

export const NO_PUBLICATIONS: LocalPublications = new Map();

export interface PublicationOptions {
  /** Release the camera while it is muted (SignalWire's default: true). */
  stopCameraWhileMuted: boolean;
  /** Release the microphone while it is muted (SignalWire's default: true). */
  stopMicrophoneWhileMuted: boolean;
  /** Send the camera in simulcast layers. */
  simulcast: boolean;
}

export class Publications {
  private readonly media: LocalMedia;
  /** How mute treats devices, and whether the camera goes out in layers, as the room's options say now. */
  private readonly options: () => PublicationOptions;
  private readonly changed: () => void;
  private publisher: VideoRoomPublisher | undefined;
  private readonly mids = new Map<LocalSource, string>();
  private readonly muted = new Set<LocalSource>();
  /** Muted sources the others count as unpublished (Twilio `unpublishTrack`); unmuting publishes them again. */
  private readonly withdrawn = new Set<LocalSource>();
  private deafValue = false;
  private readonly serially = serial();

  /** `fail` hears about failures no caller waits for (sending a switched device's track). */
  constructor(media: LocalMedia, options: () => PublicationOptions, changed: () => void, fail: (error: unknown) => void) {
    this.media = media;
    this.options = options;
    this.changed = changed;
    media.events.on('track', ({ source }) => {
      this.serially(() => this.send(source)).catch(fail);
      changed();
    });
  }

  get deaf(): boolean {
    return this.deafValue;
  }

  isMuted(source: LocalSource): boolean {
    return this.muted.has(source);
  }

  /** The source published on `mid`, if any. */
  sourceOf(mid: string): LocalSource | undefined {
    for (const [source, published] of this.mids) if (published === mid) return source;
    return undefined;
  }

  /** Whether a source is published and sending (what the others see as not muted). */
  isSending(source: LocalSource): boolean {
    return this.mids.has(source) && !this.muted.has(source);
  }

  /** The published sources, for the views. */
  get list(): LocalPublications {
    const list = new Map<LocalSource, LocalPublication>();
    for (const [source, mid] of this.mids) {
      if (this.withdrawn.has(source)) continue;
      const muted = this.muted.has(source);
      list.set(source, { source, kind: kindOf(source), mid, muted, track: muted ? null : this.media.track(source) });
    }
    return list;
  }

  /**
   * Publishes the sources that have a track, on a publisher just joined. A muted source whose
   * device stays on is negotiated silent, so unmuting it later renegotiates nothing.
   */
  start(publisher: VideoRoomPublisher, sources: readonly LocalSource[]): Promise<void> {
    return this.serially(async () => {
      this.publisher = publisher;
      const tracks = new Map<MediaStreamTrack, LocalSource>();
      for (const source of sources) {
        const track = this.media.track(source);
        if (track) tracks.set(track, source);
      }
      if (tracks.size === 0) return;
      const silent = new Set([...tracks].filter(([, source]) => this.muted.has(source)).map(([track]) => track));
      const mids = await publisher.publish([...tracks.keys()], {
        describe: (track) => this.description(tracks.get(track)!),
        silent,
        simulcast: this.layered([...tracks.keys()]),
      });
      for (const [track, mid] of mids) this.mids.set(tracks.get(track)!, mid);
      this.changed();
    });
  }

  /** Forgets the publisher (the session is gone); mute wishes stay for the next join. */
  stop(): void {
    this.publisher = undefined;
    this.mids.clear();
    this.changed();
  }

  /**
   * Mutes a source: nothing is sent, everyone is told, and (by default) the device is released.
   * `withdraw` (Twilio `unpublishTrack`): the others count it as unpublished, not as muted.
   */
  mute(source: LocalSource, withdraw = false): Promise<void> {
    return this.serially(async () => {
      if (this.muted.has(source) && this.withdrawn.has(source) === withdraw) return;
      if (this.muted.has(source)) {
        // Already silent: only what the others are told changes.
        if (withdraw) this.withdrawn.add(source);
        else this.withdrawn.delete(source);
        this.changed();
        await this.announce(source);
        return;
      }
      this.muted.add(source);
      if (withdraw) this.withdrawn.add(source);
      this.changed();
      const mid = this.mids.get(source);
      if (mid && this.publisher) await this.publisher.replaceTrack(mid, null);
      // The device goes off first (its light too), then everyone is told.
      if (this.stopsWhileMuted(source)) this.media.stop(source);
      await this.announce(source);
    });
  }

  /**
   * Unmutes a source (or turns on one never published): captures its device again if it was
   * released, sends it on its mid (or publishes it, the first time), and tells everyone. `live`
   * says whether capturing is allowed now (joined, or previewing); otherwise only the wish is
   * kept. On failure it stays muted.
   */
  unmute(source: LocalSource, live: boolean): Promise<void> {
    return this.serially(async () => {
      // Already sending; or not joined, where nothing but the wish can change.
      if (!this.muted.has(source) && (this.mids.has(source) || !this.publisher)) return;
      if (!live) {
        this.muted.delete(source);
        this.changed();
        return;
      }
      const track = this.media.track(source) ?? (await this.media.restart(source));
      try {
        const mid = this.mids.get(source);
        if (this.publisher && mid) await this.publisher.replaceTrack(mid, track);
        else if (this.publisher) {
          const mids = await this.publisher.publish([track], { describe: () => this.description(source, false), simulcast: this.layered([track]) });
          this.mids.set(source, mids.get(track)!);
        }
      } catch (error) {
        if (this.stopsWhileMuted(source)) this.media.stop(source);
        throw error;
      }
      this.muted.delete(source);
      this.withdrawn.delete(source);
      this.changed();
      await this.announce(source);
    });
  }

  /**
   * Deaf (SignalWire): the member hears nobody; it also mutes the microphone (and undeaf unmutes
   * it), as SignalWire does. Everyone learns both in one description.
   */
  async setDeaf(deaf: boolean, live: boolean): Promise<void> {
    const changed = await this.serially(async () => {
      if (this.deafValue === deaf) return false;
      this.deafValue = deaf;
      this.changed();
      return true;
    });
    const microphoneChanged = this.muted.has('microphone') !== deaf;
    if (deaf) await this.mute('microphone');
    else await this.unmute('microphone', live);
    // The microphone was already as wanted: the deaf change still needs telling.
    if (changed && !microphoneChanged) await this.serially(() => this.announce('microphone'));
  }

  /** Whether muting `source` releases its device. */
  stopsWhileMuted(source: LocalSource): boolean {
    const options = this.options();
    return source === 'camera' ? options.stopCameraWhileMuted : options.stopMicrophoneWhileMuted;
  }

  /** The camera's track among `tracks`, when the camera goes out in simulcast layers. */
  private layered(tracks: readonly MediaStreamTrack[]): Set<MediaStreamTrack> {
    const camera = this.media.track('camera');
    return new Set(tracks.filter((track) => track === camera && this.options().simulcast));
  }

  private description(source: LocalSource, muted = this.muted.has(source)): string {
    return encodeStreamState({ source, muted, deaf: source === 'microphone' && this.deafValue, off: muted && this.withdrawn.has(source) });
  }

  /** Tells everyone a source's state (Janus re-broadcasts the description). */
  private async announce(source: LocalSource): Promise<void> {
    const mid = this.mids.get(source);
    if (mid && this.publisher) await this.publisher.describe([{ mid, description: this.description(source) }]);
  }

  /** Sends a source's current track, after a switch (unless muted: then nothing is sent anyway). */
  private async send(source: LocalSource): Promise<void> {
    const mid = this.mids.get(source);
    if (!mid || !this.publisher || this.muted.has(source)) return;
    await this.publisher.replaceTrack(mid, this.media.track(source));
  }
}

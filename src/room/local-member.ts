/**
 * This client's own media across joins: the capture that outlives them (LocalMedia), what it
 * publishes and whether each source is muted (Publications), the MediaStream handed to the page,
 * the state that controls and pickers show, and the camera's rest while a mobile page is hidden.
 */
import type { VideoRoomPublisher } from '../janus/videoroom/publisher.js';
import { LocalMedia, type CaptureSource, type Constraints } from '../media/local-media.js';
import type { Attempt } from './connection.js';
import type { JoinPlan } from './options.js';
import { LOCAL_SOURCES, Publications, type LocalSource } from './publications.js';
import type { LocalState, RoomSessionOptions } from './types.js';

export interface LocalMemberHooks {
  /** The room's options as they are now (read when capturing or muting). */
  options(): RoomSessionOptions;
  changed(): void;
  /** A failure no caller waits for. */
  report(error: unknown): void;
}

export class LocalMember {
  readonly media = new LocalMedia();
  readonly publications: Publications;
  private readonly hooks: LocalMemberHooks;
  private streamValue: MediaStream | null = null;
  /** The camera was turned off because the page went to the background (not by the member). */
  private backgrounded = false;
  /** Sources a moderator muted (see `moderated`). */
  private readonly moderatedSources = new Set<LocalSource>();

  constructor(hooks: LocalMemberHooks) {
    this.hooks = hooks;
    this.publications = new Publications(
      this.media,
      () => {
        const options = hooks.options();
        return {
          stopCameraWhileMuted: options.stopCameraWhileMuted !== false,
          stopMicrophoneWhileMuted: options.stopMicrophoneWhileMuted !== false,
          simulcast: options.simulcast !== false,
        };
      },
      hooks.changed,
      hooks.report,
    );
    this.media.events.on('track', () => this.syncStream());
    // A new speaker (or device) shows in the snapshot's `self`, which tiles and pickers follow.
    this.media.events.on('device', () => hooks.changed());
  }

  /** The local tracks while joining or joined: one MediaStream per join, updated in place. */
  get stream(): MediaStream | null {
    return this.streamValue;
  }

  /** Joining: holds the devices and captures what `plan` publishes (a muted source stays off). */
  async capture(plan: JoinPlan, localStream: MediaStream | undefined, attempt: Attempt): Promise<void> {
    this.media.hold(this);
    this.streamValue = new MediaStream();
    if (localStream) this.media.useStream(localStream);
    await attempt.step(this.media.acquire(this.wants(plan)));
    this.syncStream();
  }

  /** Previewing: captures as the next join would, and keeps it for `holder`. */
  preview(holder: object): Promise<void> {
    const options = this.hooks.options();
    this.media.hold(holder);
    return this.media.acquire(this.wants({ camera: options.video ?? true, microphone: options.audio ?? true }));
  }

  /** Publishes what `plan` asks for on a publisher that just joined. */
  publish(publisher: VideoRoomPublisher, plan: JoinPlan): Promise<void> {
    return this.publications.start(publisher, LOCAL_SOURCES.filter((source) => plan[source] !== false));
  }

  /** Joined: if `enabled`, the camera rests while the page is hidden (see `background`). */
  followVisibility(enabled: boolean): void {
    if (enabled) document.addEventListener('visibilitychange', this.onVisibilityChange);
  }

  private readonly onVisibilityChange = () => {
    this.background(document.visibilityState === 'hidden').catch((error: unknown) => this.hooks.report(error));
  };

  /** Leaving: lets go of the publisher and of the devices (unless a preview holds them). */
  release(): void {
    this.moderatedSources.clear();
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    this.media.release(this);
    this.streamValue = null;
    this.publications.stop();
    this.backgrounded = false;
  }

  mute(source: LocalSource): Promise<void> {
    return this.publications.mute(source);
  }

  /** Stops sending a source so that the others count it unpublished (Twilio `unpublishTrack`); `unmute` publishes it again. */
  withdraw(source: LocalSource): Promise<void> {
    return this.publications.mute(source, true);
  }

  unmute(source: LocalSource): Promise<void> {
    if (source === 'camera') this.backgrounded = false;
    return this.publications.unmute(source, this.media.held);
  }

  setDeaf(deaf: boolean): Promise<void> {
    return this.publications.setDeaf(deaf, this.media.held);
  }

  /**
   * A moderator stopped one of our streams at Janus (or let it through again): the source shows
   * as muted here too, and is unmuted again when the moderator unmutes it, unless the member had
   * muted it itself before.
   */
  async moderated(mid: string, muted: boolean): Promise<void> {
    const publication = [...this.publications.list.values()].find((p) => p.mid === mid);
    const source = publication?.source;
    if (source !== 'camera' && source !== 'microphone') return;
    if (muted && !publication!.muted) {
      this.moderatedSources.add(source);
      await this.mute(source);
    } else if (!muted && this.moderatedSources.delete(source)) {
      await this.unmute(source);
    }
  }

  /**
   * Twilio's advice for mobile browsers: a hidden page gets no camera frames, so the camera goes
   * off (everyone sees `video_muted`) until the page shows again. A member's own mute wins.
   */
  async background(hidden: boolean): Promise<void> {
    if (hidden && this.publications.isSending('camera')) {
      // Set first: the page may show again before everyone has been told.
      this.backgrounded = true;
      await this.mute('camera').catch((error: unknown) => {
        this.backgrounded = false;
        throw error;
      });
    } else if (!hidden && this.backgrounded) {
      await this.unmute('camera');
    }
  }

  /** What controls and pickers show; `joined` decides what "muted" means (see `LocalState`). */
  state(joined: boolean): Omit<LocalState, 'screenShare' | 'mirrored' | 'overlay'> {
    const speaker = this.media.speaker;
    const options = this.hooks.options();
    const muted = (source: LocalSource) =>
      joined
        ? !this.publications.isSending(source)
        : this.publications.isMuted(source) || (source === 'camera' ? options.video : options.audio) === false;
    return {
      camera: this.media.track('camera'),
      microphone: this.media.track('microphone'),
      cameraDevice: this.media.device('camera'),
      microphoneDevice: this.media.device('microphone'),
      speaker: speaker.deviceId ? speaker : null,
      audioMuted: muted('microphone'),
      videoMuted: muted('camera'),
      deaf: this.publications.deaf,
    };
  }

  /** What to capture: the sources asked for, but not one muted with its device released. */
  private wants(asked: Record<LocalSource, Constraints>): Partial<Record<CaptureSource, Constraints>> {
    const wants: Partial<Record<CaptureSource, Constraints>> = {};
    for (const source of LOCAL_SOURCES) {
      const off = this.publications.isMuted(source) && this.publications.stopsWhileMuted(source);
      if (asked[source] !== false && !off) wants[source] = asked[source];
    }
    return wants;
  }

  /** Keeps `stream` holding the current local tracks. */
  private syncStream(): void {
    const stream = this.streamValue;
    if (stream) {
      const current = [this.media.track('microphone'), this.media.track('camera')].filter((t): t is MediaStreamTrack => t !== null);
      for (const track of stream.getTracks()) if (!current.includes(track)) stream.removeTrack(track);
      for (const track of current) if (!stream.getTracks().includes(track)) stream.addTrack(track);
    }
    this.hooks.changed();
  }
}

/**
 * This client's extra sources (SignalWire `startScreenShare`, `addCamera`, `addMicrophone`,
 * `addDevice`). Each is a member of its own, of type `screen` or `device` with this client as its
 * parent (member-types.ts), on its own publisher handle of the room's Janus session: its own
 * publisher slot and PeerConnection, joining and leaving without touching the camera and
 * microphone. A source captures first (the screen picker wants the user's click to be recent),
 * then joins and publishes; whatever fails, nothing stays captured, joined or published.
 */
import { toRoomError, type JanusPhase } from '../janus/errors.js';
import type { JanusSession } from '../janus/janus-client.js';
import { encodeStreamState } from '../janus/videoroom/protocol.js';
import { VideoRoomPublisher } from '../janus/videoroom/publisher.js';
import { getDisplayMedia, getUserMedia } from '../media/devices.js';
import { stopTracks } from '../media/local-media.js';
import type { RoomAccess } from '../service/room-access.js';
import { Connection, type Attempt } from './connection.js';
import type { LayoutChoice, VideoPositions } from './layout.js';
import { sourceMemberId, type SourceType } from './member-types.js';
import type { LocalPublication, LocalPublications } from './publications.js';
import type { ScreenShareState, TrackSource } from './types.js';

/** The room a source joins: this client's, while it is joined. */
export interface SourceRoom {
  readonly session: JanusSession;
  readonly server: string;
  readonly room: string;
  readonly pin?: string;
  readonly ownerId: string;
  /** Cameras go out in simulcast layers (a screen never: its text wants the full picture). */
  readonly simulcast: boolean;
  /** The owner's name: an extra source shows as its owner. */
  readonly identity: string;
  readonly timeout: number;
  /** Joined through the room service: sources join with the owner's Janus token. */
  readonly access?: RoomAccess;
}

export interface SourceHost {
  /** The joined room, if any. */
  room(): SourceRoom | undefined;
  /** The source joined Janus's room (it is a member now), or left it. */
  entered(source: RoomSessionSource): void;
  exited(source: RoomSessionSource): void;
  changed(): void;
}

/** What a source captures (SignalWire's `startScreenShare` / `addDevice` options). */
export interface SourceOptions {
  audio?: boolean | MediaTrackConstraints;
  video?: boolean | MediaTrackConstraints;
  /** Join at once (default true); otherwise call `join()`. */
  autoJoin?: boolean;
}

/**
 * SignalWire `startScreenShare` options: also a layout to switch to once the share is in, and
 * positions to give (`self` is the share).
 */
export interface ScreenShareOptions extends SourceOptions {
  layout?: LayoutChoice;
  positions?: VideoPositions;
}

/** SignalWire `addCamera` / `addMicrophone` options: constraints for the device, and `autoJoin`. */
export type AddDeviceOptions = MediaTrackConstraints & { autoJoin?: boolean };

export function checkSourceOptions<T>(options: T, method: string): T {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new RangeError(`${method}() needs an options object, such as { audio: true, video: true }`);
  }
  return options;
}

/** `addCamera` / `addMicrophone` options as `addDevice` options: the constraints go to one kind. */
export function deviceOptions(opts: AddDeviceOptions, kind: 'audio' | 'video', method: string): SourceOptions {
  const { autoJoin, ...constraints } = checkSourceOptions(opts, method);
  return { [kind]: Object.keys(constraints).length > 0 ? constraints : true, ...(autoJoin === undefined ? {} : { autoJoin }) };
}

/** `new` (not joined, or a join failed), `joining`, `joined`, `left` (for good). */
export type SourceState = 'new' | 'joining' | 'joined' | 'left';

const SOURCE_OF: Record<SourceType, Record<'audio' | 'video', TrackSource>> = {
  screen: { video: 'screen', audio: 'screen_audio' },
  device: { video: 'camera', audio: 'microphone' },
};

const notJoined = (what: string) => new DOMException(`Not in a room: join the room before ${what}`, 'InvalidStateError');

/**
 * A screen share (SignalWire `RoomSessionScreenShare`) or an extra device (`RoomSessionDevice`):
 * a member of the room whose `parent_id` is this client.
 */
export class RoomSessionSource {
  readonly type: SourceType;
  /** Its member id: `<owner id>.<type>.<suffix>`. */
  readonly memberId: string;
  private readonly host: SourceHost;
  private readonly options: SourceOptions;
  /** Joining and leaving run as the room's own do: one at a time, cancelled by `leave()`. */
  private readonly connection = new Connection({
    connect: (attempt) => this.connect(attempt),
    release: () => this.teardown(),
    joined: () => this.host.changed(),
    disconnect: () => this.end(),
    changed: () => this.host.changed(),
  });
  /** The room the join under way (or done) went to. */
  private room: SourceRoom | undefined;
  private left = false;
  /** The owner lost its connection: leaving closes only the local side. */
  private unreachable = false;
  private stream: MediaStream | null = null;
  private publisher: VideoRoomPublisher | undefined;
  private readonly published = new Map<TrackSource, LocalPublication>();
  private inRoom = false;

  /** @internal Created by `RoomSession.startScreenShare()`, `addCamera()`... */
  constructor(type: SourceType, ownerId: string, options: SourceOptions, host: SourceHost) {
    this.type = type;
    this.memberId = sourceMemberId(ownerId, type);
    this.options = options;
    this.host = host;
  }

  /** Same as `memberId`. */
  get id(): string {
    return this.memberId;
  }

  get state(): SourceState {
    if (this.left) return 'left';
    return ({ disconnected: 'new', connecting: 'joining', connected: 'joined', reconnecting: 'joined' } as const)[this.connection.state];
  }

  /** Whether it is in the room and publishing. */
  get active(): boolean {
    return this.state === 'joined';
  }

  /** What it captured (a screen, or a camera and/or microphone); null before joining and after leaving. */
  get localStream(): MediaStream | null {
    return this.stream;
  }

  get localAudioTrack(): MediaStreamTrack | null {
    return this.stream?.getAudioTracks()[0] ?? null;
  }

  get localVideoTrack(): MediaStreamTrack | null {
    return this.stream?.getVideoTracks()[0] ?? null;
  }

  /** @internal What it publishes, for the room's views. */
  get publications(): LocalPublications {
    return this.published;
  }

  /**
   * Captures (a screen share opens the browser's picker), joins the room as a member of its own,
   * publishes, and resolves once its media is up. A cancelled picker rejects with
   * `NotAllowedError`; `leave()` meanwhile with `AbortError`. A failed join can be tried again.
   */
  async join(): Promise<this> {
    if (this.left) throw new DOMException(`This ${this.noun} has left the room: start a new one`, 'InvalidStateError');
    if (this.state === 'new') {
      this.room = this.host.room();
      if (!this.room) throw notJoined(`adding a ${this.noun}`);
    }
    await this.connection.join();
    return this;
  }

  /** Stops publishing, leaves the room and stops what it captured; for good. */
  leave(options: { unreachable?: boolean } = {}): Promise<void> {
    if (options.unreachable) this.unreachable = true;
    if (!this.left) {
      this.left = true;
      this.host.changed();
    }
    return this.connection.leave();
  }

  /** Same as `leave()`. */
  stop(): Promise<void> {
    return this.leave();
  }

  private get noun(): string {
    return this.type === 'screen' ? 'screen share' : 'device';
  }

  private async connect(attempt: Attempt): Promise<void> {
    const room = this.room!;
    try {
      const stream = await attempt.step(this.capture(), stopTracks);
      this.stream = stream;
      // The browser's own "Stop sharing" (or an unplugged device) ends a track: the source leaves.
      for (const track of stream.getTracks()) track.addEventListener('ended', this.onEnded, { once: true });
    } catch (error) {
      throw toRoomError(error, { phase: 'join', server: room.server, room: room.room });
    }
    await this.enter(attempt, room, this.stream);
  }

  /**
   * The owner joined the room again on a new session (Janus restarted): the source joins too,
   * with the same member id, and publishes what it captured, as if it had never left.
   */
  async rejoin(attempt: Attempt): Promise<void> {
    const room = this.host.room();
    const stream = this.stream;
    if (this.state !== 'joined' || !room || !stream) return;
    // The old publisher's session is gone: only its local side is left to close.
    const old = this.publisher;
    this.publisher = undefined;
    await old?.detach({ unreachable: true });
    this.room = room;
    await this.enter(attempt, room, stream);
  }

  /** Joins `room` as a member of its own, publishes `stream`, and resolves once its media is up. */
  private async enter(attempt: Attempt, room: SourceRoom, stream: MediaStream): Promise<void> {
    let phase: JanusPhase = 'join';
    try {
      const publisher = await attempt.step(VideoRoomPublisher.attach(room.session), (late) => void late.detach());
      this.publisher = publisher;
      publisher.events.on('room', (event) => {
        if (event.type === 'removed') void this.leave();
      });
      await attempt.step(
        publisher.join({
          room: room.room,
          id: this.memberId,
          display: room.identity,
          ...(room.pin ? { pin: room.pin } : {}),
          ...(room.access ? { token: room.access.credentials.join } : {}),
        }),
      );
      this.inRoom = true;
      this.host.entered(this);
      this.host.changed();

      phase = 'publish';
      const tracks = stream.getTracks();
      const sourceOf = (track: MediaStreamTrack) => SOURCE_OF[this.type][track.kind as 'audio' | 'video'];
      const mids = await attempt.step(
        publisher.publish(tracks, {
          describe: (track) => encodeStreamState({ source: sourceOf(track), muted: false, deaf: false }),
          simulcast: new Set(this.type === 'device' && room.simulcast ? tracks : []),
        }),
      );
      for (const [track, mid] of mids) {
        const source = sourceOf(track);
        this.published.set(source, { source, kind: track.kind as 'audio' | 'video', mid, track, muted: false });
      }
      this.host.changed();
      await attempt.step(publisher.mediaUp(room.timeout));
    } catch (error) {
      throw toRoomError(error, { phase, server: room.server, room: room.room });
    }
  }

  private capture(): Promise<MediaStream> {
    const { audio, video } = this.options;
    if (this.type === 'screen') {
      return getDisplayMedia({ video: video ?? true, audio: audio ?? false }).then((stream) => {
        // Text on a screen wants sharpness over smoothness: the encoder keeps the resolution.
        for (const track of stream.getVideoTracks()) if (!track.contentHint) track.contentHint = 'detail';
        return stream;
      });
    }
    return getUserMedia({ audio: audio ?? false, video: video ?? false });
  }

  private readonly onEnded = () => void this.leave();

  /** It left after joining (its `leave()`, the page hiding, or Janus removing it): for good. */
  private end(): Promise<void> {
    this.left = true;
    return this.teardown();
  }

  /** Releases everything a join acquired (safe at any point, and twice). */
  private async teardown(): Promise<void> {
    for (const track of this.stream?.getTracks() ?? []) track.removeEventListener('ended', this.onEnded);
    stopTracks(this.stream);
    this.stream = null;
    this.published.clear();
    const publisher = this.publisher;
    this.publisher = undefined;
    if (this.inRoom) {
      this.inRoom = false;
      this.host.exited(this);
    }
    this.host.changed();
    await publisher?.detach({ unreachable: this.unreachable });
  }
}

/** SignalWire's names for the two kinds of source. */
export type RoomSessionScreenShare = RoomSessionSource;
export type RoomSessionDevice = RoomSessionSource;

/** Every extra source of this client, in the order they were created. */
export class LocalSources {
  private readonly host: SourceHost;
  private list: RoomSessionSource[] = [];

  constructor(host: SourceHost) {
    this.host = host;
  }

  /** SignalWire `screenShareList`: the screen shares not left yet. */
  get screenShares(): readonly RoomSessionSource[] {
    return this.list.filter((source) => source.type === 'screen');
  }

  /** Whether this client shares a screen: `on` (one is joined), `starting` (the picker is open, or it joins), `off`. */
  get screenShareState(): ScreenShareState {
    const states = this.screenShares.map((source) => source.state);
    return states.includes('joined') ? 'on' : states.includes('joining') ? 'starting' : 'off';
  }

  /** SignalWire `deviceList`: the extra devices not left yet. */
  get devices(): readonly RoomSessionSource[] {
    return this.list.filter((source) => source.type === 'device');
  }

  /** What the sources in the room publish, by member id. */
  publications(): Map<string, LocalPublications> {
    return new Map(this.list.map((source) => [source.memberId, source.publications]));
  }

  startScreenShare(options: SourceOptions): Promise<RoomSessionSource> {
    return this.start('screen', checkSourceOptions(options, 'startScreenShare'));
  }

  addDevice(opts: SourceOptions): Promise<RoomSessionSource> {
    const options = checkSourceOptions(opts, 'addDevice');
    if (!options.audio && !options.video) return Promise.reject(new TypeError('addDevice() needs audio or video (true, or constraints)'));
    return this.start('device', options);
  }

  /**
   * A new source, joined unless `autoJoin` is false. A failed auto-join leaves nothing behind:
   * the caller never gets the source, so it is gone from the lists too.
   */
  private async start(type: SourceType, options: SourceOptions): Promise<RoomSessionSource> {
    const room = this.host.room();
    if (!room) throw notJoined(type === 'screen' ? 'sharing a screen' : 'adding a device');
    const hooks: SourceHost = {
      ...this.host,
      changed: () => {
        this.list = this.list.filter((source) => source.state !== 'left');
        this.host.changed();
      },
    };
    const source = new RoomSessionSource(type, room.ownerId, options, hooks);
    this.list.push(source);
    this.host.changed();
    if (options.autoJoin === false) return source;
    try {
      return await source.join();
    } catch (error) {
      void source.leave();
      throw error;
    }
  }

  /** The owner joined again on a new session (Janus restarted): every joined source follows. */
  async rejoinAll(attempt: Attempt): Promise<void> {
    await Promise.all(this.list.map((source) => source.rejoin(attempt)));
  }

  /** The owner leaves: every source goes with it. */
  async leaveAll(options: { unreachable?: boolean } = {}): Promise<void> {
    await Promise.all(this.list.map((source) => source.leave(options)));
  }
}

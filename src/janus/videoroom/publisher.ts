/**
 * A publisher-type VideoRoom handle: it is a member of the room whether it publishes or not, and
 * the only kind of handle Janus tells about the room (janus-mapping.md §1.1, §1.4).
 */
import mitt, { type Emitter } from 'mitt';
import { JanusFailure, forgetTracks, withTimeout, type HandleEvents, type JanusSession, type PluginHandle } from '../janus-client.js';
import { VIDEOROOM_PLUGIN, parseJoined, parseParticipantEvent, parseParticipants, type JoinedInfo, type ParticipantEvent } from './protocol.js';

export interface RoomOptions {
  pin?: string;
  publishers: number;
  /** Talk detection: packets per window, and the level (-dBov) their average must be louder than. */
  talkWindow: number;
  talkThreshold: number;
}

export type PublisherEvents = {
  room: ParticipantEvent;
  connectionState: RTCPeerConnectionState;
  /** Janus set up this handle's media (`webrtcup`): it now relays what we publish. */
  up: undefined;
  /** Janus hung up this handle's PeerConnection. */
  hangup: { reason: string };
  slowLink: HandleEvents['slowLink'];
  /** Janus receives what we publish on a mid again, or has received nothing there for a while. */
  media: HandleEvents['media'];
};

const kindOf = (track: MediaStreamTrack) => track.kind as 'audio' | 'video';

export interface PublishOptions {
  /** Each stream's description (what the others read its state from). */
  describe(track: MediaStreamTrack): string;
  /** Negotiated, but sending nothing for now. */
  silent?: ReadonlySet<MediaStreamTrack>;
  /** Video sent in simulcast layers. */
  simulcast?: ReadonlySet<MediaStreamTrack>;
}

/** 128 random bits, hex. */
function unguessable(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export class VideoRoomPublisher {
  readonly events: Emitter<PublisherEvents> = mitt<PublisherEvents>();
  /** Whether Janus has set up our media (between `webrtcup` and `hangup`). */
  janusUp = false;
  /** Whether a publish went through: later tracks are added by renegotiating (`configure`). */
  private published = false;
  /** Janus hung up what we published; nothing is sent until we publish again. */
  private hungUp = false;
  /** Every track handed to janus.js (see `forget`). */
  private readonly handedOver = new Set<MediaStreamTrack>();
  private readonly handle: PluginHandle;

  private constructor(handle: PluginHandle) {
    this.handle = handle;
    handle.events.on('message', ({ message }) => {
      const event = parseParticipantEvent(message);
      if (event) this.events.emit('room', event);
    });
    handle.events.on('connectionState', (state) => this.events.emit('connectionState', state));
    handle.events.on('slowLink', (event) => this.events.emit('slowLink', event));
    handle.events.on('media', (event) => this.events.emit('media', event));
    handle.events.on('webrtcState', ({ up, reason }) => {
      this.janusUp = up;
      if (up) {
        this.events.emit('up', undefined);
      } else {
        // Janus dropped what we published: the next publish starts afresh.
        this.published = false;
        this.dataOpen = undefined;
        this.hungUp = true;
        this.events.emit('hangup', { reason: reason ?? 'hangup' });
      }
    });
  }

  static async attach(session: JanusSession): Promise<VideoRoomPublisher> {
    return new VideoRoomPublisher(await session.attach(VIDEOROOM_PLUGIN));
  }

  get id(): string {
    return this.handle.id;
  }

  get peerConnection(): RTCPeerConnection | null {
    return this.handle.peerConnection;
  }

  /** Whether the room exists; `timeout` bounds the wait (a liveness check wants it short). */
  async exists(room: string, timeout?: number): Promise<boolean> {
    const answer = await this.handle.request({ request: 'exists', room }, timeout);
    return answer['exists'] === true;
  }

  /** Who is in the room now (Janus `listparticipants`): ids and names, and whether each publishes. */
  async participants(room: string): Promise<Array<{ id: string; display: string; publisher: boolean }>> {
    const answer = await this.handle.request({ request: 'listparticipants', room });
    return parseParticipants(answer);
  }

  /** Nothing published, or what is published flows: Janus set it up and the PeerConnection is connected. */
  get up(): boolean {
    if (this.hungUp) return false;
    const pc = this.peerConnection;
    return pc === null ? !this.published : this.janusUp && pc.connectionState === 'connected';
  }

  /** Whether our PeerConnection is there to restart (Janus did not hang it up). */
  get restartable(): boolean {
    const pc = this.peerConnection;
    return this.published && pc !== null && pc.connectionState !== 'closed';
  }

  /** Restarts ICE on the published PeerConnection (new candidates, same tracks and mids). */
  async restartIce(): Promise<void> {
    const offer = await this.handle.createOffer([], { iceRestart: true });
    const { jsep } = await this.handle.send({ request: 'configure' }, { jsep: offer, until: (m) => m['configured'] === 'ok' });
    if (!jsep) throw new JanusFailure('plugin', 'Janus accepted the ICE restart without an SDP answer');
    await this.handle.handleRemoteJsep(jsep);
  }

  /**
   * Creates the room; resolves with its secret, or undefined when someone else created it
   * meanwhile (that counts as success too). The room gets a random `secret` that only its
   * creator keeps (to destroy it once empty): without one, any client could kick, moderate,
   * destroy the room or `rtp_forward` its media anywhere. `lock_record` keeps members from recording it.
   */
  async create(room: string, options: RoomOptions): Promise<string | undefined> {
    const secret = unguessable();
    try {
      await this.handle.request({
        request: 'create',
        room,
        description: room,
        secret,
        lock_record: true,
        publishers: options.publishers,
        notify_joining: true,
        audiolevel_event: true,
        audio_active_packets: options.talkWindow,
        audio_level_average: options.talkThreshold,
        is_private: false,
        permanent: false,
        ...(options.pin ? { pin: options.pin } : {}),
      });
      return secret;
    } catch (error) {
      if (!(error instanceof JanusFailure && error.janusCode === 427)) throw error;
      return undefined;
    }
  }

  /** Destroys a room this client created (it alone knows the secret); everyone in it is told. */
  async destroyRoom(room: string, secret: string): Promise<void> {
    await this.handle.request({ request: 'destroy', room, secret });
  }

  /** Joins as a member (`token`: what Janus's `signed_tokens` and `allowed` list want). */
  async join(options: { room: string; id: string; display: string; pin?: string; token?: string }): Promise<JoinedInfo> {
    const { message } = await this.handle.send(
      {
        request: 'join',
        ptype: 'publisher',
        room: options.room,
        id: options.id,
        display: options.display,
        ...(options.pin ? { pin: options.pin } : {}),
        ...(options.token ? { token: options.token } : {}),
      },
      { until: (m) => m['videoroom'] === 'joined' },
    );
    return parseJoined(message);
  }

  /**
   * Publishes tracks (janus.js never stops them) with a description for each, and resolves once
   * Janus answered, with the mid each track got. `silent` tracks are negotiated but send nothing
   * until `replaceTrack` gives them a track (a source muted before joining). `simulcast` video
   * tracks are sent in three layers (full, half and quarter size: janus.js's rid h, m, l), from
   * which Janus relays to each subscriber the one it asks for.
   */
  async publish(tracks: readonly MediaStreamTrack[], options: PublishOptions): Promise<Map<MediaStreamTrack, string>> {
    const silent = options.silent ?? new Set();
    for (const track of tracks) this.handedOver.add(track);
    const offer = await this.handle.createOffer(
      tracks.map((track) => ({
        type: kindOf(track),
        capture: track,
        recv: false,
        dontStop: true,
        ...(track.kind === 'video' && options.simulcast?.has(track) ? { simulcast: true } : {}),
      })),
    );
    const mids = this.mids(tracks);
    // The offer is applied locally, and nothing flows before the answer: silence them now.
    await Promise.all([...silent].map((track) => this.replaceTrack(mids.get(track)!, null)));
    const request = this.published ? 'configure' : 'publish';
    const { jsep } = await this.handle.send(
      { request, descriptions: [...mids].map(([track, mid]) => ({ mid, description: options.describe(track) })) },
      { jsep: offer, until: (m) => m['configured'] === 'ok' },
    );
    if (!jsep) throw new JanusFailure('plugin', `Janus accepted the ${request} request without an SDP answer`);
    await this.handle.handleRemoteJsep(jsep);
    this.published = true;
    this.hungUp = false;
    return mids;
  }

  /** Whether a data channel is negotiated (Twilio data tracks go over it). */
  get hasData(): boolean {
    return this.dataOpen !== undefined;
  }

  private dataOpen: Promise<void> | undefined;

  /**
   * Adds a data channel to what is published (a renegotiation; a publish of its own when nothing
   * else is): Janus relays what it carries to everyone subscribed to it. Resolves once it is open.
   */
  addData(timeout: number): Promise<void> {
    this.dataOpen ??= (async () => {
      const opened = new Promise<void>((resolve) => this.handle.events.on('dataOpen', () => resolve()));
      const offer = await this.handle.createOffer([{ type: 'data', capture: true }]);
      const request = this.published ? 'configure' : 'publish';
      const { jsep } = await this.handle.send({ request }, { jsep: offer, until: (m) => m['configured'] === 'ok' });
      if (!jsep) throw new JanusFailure('plugin', `Janus accepted the ${request} request without an SDP answer`);
      await this.handle.handleRemoteJsep(jsep);
      this.published = true;
      await withTimeout(opened, timeout, () => new JanusFailure('timeout', `the data channel did not open within ${timeout} ms`));
    })().catch((error: unknown) => {
      this.dataOpen = undefined;
      throw error;
    });
    return this.dataOpen;
  }

  /** Sends on the data channel (`addData` first). */
  sendData(data: string | ArrayBuffer): Promise<void> {
    return this.handle.sendData(data);
  }

  /**
   * Sends another track (or nothing) on a published mid: a device switch or a mute. No
   * renegotiation: this is `RTCRtpSender.replaceTrack`, which janus.js's `replaceTracks` also
   * uses, but without janus.js flipping the transceiver's direction (and so asking for an offer).
   */
  async replaceTrack(mid: string, track: MediaStreamTrack | null): Promise<void> {
    const transceiver = this.peerConnection?.getTransceivers().find((t) => t.mid === mid);
    if (!transceiver) throw new JanusFailure('webrtc', `no published stream with mid ${mid}`);
    await transceiver.sender.replaceTrack(track);
  }

  /** New descriptions for published mids; Janus sends them to everyone (no SDP involved). */
  async describe(descriptions: ReadonlyArray<{ mid: string; description: string }>): Promise<void> {
    if (descriptions.length === 0) return;
    await this.handle.send({ request: 'configure', descriptions }, { until: (m) => m['configured'] === 'ok' });
  }

  /**
   * Resolves once both ends agree our media is up: the browser's PeerConnection is connected and
   * Janus sent `webrtcup` (only then does Janus count us as a publisher and relay our media).
   */
  async mediaUp(timeout: number): Promise<void> {
    const ready = () => this.janusUp && this.peerConnection?.connectionState === 'connected';
    if (ready()) return;
    let onState: (state: RTCPeerConnectionState) => void = () => {};
    let onUp = () => {};
    let onHangup: (event: { reason: string }) => void = () => {};
    const connected = new Promise<void>((resolve, reject) => {
      onUp = () => {
        if (ready()) resolve();
      };
      onState = (state) => {
        if (state === 'failed' || state === 'closed') reject(new JanusFailure('media', `the PeerConnection is ${state}`));
        else onUp();
      };
      onHangup = ({ reason }) => reject(new JanusFailure('media', `Janus hung up (${reason})`));
      this.events.on('connectionState', onState);
      this.events.on('up', onUp);
      this.events.on('hangup', onHangup);
    });
    try {
      await withTimeout(connected, timeout, () => new JanusFailure('media', `not connected within ${timeout} ms`));
    } finally {
      this.events.off('connectionState', onState);
      this.events.off('up', onUp);
      this.events.off('hangup', onHangup);
    }
  }

  /**
   * This publisher's own talk detection (Janus `audio_level_average` over `audio_active_packets`),
   * instead of the room's: everyone's `talking` events about it follow the new threshold.
   */
  async setTalkDetection(threshold: number, window: number): Promise<void> {
    await this.handle.send(
      { request: 'configure', audio_level_average: threshold, audio_active_packets: window },
      { until: (m) => m['configured'] === 'ok' },
    );
  }

  /** Leaves the room and closes the PeerConnection (the handle goes; the session stays). */
  async detach(options: { unreachable?: boolean } = {}): Promise<void> {
    await this.handle.detach(options);
    this.forget();
  }

  /** Done with: the tracks it published no longer hold janus.js's session (`forgetTracks`). */
  forget(): void {
    forgetTracks(this.handedOver);
    this.handedOver.clear();
  }

  /** The mid of each track's transceiver (assigned once the offer was applied locally). */
  private mids(tracks: readonly MediaStreamTrack[]): Map<MediaStreamTrack, string> {
    const transceivers = this.peerConnection?.getTransceivers() ?? [];
    const mids = new Map<MediaStreamTrack, string>();
    for (const track of tracks) {
      const mid = transceivers.find((t) => t.sender.track === track)?.mid;
      if (mid) mids.set(track, mid);
    }
    return mids;
  }
}

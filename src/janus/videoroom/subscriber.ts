/**
 * One multistream subscriber PeerConnection for the whole room (janus-mapping.md §1.5). A
 * subscriber is not a member: Janus tells it nothing about the room, only about its streams.
 */
import mitt, { type Emitter } from 'mitt';
import type { HandleEvents, JanusSession, Jsep, PluginHandle } from '../janus-client.js';
import { VIDEOROOM_PLUGIN, parseLayerChange, parseSubscription, type FeedStream, type StreamSettings, type SubscriptionStream } from './protocol.js';
import { serial } from '../../util/serial.js';

export type SubscriberEvents = {
  /** The whole subscription, each time Janus describes it. */
  streams: SubscriptionStream[];
  track: HandleEvents['remoteTrack'];
  connectionState: RTCPeerConnectionState;
  slowLink: HandleEvents['slowLink'];
  /** Janus now relays another simulcast layer of a stream. */
  layer: { mid: string; substream: number };
  /** Something failed outside any request (answering an offer Janus sent by itself). */
  failure: Error;
  /** A data channel message a publisher sent (`label`: its id, as Janus labels what it relays). */
  data: HandleEvents['data'];
};

export interface SubscriberJoin {
  room: string;
  pin?: string;
  privateId: number;
  /** What a room with `signed_tokens` wants at join (from the room service; read when joining, as it is renewed). */
  credentials?: { readonly join: string };
}

/**
 * `subscribe` joins on first use and adds streams afterwards; every offer Janus sends (for our
 * requests, or by itself when a publisher leaves) is answered in order.
 */
export class VideoRoomSubscriber {
  readonly events: Emitter<SubscriberEvents> = mitt<SubscriberEvents>();
  private readonly handle: PluginHandle;
  private readonly joinOptions: SubscriberJoin;
  private joined = false;
  private readonly enqueue = serial();

  private constructor(handle: PluginHandle, join: SubscriberJoin) {
    this.handle = handle;
    this.joinOptions = join;
    handle.events.on('message', ({ message, jsep }) => {
      const streams = parseSubscription(message);
      if (streams) this.events.emit('streams', streams);
      const layer = parseLayerChange(message);
      if (layer) this.events.emit('layer', layer);
      if (jsep?.type === 'offer') {
        this.enqueue(() => this.answer(jsep)).catch((error: unknown) =>
          this.events.emit('failure', error instanceof Error ? error : new Error(String(error))),
        );
      }
    });
    handle.events.on('remoteTrack', (event) => this.events.emit('track', event));
    handle.events.on('connectionState', (state) => this.events.emit('connectionState', state));
    handle.events.on('slowLink', (event) => this.events.emit('slowLink', event));
    handle.events.on('data', (event) => this.events.emit('data', event));
  }

  static async attach(session: JanusSession, join: SubscriberJoin): Promise<VideoRoomSubscriber> {
    return new VideoRoomSubscriber(await session.attach(VIDEOROOM_PLUGIN), join);
  }

  get peerConnection(): RTCPeerConnection | null {
    return this.handle.peerConnection;
  }

  /** Adds streams to the subscription. Resolves when Janus accepted the request. */
  subscribe(streams: FeedStream[]): Promise<void> {
    return this.enqueue(async () => {
      if (!this.joined) {
        await this.handle.send(
          {
            request: 'join',
            ptype: 'subscriber',
            room: this.joinOptions.room,
            private_id: this.joinOptions.privateId,
            ...(this.joinOptions.pin ? { pin: this.joinOptions.pin } : {}),
            ...(this.joinOptions.credentials ? { token: this.joinOptions.credentials.join } : {}),
            streams,
          },
          { until: (m) => m['videoroom'] === 'attached' },
        );
        this.joined = true;
      } else {
        await this.handle.send(
          { request: 'subscribe', streams },
          { until: (m) => m['videoroom'] === 'updated' || m['videoroom'] === 'updating' },
        );
      }
    });
  }

  /**
   * Changes how Janus relays streams of the subscription, without renegotiating: `send: false`
   * stops a stream at the server (`true` resumes it, and Janus asks its publisher for a key
   * frame); `substream` picks a simulcast layer (0 lowest, 2 highest).
   */
  configure(streams: StreamSettings[]): Promise<void> {
    return this.configureRaw({ request: 'configure', streams });
  }

  /** Whether Janus accepted the subscription (from then on there is media to negotiate). */
  get negotiating(): boolean {
    return this.joined;
  }

  /** Whether the PeerConnection is there to restart (Janus did not hang it up). */
  get restartable(): boolean {
    const pc = this.peerConnection;
    return this.joined && pc !== null && pc.connectionState !== 'closed';
  }

  /** Asks Janus for an ICE restart: its new offer is answered as every offer is. */
  restartIce(): Promise<void> {
    return this.configureRaw({ request: 'configure', restart: true });
  }

  /** Leaves Janus (the PeerConnection closes); for a subscriber that is replaced. */
  detach(options: { unreachable?: boolean } = {}): Promise<void> {
    return this.handle.detach(options);
  }

  private configureRaw(body: Record<string, unknown>): Promise<void> {
    return this.enqueue(async () => {
      await this.handle.send(body, { until: (m) => m['configured'] === 'ok' });
    });
  }

  private async answer(offer: Jsep): Promise<void> {
    // Subscribed to someone's data: the answer takes the data channel Janus relays it on.
    const data = /^m=application /m.test(offer.sdp) ? [{ type: 'data' as const, capture: true }] : [];
    const answer = await this.handle.createAnswer(offer, data);
    await this.handle.send({ request: 'start' }, { jsep: answer, until: (m) => m['started'] === 'ok' });
  }

}

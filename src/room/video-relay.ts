/**
 * How Janus relays each subscribed video stream: switched off or on, and which simulcast layer,
 * as the room's demand says (video-demand.ts). Only differences are sent, in one subscriber
 * `configure` at a time; a layer switch Janus does not make is asked for again.
 */
import type { StreamSettings, SubscriptionStream } from '../janus/videoroom/protocol.js';
import type { VideoRoomSubscriber } from '../janus/videoroom/subscriber.js';
import { serial } from '../util/serial.js';
import { FULL_VIDEO, type VideoDemand } from './video-demand.js';

/** A publisher's stream, whatever subscriber mid carries it. */
export const feedKey = (feed: string, mid: string): string => `${feed}\u0000${mid}`;

/** What Janus was last told about a subscriber video stream, and for which feed. */
interface Relayed extends VideoDemand {
  readonly feed: string;
}

/** A layer switch asked for and not seen yet. */
interface PendingLayer {
  readonly target: number;
  readonly from: number;
  attempts: number;
}

export interface RelayHost {
  /** The subscriber, once attaching started. */
  subscriber(): Promise<VideoRoomSubscriber> | undefined;
  /** The subscription as Janus last described it, by subscriber mid. */
  subscription(): ReadonlyMap<string, SubscriptionStream>;
  /** How a member's video should be relayed now. */
  demand(memberId: string): VideoDemand;
  /** Whether media of a feed (`feedKey`) has arrived. */
  started(feed: string): boolean;
  /** Which streams are switched off changed. */
  changed(): void;
  fail(error: unknown): void;
}

const RETRY_MS = 1500;
const ATTEMPTS = 3;

export class VideoRelay {
  private readonly host: RelayHost;
  /** How Janus relays each video stream, by subscriber mid (unset: as it starts, in full). */
  private readonly relayed = new Map<string, Relayed>();
  private queued = false;
  private readonly queue = serial();
  /** The simulcast layer Janus relays on each subscriber mid, as it last said. */
  private readonly layers = new Map<string, number>();
  private readonly pending = new Map<string, PendingLayer>();
  private retry: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(host: RelayHost) {
    this.host = host;
  }

  /** The feeds (`feedKey`) Janus does not relay, as asked. */
  switchedOff(): Set<string> {
    return new Set([...this.relayed.values()].filter((relayed) => !relayed.send).map((relayed) => relayed.feed));
  }

  /**
   * Tells Janus how to relay each video stream, once the requests before are done: what a stream
   * costs follows the demand (who is visible, how large). Calls made meanwhile coalesce.
   */
  apply(): void {
    const subscriber = this.host.subscriber();
    if (this.closed || this.queued || !subscriber) return;
    this.queued = true;
    this.queue(async () => {
      // What changes while this runs queues the next run, which reads the demand afresh.
      this.queued = false;
      await this.configure(await subscriber);
    }).catch((error: unknown) => {
      if (!this.closed) this.host.fail(error);
    });
  }

  /** Janus now relays layer `substream` on `mid`. */
  layerChanged(mid: string, substream: number): void {
    this.layers.set(mid, substream);
    const pending = this.pending.get(mid);
    // There, or on the way to it (a layer the publisher does not send is never reached).
    if (pending && (substream === pending.target || Math.sign(pending.target - pending.from) === Math.sign(substream - pending.from))) {
      this.pending.delete(mid);
    }
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retry);
  }

  /** Sends the streams whose relaying differs from their demand, in one request. */
  private async configure(subscriber: VideoRoomSubscriber): Promise<void> {
    const changes: StreamSettings[] = [];
    const next = new Map<string, Relayed>();
    for (const [mid, stream] of this.host.subscription()) {
      if (stream.type !== 'video' || !stream.active || stream.feedId === undefined) continue;
      const feed = feedKey(stream.feedId, stream.feedMid ?? '');
      const before = this.relayed.get(mid);
      // A stream new to this mid starts as Janus starts it: relayed, at the top layer.
      const now = before?.feed === feed ? before : { feed, ...FULL_VIDEO };
      const want = this.host.demand(stream.feedId);
      // A layer is chosen once the video has started: asked before, the switch makes Janus request
      // more key frames while the sender's first ones are still on their way, and delays them.
      const layered = stream.simulcast && this.host.started(feed);
      const substream = layered ? want.substream : now.substream;
      if (want.send !== now.send || substream !== now.substream) {
        changes.push({ mid, send: want.send, ...(layered ? { substream } : {}) });
      }
      next.set(mid, { feed, send: want.send, substream });
    }
    if (changes.length > 0) await subscriber.configure(changes);
    if (this.closed) return;
    for (const { mid, send, substream } of changes) {
      if (send && substream !== undefined) this.pending.set(mid, { target: substream, from: this.layers.get(mid) ?? 2, attempts: 1 });
    }
    this.relayed.clear();
    for (const [mid, relayed] of next) this.relayed.set(mid, relayed);
    this.scheduleRetry();
    this.host.changed();
  }

  /**
   * Janus switches layers at a key frame, and asks the publisher for one when told to switch; a
   * switch asked for before the stream's first key frame waits for the next, which may be minutes
   * away. So a switch not seen within a second and a half is asked for again (each request makes
   * Janus ask for a key frame), up to three times.
   */
  private scheduleRetry(): void {
    if (this.retry !== undefined || this.pending.size === 0) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      const subscriber = this.host.subscriber();
      const subscription = this.host.subscription();
      const again: StreamSettings[] = [];
      for (const [mid, pending] of this.pending) {
        const relayed = this.relayed.get(mid);
        if (pending.attempts >= ATTEMPTS || !subscription.get(mid)?.active || !relayed?.send || relayed.substream !== pending.target) {
          this.pending.delete(mid);
          continue;
        }
        pending.attempts++;
        again.push({ mid, send: true, substream: pending.target });
      }
      if (again.length === 0 || this.closed || !subscriber) return;
      this.queue(async () => (await subscriber).configure(again))
        .then(() => this.scheduleRetry())
        .catch((error: unknown) => {
          if (!this.closed) this.host.fail(error);
        });
    }, RETRY_MS);
  }
}

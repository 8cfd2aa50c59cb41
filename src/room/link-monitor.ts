/**
 * Samples a join's PeerConnections every two seconds: the size each received video arrives at
 * (Twilio `dimensions`), and each member's network quality (network-quality.ts). For another
 * member it is how its media reaches this client (loss, jitter, stalls: its uplink and Janus's
 * relay); for this client, how Janus receives what it sends (receiver reports, bandwidth limits,
 * Janus's slowlink reports) and how it receives (round trip, downlink slowlinks, and the least
 * loss among the others, so that one member's bad link is not counted as this client's).
 */
import { peerStats, type InboundStats, type PeerStats } from '../media/rtc-stats.js';
import {
  overallLevel,
  receivedMetrics,
  scoreLink,
  sentMetrics,
  smoothLevel,
  type NetworkQualityLevel,
  type NetworkQualityMediaStats,
  type NetworkQualityStats,
  type SmoothedLevel,
} from './network-quality.js';

export const SAMPLE_INTERVAL_MS = 2000;

export interface Dimensions {
  readonly width: number;
  readonly height: number;
}

/** A member's level (null until known) and Twilio's stats behind it. */
export interface NetworkQuality {
  readonly level: NetworkQualityLevel | null;
  readonly stats: NetworkQualityStats | null;
}

export interface MonitoredLinks {
  readonly localId: string;
  publisher(): RTCPeerConnection | null;
  subscriber(): RTCPeerConnection | null;
  /** The received tracks that should be flowing now (started, not muted, not switched off): track id -> member id. */
  flowing(): ReadonlyMap<string, string>;
}

type Kind = 'audio' | 'video';
const KINDS: readonly Kind[] = ['audio', 'video'];

export class LinkMonitor {
  private readonly links: MonitoredLinks;
  private readonly changed: () => void;
  private timer: ReturnType<typeof setInterval> | undefined;
  private before: { subscriber: PeerStats; flowing: ReadonlyMap<string, string> } | undefined;
  private slowLinks = { up: 0, down: 0 };
  private readonly smoothed = new Map<string, SmoothedLevel>();
  private qualityValue: ReadonlyMap<string, NetworkQuality> = new Map();
  private dimensionsValue: ReadonlyMap<string, Dimensions> = new Map();
  private stalledValue: ReadonlySet<string> = new Set();
  private sampling = false;

  constructor(links: MonitoredLinks, changed: () => void) {
    this.links = links;
    this.changed = changed;
  }

  /** Network quality by member id. */
  get quality(): ReadonlyMap<string, NetworkQuality> {
    return this.qualityValue;
  }

  /** The size each received video arrives at, by track id. */
  get dimensions(): ReadonlyMap<string, Dimensions> {
    return this.dimensionsValue;
  }

  /** Other members none of whose media arrived over the last interval, though it should have. */
  get stalled(): ReadonlySet<string> {
    return this.stalledValue;
  }

  /** The links were rebuilt: compare against fresh counters, and judge no one stalled until then. */
  reset(): void {
    this.before = undefined;
    if (this.stalledValue.size > 0) {
      this.stalledValue = new Set();
      this.changed();
    }
  }

  start(interval = SAMPLE_INTERVAL_MS): void {
    if (this.timer !== undefined) return;
    void this.sample();
    this.timer = setInterval(() => void this.sample(), interval);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Janus reported lost packets: on what we send it (`uplink`), or on what it sends us. */
  slowLink(uplink: boolean): void {
    if (uplink) this.slowLinks.up++;
    else this.slowLinks.down++;
  }

  private async sample(): Promise<void> {
    if (this.sampling) return;
    this.sampling = true;
    try {
      const [publisher, subscriber] = await Promise.all([peerStats(this.links.publisher()), peerStats(this.links.subscriber())]);
      if (this.timer === undefined) return;
      const flowing = this.links.flowing();
      const dimensions = this.measureDimensions(subscriber.inbound);
      // Loss and stalls need two samples: the first one only sets the counters to compare with.
      const quality = this.before ? this.measureQuality(this.before, publisher, subscriber, flowing) : this.qualityValue;
      this.before = { subscriber, flowing };
      this.slowLinks = { up: 0, down: 0 };
      if (dimensions !== this.dimensionsValue || quality !== this.qualityValue) {
        this.dimensionsValue = dimensions;
        this.qualityValue = quality;
        this.changed();
      }
    } catch {
      // A PeerConnection closing under us: the next sample (or the end of the join) settles it.
    } finally {
      this.sampling = false;
    }
  }

  private measureDimensions(inbound: readonly InboundStats[]): ReadonlyMap<string, Dimensions> {
    const next = new Map<string, Dimensions>();
    for (const stream of inbound) {
      if (stream.kind === 'video' && stream.frameWidth && stream.frameHeight) next.set(stream.trackId, { width: stream.frameWidth, height: stream.frameHeight });
    }
    const same = next.size === this.dimensionsValue.size && [...next].every(([id, d]) => this.dimensionsValue.get(id)?.width === d.width && this.dimensionsValue.get(id)?.height === d.height);
    return same ? this.dimensionsValue : next;
  }

  /** A member is stalled when every kind judged of it received nothing. */
  private measureStalls(remote: ReadonlyMap<string, Record<Kind, ReturnType<typeof receivedMetrics>>>): void {
    const stalled = new Set<string>();
    for (const [memberId, metrics] of remote) {
      const judged = KINDS.map((kind) => metrics[kind]).filter((m) => m !== null);
      if (judged.length > 0 && judged.every((m) => m.stalled)) stalled.add(memberId);
    }
    const same = stalled.size === this.stalledValue.size && [...stalled].every((id) => this.stalledValue.has(id));
    if (!same) {
      this.stalledValue = stalled;
      this.changed();
    }
  }

  private measureQuality(
    before: { subscriber: PeerStats; flowing: ReadonlyMap<string, string> },
    publisher: PeerStats,
    subscriber: PeerStats,
    flowing: ReadonlyMap<string, string>,
  ): ReadonlyMap<string, NetworkQuality> {
    // Only tracks that should have flowed over the whole interval are judged.
    const judged = (stats: readonly InboundStats[], memberId: string, kind: Kind) =>
      stats.filter((s) => s.kind === kind && flowing.get(s.trackId) === memberId && before.flowing.get(s.trackId) === memberId);
    const remote = new Map<string, Record<Kind, ReturnType<typeof receivedMetrics>>>();
    for (const memberId of new Set(flowing.values())) {
      const metrics = (kind: Kind) => receivedMetrics(judged(before.subscriber.inbound, memberId, kind), judged(subscriber.inbound, memberId, kind));
      remote.set(memberId, { audio: metrics('audio'), video: metrics('video') });
    }
    this.measureStalls(remote);

    const measured = new Map<string, Record<Kind, NetworkQualityMediaStats | null>>();
    for (const [memberId, metrics] of remote) {
      const recv = (kind: Kind) => {
        const m = metrics[kind];
        return m ? { send: null, recv: scoreLink({ ...m, roundTrip: null, bandwidthLimited: false, slowLinks: 0 }) } : null;
      };
      measured.set(memberId, { audio: recv('audio'), video: recv('video') });
    }
    const local = (kind: Kind): NetworkQualityMediaStats | null => {
      const outbound = publisher.outbound.find((o) => o.kind === kind);
      const send = outbound ? scoreLink(sentMetrics(outbound, this.slowLinks.up)) : null;
      // The best of what arrives from the others: if even that is lossy, the loss is ours.
      const others = [...remote.values()].map((m) => m[kind]).filter((m) => m !== null);
      const best = (pick: (m: NonNullable<(typeof others)[number]>) => number | null) => {
        const values = others.map(pick).filter((v): v is number => v !== null);
        return values.length === 0 ? null : Math.min(...values);
      };
      const recv = scoreLink({
        loss: best((m) => m.loss),
        jitter: best((m) => m.jitter),
        roundTrip: subscriber.roundTripTime === null ? null : subscriber.roundTripTime * 1000,
        bandwidthLimited: false,
        slowLinks: this.slowLinks.down,
        stalled: false,
      });
      return send === null && others.length === 0 ? null : { send, recv };
    };
    measured.set(this.links.localId, { audio: local('audio'), video: local('video') });

    const next = new Map<string, NetworkQuality>();
    for (const [memberId, kinds] of measured) {
      const levels = KINDS.flatMap((kind) => [kinds[kind]?.send ?? null, kinds[kind]?.recv ?? null]);
      const state = smoothLevel(this.smoothed.get(memberId) ?? { level: null }, overallLevel(levels));
      this.smoothed.set(memberId, state);
      next.set(memberId, { level: state.level, stats: state.level === null ? null : { level: state.level, audio: kinds.audio, video: kinds.video } });
    }
    for (const memberId of this.smoothed.keys()) if (!measured.has(memberId)) this.smoothed.delete(memberId);
    // A new map only when a level changed: the stats behind a level go out with its changes.
    const same = next.size === this.qualityValue.size && [...next].every(([id, quality]) => this.qualityValue.get(id)?.level === quality.level);
    return same ? this.qualityValue : next;
  }
}

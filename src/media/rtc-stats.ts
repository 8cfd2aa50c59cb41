/**
 * A PeerConnection's `getStats()` as the few numbers this library reads: what each received track
 * got (cumulative counters, as WebRTC keeps them), how what we send fares at the far end (RTCP
 * receiver reports), and the round trip. Parsing is pure; `peerStats` is the one call.
 */

export interface InboundStats {
  /** The id of the MediaStreamTrack it arrives on. */
  readonly trackId: string;
  readonly kind: 'audio' | 'video';
  readonly packetsReceived: number;
  readonly packetsLost: number;
  /** Seconds. */
  readonly jitter: number;
  readonly bytesReceived: number;
  readonly frameWidth?: number;
  readonly frameHeight?: number;
}

/** How one kind of what we send fares at Janus (its receiver reports). */
export interface OutboundStats {
  readonly kind: 'audio' | 'video';
  /** Fraction of packets lost in the last report (0-1); the worst simulcast layer's. */
  readonly fractionLost: number | null;
  /** Seconds. */
  readonly roundTripTime: number | null;
  /** Seconds. */
  readonly jitter: number | null;
  /** The encoder holds back for lack of bandwidth (`qualityLimitationReason`). */
  readonly bandwidthLimited: boolean;
}

export interface PeerStats {
  /** The selected candidate pair's round trip, in seconds. */
  readonly roundTripTime: number | null;
  readonly inbound: readonly InboundStats[];
  readonly outbound: readonly OutboundStats[];
}

type Stat = Record<string, unknown> & { type: string; id: string };

const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const kindOf = (stat: Stat): 'audio' | 'video' | undefined => (stat['kind'] === 'audio' || stat['kind'] === 'video' ? stat['kind'] : undefined);

function worst(values: readonly (number | undefined)[]): number | null {
  const known = values.filter((value): value is number => value !== undefined);
  return known.length === 0 ? null : Math.max(...known);
}

/** Reads a stats report (pure: any map of stats objects by id). */
export function readStats(report: ReadonlyMap<string, unknown>): PeerStats {
  const stats = [...report.values()].filter((s): s is Stat => typeof s === 'object' && s !== null && typeof (s as Stat).type === 'string');
  const byId = new Map(stats.map((s) => [s.id, s]));
  const inbound: InboundStats[] = [];
  const remote = new Map<'audio' | 'video', Stat[]>();
  const limited = new Set<'audio' | 'video'>();
  let roundTripTime: number | null = null;
  for (const stat of stats) {
    const kind = kindOf(stat);
    if (stat.type === 'inbound-rtp' && kind && typeof stat['trackIdentifier'] === 'string') {
      inbound.push({
        trackId: stat['trackIdentifier'],
        kind,
        packetsReceived: num(stat['packetsReceived']) ?? 0,
        packetsLost: Math.max(0, num(stat['packetsLost']) ?? 0),
        jitter: num(stat['jitter']) ?? 0,
        bytesReceived: num(stat['bytesReceived']) ?? 0,
        ...(num(stat['frameWidth']) && num(stat['frameHeight']) ? { frameWidth: num(stat['frameWidth'])!, frameHeight: num(stat['frameHeight'])! } : {}),
      });
    } else if (stat.type === 'remote-inbound-rtp' && kind) {
      remote.set(kind, [...(remote.get(kind) ?? []), stat]);
    } else if (stat.type === 'outbound-rtp' && kind && stat['qualityLimitationReason'] === 'bandwidth') {
      limited.add(kind);
    } else if (stat.type === 'transport' && typeof stat['selectedCandidatePairId'] === 'string') {
      roundTripTime = num(byId.get(stat['selectedCandidatePairId'])?.['currentRoundTripTime']) ?? roundTripTime;
    }
  }
  const outbound = [...remote].map(([kind, reports]) => ({
    kind,
    fractionLost: worst(reports.map((r) => num(r['fractionLost']))),
    roundTripTime: worst(reports.map((r) => num(r['roundTripTime']))),
    jitter: worst(reports.map((r) => num(r['jitter']))),
    bandwidthLimited: limited.has(kind),
  }));
  return { roundTripTime, inbound, outbound };
}

/** The stats of `pc` now; empty when it has none (closed, or never connected). */
export async function peerStats(pc: RTCPeerConnection | null | undefined): Promise<PeerStats> {
  if (!pc || pc.connectionState === 'closed') return { roundTripTime: null, inbound: [], outbound: [] };
  return readStats(await pc.getStats());
}

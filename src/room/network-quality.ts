/**
 * Twilio's network quality levels (0-5) from what getStats and Janus say. Pure: metrics in, levels
 * out, with a little hysteresis so a level does not flap between samples.
 *
 * 5 excellent, 4 good, 3 fair, 2 poor, 1 very poor, 0 broken (media that should flow does not).
 * A link scores the worst of its packet loss, round trip, jitter, the encoder being held back
 * for bandwidth, and Janus's slowlink reports.
 */
import type { InboundStats, OutboundStats } from '../media/rtc-stats.js';

export type NetworkQualityLevel = 0 | 1 | 2 | 3 | 4 | 5;

/** Twilio `NetworkQualityStats`: the level, and per kind the send and receive levels known here. */
export interface NetworkQualityStats {
  readonly level: NetworkQualityLevel;
  readonly audio: NetworkQualityMediaStats | null;
  readonly video: NetworkQualityMediaStats | null;
}

export interface NetworkQualityMediaStats {
  /** What this member sends, as Janus receives it (known for this client only). */
  readonly send: NetworkQualityLevel | null;
  /** What is received (from this member, or by this client). */
  readonly recv: NetworkQualityLevel | null;
}

/** One link over one sampling interval. */
export interface LinkMetrics {
  /** Fraction of packets lost (0-1). */
  readonly loss: number | null;
  /** Milliseconds. */
  readonly roundTrip: number | null;
  /** Milliseconds. */
  readonly jitter: number | null;
  readonly bandwidthLimited: boolean;
  /** Janus slowlink reports in the interval. */
  readonly slowLinks: number;
  /** Media should have flowed but nothing arrived. */
  readonly stalled: boolean;
}

type Level = NetworkQualityLevel;

/** The level for `value` given the upper bounds of levels 5, 4, 3 and 2 (beyond: 1). */
function banded(value: number | null, bounds: readonly [number, number, number, number]): Level {
  if (value === null) return 5;
  const index = bounds.findIndex((bound) => value <= bound);
  return (index === -1 ? 1 : 5 - index) as Level;
}

export function scoreLink(metrics: LinkMetrics): Level {
  if (metrics.stalled) return 0;
  const levels: Level[] = [
    banded(metrics.loss, [0.01, 0.025, 0.05, 0.1]),
    banded(metrics.roundTrip, [150, 250, 400, 700]),
    banded(metrics.jitter, [20, 40, 70, 120]),
    metrics.bandwidthLimited ? 3 : 5,
    metrics.slowLinks >= 3 ? 2 : metrics.slowLinks > 0 ? 3 : 5,
  ];
  return Math.min(...levels) as Level;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * The receive side of `tracks` (one member's, one kind) between two samples: loss from the
 * counters' growth, the worst jitter, and whether anything arrived. Tracks absent from either
 * sample (new, or gone) do not count. Null when nothing is to be judged.
 */
export function receivedMetrics(before: readonly InboundStats[], after: readonly InboundStats[]): Omit<LinkMetrics, 'roundTrip' | 'bandwidthLimited' | 'slowLinks'> | null {
  const pairs = after.flatMap((now) => {
    const then = before.find((b) => b.trackId === now.trackId);
    return then ? [[then, now] as const] : [];
  });
  if (pairs.length === 0) return null;
  const received = sum(pairs.map(([then, now]) => Math.max(0, now.packetsReceived - then.packetsReceived)));
  const lost = sum(pairs.map(([then, now]) => Math.max(0, now.packetsLost - then.packetsLost)));
  return {
    loss: received + lost === 0 ? null : lost / (received + lost),
    jitter: Math.max(...pairs.map(([, now]) => now.jitter * 1000)),
    stalled: received === 0,
  };
}

/** The send side of one kind, from Janus's receiver reports. */
export function sentMetrics(outbound: OutboundStats, slowLinks: number): LinkMetrics {
  return {
    loss: outbound.fractionLost,
    roundTrip: outbound.roundTripTime === null ? null : outbound.roundTripTime * 1000,
    jitter: outbound.jitter === null ? null : outbound.jitter * 1000,
    bandwidthLimited: outbound.bandwidthLimited,
    slowLinks,
    stalled: false,
  };
}

/** A level that moves once a new value holds for two samples, or at once when it falls by two or more. */
export interface SmoothedLevel {
  readonly level: Level | null;
  readonly candidate?: Level;
}

export function smoothLevel(state: SmoothedLevel, measured: Level | null): SmoothedLevel {
  if (measured === null || measured === state.level) return { level: state.level };
  if (state.level === null || state.level - measured >= 2 || state.candidate === measured) return { level: measured };
  return { level: state.level, candidate: measured };
}

/** The overall level: the worst of the levels known. */
export function overallLevel(levels: readonly (Level | null)[]): Level | null {
  const known = levels.filter((level): level is Level => level !== null);
  return known.length === 0 ? null : (Math.min(...known) as Level);
}

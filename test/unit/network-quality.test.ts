import { expect } from '@open-wc/testing';
import { readStats, type InboundStats } from '../../src/media/rtc-stats.js';
import { overallLevel, receivedMetrics, scoreLink, sentMetrics, smoothLevel, type LinkMetrics } from '../../src/room/network-quality.js';

const clean: LinkMetrics = { loss: 0, roundTrip: 20, jitter: 5, bandwidthLimited: false, slowLinks: 0, stalled: false };
const inbound = (trackId: string, packetsReceived: number, packetsLost: number, jitter = 0.005): InboundStats => ({
  trackId,
  kind: 'video',
  packetsReceived,
  packetsLost,
  jitter,
  bytesReceived: 0,
});

describe('network quality', () => {
  it('scores a link by the worst of loss, round trip, jitter, bandwidth and slowlinks; 0 when media stalls', () => {
    expect(scoreLink(clean)).to.equal(5);
    expect(scoreLink({ ...clean, loss: 0.02 })).to.equal(4);
    expect(scoreLink({ ...clean, loss: 0.3 })).to.equal(1);
    expect(scoreLink({ ...clean, roundTrip: 300 })).to.equal(3);
    expect(scoreLink({ ...clean, jitter: 100 })).to.equal(2);
    expect(scoreLink({ ...clean, bandwidthLimited: true })).to.equal(3);
    expect(scoreLink({ ...clean, slowLinks: 4 })).to.equal(2);
    expect(scoreLink({ ...clean, loss: null, roundTrip: null, jitter: null }), 'nothing known is nothing wrong').to.equal(5);
    expect(scoreLink({ ...clean, stalled: true })).to.equal(0);
  });

  it('measures what arrived between two samples from the counters, over the tracks in both', () => {
    const metrics = receivedMetrics([inbound('a', 100, 0), inbound('gone', 5, 0)], [inbound('a', 190, 10, 0.03), inbound('new', 50, 50)]);
    expect(metrics).to.deep.equal({ loss: 0.1, jitter: 30, stalled: false });
    expect(receivedMetrics([inbound('a', 100, 0)], [inbound('a', 100, 0)])).to.deep.include({ stalled: true, loss: null });
    expect(receivedMetrics([], [inbound('a', 100, 0)]), 'nothing to judge yet').to.equal(null);
  });

  it("reads Janus's receiver reports for what is sent, in milliseconds", () => {
    const metrics = sentMetrics({ kind: 'video', fractionLost: 0.2, roundTripTime: 0.05, jitter: 0.01, bandwidthLimited: true }, 1);
    expect(metrics).to.deep.equal({ loss: 0.2, roundTrip: 50, jitter: 10, bandwidthLimited: true, slowLinks: 1, stalled: false });
  });

  it('moves a level once a new value holds for two samples, and at once when it falls by two or more', () => {
    let state = smoothLevel({ level: null }, 5);
    expect(state.level).to.equal(5);
    state = smoothLevel(state, 4);
    expect(state.level, 'one sample of 4 is not enough').to.equal(5);
    state = smoothLevel(state, 4);
    expect(state.level).to.equal(4);
    expect(smoothLevel(state, 1).level, 'a fall of three is at once').to.equal(1);
    expect(smoothLevel(state, null).level, 'no measure keeps the level').to.equal(4);
    expect(overallLevel([null, 4, 2, null])).to.equal(2);
    expect(overallLevel([null])).to.equal(null);
  });

  it("reads a stats report: received tracks, the worst simulcast layer's receiver report, the selected pair's round trip", () => {
    const report = new Map<string, unknown>([
      ['t', { type: 'transport', id: 't', selectedCandidatePairId: 'p' }],
      ['p', { type: 'candidate-pair', id: 'p', currentRoundTripTime: 0.012 }],
      ['i1', { type: 'inbound-rtp', id: 'i1', kind: 'video', trackIdentifier: 'v', packetsReceived: 10, packetsLost: 1, jitter: 0.002, bytesReceived: 900, frameWidth: 320, frameHeight: 240 }],
      ['i2', { type: 'inbound-rtp', id: 'i2', kind: 'audio', trackIdentifier: 'a', packetsReceived: 5, packetsLost: -1, jitter: 0.001, bytesReceived: 100 }],
      ['o1', { type: 'outbound-rtp', id: 'o1', kind: 'video', rid: 'h', qualityLimitationReason: 'bandwidth' }],
      ['r1', { type: 'remote-inbound-rtp', id: 'r1', kind: 'video', fractionLost: 0.01, roundTripTime: 0.02, jitter: 0.003 }],
      ['r2', { type: 'remote-inbound-rtp', id: 'r2', kind: 'video', fractionLost: 0.25, roundTripTime: 0.03 }],
    ]);
    const stats = readStats(report);
    expect(stats.roundTripTime).to.equal(0.012);
    expect(stats.inbound).to.deep.equal([
      { trackId: 'v', kind: 'video', packetsReceived: 10, packetsLost: 1, jitter: 0.002, bytesReceived: 900, frameWidth: 320, frameHeight: 240 },
      { trackId: 'a', kind: 'audio', packetsReceived: 5, packetsLost: 0, jitter: 0.001, bytesReceived: 100 },
    ]);
    expect(stats.outbound).to.deep.equal([{ kind: 'video', fractionLost: 0.25, roundTripTime: 0.03, jitter: 0.003, bandwidthLimited: true }]);
  });
});

// Simulcast on the real Janus: the camera goes out in layers, each tile gets the layer its size
// needs (Twilio's trackDimensionsChanged says so), and simulcast="false" sends one stream.
import { expect } from '@open-wc/testing';
import type { TrackEventDetail, VideoRoom } from '../../dist/src/index.js';
import '../../dist/src/index.js';
import { aliceAndBob, capturePeerConnections, senderOf, decodedFrame, nextEvent, present, roomElement, tileFor, uniqueRoom, until } from '../support/helpers.js';

/** The rids (or '' for a single stream) of `track`'s outbound video that carry frames. */
async function sentLayers(connections: RTCPeerConnection[], track: MediaStreamTrack): Promise<Map<string, number>> {
  const layers = new Map<string, number>();
  for (const stat of (await senderOf(connections, track).getStats()).values()) {
    if (stat.type === 'outbound-rtp' && stat.kind === 'video' && stat.frameWidth) layers.set(stat.rid ?? '', stat.frameWidth);
  }
  return layers;
}

const resized = (room: VideoRoom, track: MediaStreamTrack, width: number) =>
  nextEvent<TrackEventDetail>(room, 'trackDimensionsChanged', (d) => d.track.mediaStreamTrack === track && d.track.dimensions?.width === width);

describe('simulcast', () => {
  it('sends the camera in layers, and gives a small tile the half-size one and a large tile the full one', async () => {
    const { connections, alice, bob, remoteVideo } = await aliceAndBob('simulcast');
    // Chromium encodes a 640x480 camera as two layers (its quarter layer gets no frames at that size).
    const layers = await until(() => sentLayers(connections, alice.localVideoTrack!), (l) => l.size >= 2, 'two layers');
    expect(layers.get('h')).to.equal(640);
    expect(layers.get('m')).to.equal(320);

    // A room 400 px wide: tiles under 240 px ask for the smallest layer Alice sends.
    const small = resized(bob, remoteVideo, 320);
    bob.style.width = '400px';
    const { track, participant } = (await small).detail;
    expect(track.dimensions).to.deep.equal({ width: 320, height: 240 });
    expect(participant.sid).to.equal(alice.memberId);
    const tile = await until(() => tileFor(bob, alice.memberId!), present, "Alice's tile");
    await until(() => tile.shadowRoot!.querySelector('video')!.videoWidth, (w) => w === 320, 'the tile decoding 320 px');

    // The speaker view gives Alice the whole width: the full layer.
    const large = resized(bob, remoteVideo, 640);
    bob.style.width = '';
    await bob.setLayout({ name: 'highlight-1-responsive' });
    expect((await large).detail.track.dimensions).to.deep.equal({ width: 640, height: 480 });
    expect((await decodedFrame(tile.shadowRoot!.querySelector('video')!)).width).to.equal(640);
  });

  it('sends one full-size stream with simulcast="false"', async () => {
    const connections = capturePeerConnections();
    const roomName = uniqueRoom('no-simulcast');
    const alice = await roomElement(roomName, 'Alice', { attributes: { simulcast: 'false' } });
    await alice.join();
    const layers = await until(() => sentLayers(connections, alice.localVideoTrack!), (l) => l.size > 0, 'the stream');
    expect([...layers]).to.deep.equal([['', 640]]);
  });
});

// Twilio data tracks on the VideoRoom publisher's data channel: a string and an ArrayBuffer from
// Alice reach Bob as `trackMessage`, with Alice as the sender; limits say what is wrong.
import { expect } from '@open-wc/testing';
import type { TrackMessageDetail } from '../../dist/src/index.js';
import { LocalDataTrack, MAX_DATA_BYTES } from '../../dist/src/index.js';
import { aliceAndBob, nextEvent } from '../support/helpers.js';

describe('data tracks', () => {
  it('a string and an ArrayBuffer from A arrive at B as trackMessage with A as the sender', async () => {
    const { alice, bob } = await aliceAndBob('data');
    const track = new LocalDataTrack({ name: 'cursor' });
    expect(() => track.send('too early')).to.throw(DOMException, /not published/);
    await alice.publishTrack(track);
    expect(track.isPublished).to.equal(true);

    // Bob subscribes to Alice's data once Janus announces it: send until the first one lands.
    const text = nextEvent<TrackMessageDetail>(bob, 'trackMessage', (d) => d.data === 'hello');
    const sender = setInterval(() => track.send('hello'), 200);
    try {
      const { detail } = await text;
      expect(detail.participant.identity).to.equal('Alice');
      expect(detail.participant.sid).to.equal(alice.memberId);
      expect(detail.track.kind).to.equal('data');
    } finally {
      clearInterval(sender);
    }

    const binary = nextEvent<TrackMessageDetail>(bob, 'trackMessage', (d) => d.data instanceof ArrayBuffer);
    track.send(new Uint8Array([1, 2, 3, 250]).buffer);
    const { detail } = await binary;
    expect([...new Uint8Array(detail.data as ArrayBuffer)]).to.deep.equal([1, 2, 3, 250]);
    expect(detail.participant.identity).to.equal('Alice');

    expect(() => track.send('x'.repeat(MAX_DATA_BYTES + 1))).to.throw(RangeError, /at most/);
    alice.unpublishTrack(track);
    expect(() => track.send('gone')).to.throw(DOMException);
  });
});

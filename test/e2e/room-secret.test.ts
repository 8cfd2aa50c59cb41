// Rooms that <video-room> creates ad hoc have a secret nobody knows: no client can kick members,
// moderate, destroy the room, forward its media or record it.
import { expect } from '@open-wc/testing';
import '../../dist/src/index.js';
import { janusAdmin, participantsOnServer, roomElement, uniqueRoom } from '../support/helpers.js';

describe('a room created by a client', () => {
  it('refuses every privileged request without its secret, and keeps its member', async () => {
    const room = uniqueRoom('adhoc');
    const alice = await roomElement(room, 'Alice');
    await alice.join();
    const id = alice.memberId;
    const privileged = [
      { request: 'destroy', room },
      { request: 'kick', room, id },
      { request: 'moderate', room, id, mid: '0', mute: true },
      // Aimed at this machine, and refused anyway.
      { request: 'rtp_forward', room, publisher_id: id, host: '127.0.0.1', streams: [{ mid: '0', port: 5002 }] },
      { request: 'enable_recording', room, record: true },
      { request: 'edit', room, new_pin: '1234' },
    ];
    for (const request of privileged) {
      for (const guess of [{}, { secret: '' }, { secret: room }]) {
        const answer = await janusAdmin({ ...request, ...guess });
        // 429: secret missing, 433: wrong secret.
        expect(answer['error_code'], `${request.request} ${JSON.stringify(guess)}`).to.be.oneOf([429, 433]);
      }
    }
    expect((await participantsOnServer(room)).map((p) => p.id)).to.deep.equal([id]);
    expect(alice.active).to.equal(true);
  });
});

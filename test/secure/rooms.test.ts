// Rooms on Janus with token enforcement: only the room service creates them, and it destroys one
// its last member left (Janus 1.1.2 never does), after the idle time (5 s in the harness's config).
import { expect } from '@open-wc/testing';
import '../../dist/src/index.js';
import { janusAdmin, nextEvent, uniqueRoom, until } from '../support/helpers.js';
import { tokenRoom } from './secure-helpers.js';

const exists = async (room: string) => (await janusAdmin({ request: 'exists', room }))['exists'] === true;

describe('rooms of the room service', () => {
  it('creates a room for its first member and destroys it once its last member left', async () => {
    const room = uniqueRoom('idle');
    expect(await exists(room)).to.equal(false);
    const alice = await tokenRoom({ room, identity: 'Alice' }, { audio: 'false', video: 'false' });
    await alice.join();
    expect(await exists(room)).to.equal(true);
    const left = nextEvent(alice, 'room.left');
    await alice.leave();
    await left;
    await until(() => exists(room), (present) => !present, 'the empty room to be destroyed');
    // A new member brings it back, unlocked and empty.
    const bob = await tokenRoom({ room, identity: 'Bob' }, { audio: 'false', video: 'false' });
    await bob.join();
    expect(await exists(room)).to.equal(true);
    expect(bob.members.map((m) => m.name)).to.deep.equal(['Bob']);
  });
});

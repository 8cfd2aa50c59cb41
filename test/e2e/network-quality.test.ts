// Network quality on the real Janus: a level (0-5) for every member, this client included, from
// getStats and Janus's slowlink reports; squeezing one member's link (tc inside the private
// namespace) drops that member's level, for the others and for itself, and not anyone else's.
import { expect } from '@open-wc/testing';
import type { NetworkQualityLevelChangedDetail, VideoRoom } from '../../dist/src/index.js';
import '../../dist/src/index.js';
import { capturePeerConnections, degradeLink, nextEvent, present, roomElement, senderOf, tileFor, uniqueRoom, until } from '../support/helpers.js';

/** The level `viewer` has for `memberId` (its own, or another participant's). */
const levelOn = (viewer: VideoRoom, memberId: string) =>
  memberId === viewer.memberId
    ? (viewer.roomSession.snapshot.localParticipant?.networkQualityLevel ?? null)
    : (viewer.roomSession.participants.get(memberId)?.networkQualityLevel ?? null);

describe('network quality', () => {
  it('reports a level for every member, and drops it for a member whose link degrades', async () => {
    const connections = capturePeerConnections();
    const roomName = uniqueRoom('quality');
    const [alice, bob, carol] = (await Promise.all(['Alice', 'Bob', 'Carol'].map((name) => roomElement(roomName, name)))) as [VideoRoom, VideoRoom, VideoRoom];
    const bobHearsOfAlice = nextEvent<NetworkQualityLevelChangedDetail>(bob, 'networkQualityLevelChanged', (d) => d.participant.sid === alice.memberId);
    for (const room of [alice, bob, carol]) await room.join();
    const ids = [alice, bob, carol].map((room) => room.memberId!);

    // Every member, seen from every member, themselves included.
    for (const viewer of [alice, bob, carol]) {
      for (const id of ids) await until(() => levelOn(viewer, id), (level) => level !== null && level >= 3, `a level for ${id}`);
    }
    const first = (await bobHearsOfAlice).detail;
    expect(first.participant.identity).to.equal('Alice');
    expect(first.networkQualityLevel).to.be.within(0, 5);
    expect(first.networkQualityStats).to.include({ level: first.networkQualityLevel });
    expect(first.networkQualityStats!.video!.recv).to.be.within(0, 5);
    const tile = await until(() => tileFor(bob, alice.memberId!), present, "Alice's tile");
    await until(() => tile.getAttribute('network-quality'), (level) => level !== null, 'the bars on her tile');
    expect(tile.shadowRoot!.querySelector('[part="network-quality"]')!.getAttribute('aria-label')).to.match(/^Network quality [0-5] of 5$/);

    // Alice's uplink squeezed to 100 kbit/s: what she sends is lost or late.
    const publisher = senderOf(connections, alice.localVideoTrack);
    const drop = nextEvent<NetworkQualityLevelChangedDetail>(bob, 'networkQualityLevelChanged', (d) => d.participant.sid === alice.memberId && (d.networkQualityLevel ?? 5) <= 2);
    await degradeLink(publisher, '100kbit');
    expect((await drop).detail.networkQualityLevel).to.be.at.most(2);
    await until(() => levelOn(alice, alice.memberId!), (level) => level !== null && level <= 2, 'Alice to see her own link degrade');
    await until(() => tile.getAttribute('network-quality'), (level) => Number(level) <= 2, 'the bars to drop');
    expect(levelOn(bob, carol.memberId!), "Carol's link is fine").to.be.at.least(3);
    await until(() => levelOn(carol, alice.memberId!), (level) => level !== null && level <= 2, 'Carol to see Alice degrade too');
  });
});

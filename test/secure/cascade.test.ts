// Many Janus servers behind one room service (JANUS_INSTANCES=2): rooms are spread over the
// instances, and a room named large-* is cascaded over both with VideoRoom's remote publishers,
// so members joined through different instances see and hear each other.
import { expect } from '@open-wc/testing';
import type { MemberEventDetail } from '../../dist/src/index.js';
import '../../dist/src/index.js';
import { capturePeerConnections, inboundStats, nextEvent, packetsFlow, uniqueRoom, until } from '../support/helpers.js';
import { remoteTrack, tokenRoom } from './secure-helpers.js';

declare global {
  interface Window {
    __JANUS_URLS__: string[];
  }
}

const NO_MEDIA = { audio: 'false', video: 'false' };
const servers = () => window.__JANUS_URLS__;

/** Resolves once `viewer` has decoded frames of `track` (read from the receiver's stats). */
const decodes = (connections: RTCPeerConnection[], track: MediaStreamTrack) =>
  until(async () => (await inboundStats(connections, track)).framesDecoded ?? 0, (n) => n > 10, `frames of ${track.id} decoded`);

describe('several Janus servers', () => {
  before(function () {
    if (servers().length < 2) throw new Error('these tests need JANUS_INSTANCES=2 (npm run test:secure sets it)');
  });

  it('places rooms on the least loaded instance, and keeps each room on its own', async () => {
    const used = new Map<string, string>();
    // Each new room with a member in it goes where fewer members are: both instances fill.
    for (let i = 0; i < 4 && used.size < 2; i++) {
      const room = uniqueRoom('spread');
      const member = await tokenRoom({ room, identity: `Member ${i}` }, NO_MEDIA);
      await member.join();
      expect(servers()).to.include(member.janusServer);
      if (!used.has(member.janusServer!)) used.set(member.janusServer!, room);
    }
    expect([...used.keys()].sort()).to.deep.equal([...servers()].sort());
    // Sticky: another member of a room joins the instance that holds it.
    for (const [server, room] of used) {
      const second = await tokenRoom({ room, identity: 'Second' }, NO_MEDIA);
      await second.join();
      expect(second.janusServer).to.equal(server);
      await until(() => second.members.length, (n) => n === 2, 'both members of the room');
    }
  });

  it('cascades a large room: members on different instances decode each other (a camera turned on later too), and a leave reaches the other instance', async () => {
    const connections = capturePeerConnections();
    const room = uniqueRoom('large');
    const alice = await tokenRoom({ room, identity: 'Alice' });
    const bob = await tokenRoom({ room, identity: 'Bob' });
    await alice.join();
    const bobVideo = remoteTrack(alice, () => bob.memberId, 'video');
    const bobAudio = remoteTrack(alice, () => bob.memberId, 'audio');
    const aliceVideo = remoteTrack(bob, () => alice.memberId, 'video');
    await bob.join();
    // Two instances, one room: each joined its own.
    expect(alice.janusServer).to.not.equal(bob.janusServer);
    expect(servers()).to.include.members([alice.janusServer, bob.janusServer]);

    // Alice decodes Bob's video and receives his audio; Bob decodes Alice's video.
    await decodes(connections, await bobVideo);
    await packetsFlow(connections, await bobAudio);
    await decodes(connections, await aliceVideo);
    expect(alice.members.find((m) => m.id === bob.memberId)?.name).to.equal('Bob');

    // Carol joins with her camera off and turns it on later: her copy on the other instance
    // follows (update_remote_publisher, relay restarted), and whoever is on that one decodes it.
    const carol = await tokenRoom({ room, identity: 'Carol' }, { video: 'false' });
    await carol.join();
    const viewer = carol.janusServer === alice.janusServer ? bob : alice;
    expect(viewer.janusServer).to.not.equal(carol.janusServer);
    await until(() => viewer.members.some((m) => m.name === 'Carol'), Boolean, 'Carol seen across instances');
    const carolVideo = remoteTrack(viewer, () => carol.memberId, 'video');
    await carol.videoUnmute();
    await decodes(connections, await carolVideo);

    // Bob leaves his instance: Alice, on the other, is told.
    const bobId = bob.memberId!;
    const left = nextEvent<MemberEventDetail>(alice, 'member.left', (d) => d.member.id === bobId);
    await bob.leave();
    expect((await left).detail.member).to.include({ id: bobId, name: 'Bob' });
  });
});

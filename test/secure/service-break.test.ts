// The room service's event stream breaking (a flaky network): members come back to it as the same
// members, so moderation still reaches them, and an audience member takes the room afresh, so it
// sees who started publishing while its stream was down (events it could not be relayed).
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { MemberUpdatedDetail } from '../../dist/src/index.js';
import '../../dist/src/index.js';
import { nextEvent, uniqueRoom, until } from '../support/helpers.js';
import { MODERATOR, remoteTrack, tokenRoom } from './secure-helpers.js';

describe('a break in the room service connection', () => {
  it('is bridged: the same member ids, moderation still works, and the audience catches up', async () => {
    const room = uniqueRoom('blip');
    const moderator = await tokenRoom({ room, identity: 'Mod', permissions: MODERATOR }, { video: 'false' });
    const viewer = await tokenRoom({ room, identity: 'Viewer', audience: true });
    const bob = await tokenRoom({ room, identity: 'Bob' }, { audio: 'false', video: 'false' });
    await moderator.join();
    await viewer.join();
    await bob.join();
    const [modId, viewerId, bobId] = [moderator.memberId, viewer.memberId, bob.memberId!];
    const bobOnViewer = remoteTrack(viewer, () => bobId, 'video');

    // Every stream to the service stays down for 3 s; meanwhile Bob turns his camera on, which
    // needs Janus only: the service sees it, but cannot relay it to the viewer.
    const bobOnModerator = remoteTrack(moderator, () => bobId, 'video');
    const cutting = executeServerCommand('cut-room-service', { ms: 3000 });
    await bob.videoUnmute();
    await bobOnModerator;
    await cutting;

    // Back on the service, the viewer takes the room afresh and receives Bob.
    await bobOnViewer;
    expect([moderator.memberId, viewer.memberId, bob.memberId]).to.deep.equal([modId, viewerId, bobId]);
    expect(viewer.active).to.equal(true);

    // The moderator's calls still go through as the same member.
    const told = nextEvent<MemberUpdatedDetail>(bob, 'member.updated', (d) => d.member.id === bobId && d.member.video_muted);
    await until(
      () => moderator.videoMute({ memberId: bobId }).then(() => true, () => false),
      Boolean,
      'the moderator to reach the service again',
    );
    await told;
  });
});

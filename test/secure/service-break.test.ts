// The room service's event stream breaking (a network blip): members come back to it as the same
// members, so moderation still reaches them, and an audience member takes the room afresh, so it
// sees who published meanwhile.
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
    await moderator.join();
    await viewer.join();
    const [modId, viewerId] = [moderator.memberId, viewer.memberId];

    await executeServerCommand('cut-room-service');
    // Someone starts publishing while the streams are down.
    const bob = await tokenRoom({ room, identity: 'Bob' });
    await bob.join();
    const bobId = bob.memberId!;
    const bobVideo = remoteTrack(viewer, () => bobId, 'video');

    // The viewer, back on the service, receives Bob.
    await bobVideo;
    expect([moderator.memberId, viewer.memberId]).to.deep.equal([modId, viewerId]);
    expect(viewer.active).to.equal(true);

    // The moderator's calls still go through as the same member.
    const told = nextEvent<MemberUpdatedDetail>(bob, 'member.updated', (d) => d.member.id === bobId && d.member.audio_muted);
    await until(
      () => moderator.audioMute({ memberId: bobId }).then(() => true, () => false),
      Boolean,
      'the moderator to reach the service again',
    );
    await told;
  });
});

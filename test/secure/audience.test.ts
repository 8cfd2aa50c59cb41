// Audience members on Janus with token enforcement: they receive and cannot publish, not even by
// driving janus.js themselves with their Janus tokens (Janus keeps them off the room's allowed
// list); promote lets one publish, demote stops it; everyone sees room.audience_count.
import { expect } from '@open-wc/testing';
import type { VideoRoom } from '../../dist/src/index.js';
import '../../dist/src/index.js';
import { decodedFrame, nextEvent, uniqueRoom, until } from '../support/helpers.js';
import { rawVideoRoom } from './raw-janus.js';
import { admission, MODERATOR, remoteTrack, roomToken, tokenRoom } from './secure-helpers.js';

const liveTracks = (room: VideoRoom) => room.localStream?.getTracks().filter((t) => t.readyState === 'live').length ?? 0;
const audienceCount = (room: VideoRoom, total: number) => nextEvent<{ total: number }>(room, 'room.audience_count', (d) => d.total === total);

async function frameOf(track: MediaStreamTrack): Promise<{ width: number; height: number }> {
  const video = document.createElement('video');
  video.muted = true;
  video.srcObject = new MediaStream([track]);
  document.body.append(video);
  await video.play();
  try {
    return await decodedFrame(video);
  } finally {
    video.remove();
  }
}

describe('audience members', () => {
  it('receive but cannot publish, even through janus.js with their own tokens; promote lets one publish; the count follows', async () => {
    const room = uniqueRoom('audience');
    const moderator = await tokenRoom({ room, identity: 'Mod', permissions: MODERATOR });
    await moderator.join();
    const modId = moderator.memberId!;

    const viewer = await tokenRoom({ room, identity: 'Viewer', audience: true });
    const counted = audienceCount(moderator, 1);
    const modVideo = remoteTrack(viewer, () => modId, 'video');
    await viewer.join();
    expect(viewer.interactivityMode).to.equal('audience');
    expect(liveTracks(viewer), 'an audience member captures nothing').to.equal(0);
    expect((await frameOf(await modVideo)).width).to.be.greaterThan(0);
    await counted;
    expect(moderator.audienceCount).to.equal(1);
    // The viewer sees the members, not itself: it is not on stage.
    expect(viewer.members.map((m) => m.id)).to.deep.equal([modId]);
    expect(viewer.roomSession.snapshot.localParticipant).to.equal(null);
    // Janus does not show the audience as members.
    expect(moderator.members.map((m) => m.id)).to.deep.equal([modId]);

    // Bypassing the library: another audience token's Janus credentials, janus.js, by hand.
    const sneaky = await roomToken({ room, identity: 'Sneaky', audience: true });
    const { janus } = await admission(sneaky, room);
    const raw = await rawVideoRoom(janus.token, janus.url);
    for (const request of [
      { request: 'join', ptype: 'publisher', room, display: 'Sneaky', token: janus.join },
      { request: 'joinandconfigure', ptype: 'publisher', room, display: 'Sneaky', token: janus.join },
    ]) {
      const answer = await raw.request(request);
      expect(answer['error_code'], request.request).to.equal(433);
      expect(answer['error']).to.match(/allowed list/);
    }
    // Nor may it create rooms, moderate or kick: those need the admin key or the room secret.
    const refusals = [
      await raw.request({ request: 'create', room: uniqueRoom('rogue') }),
      await raw.request({ request: 'moderate', room, id: modId, mid: '0', mute: true }),
      await raw.request({ request: 'kick', room, id: modId }),
      await raw.request({ request: 'allowed', room, action: 'add', allowed: [janus.join] }),
    ];
    for (const answer of refusals) expect(answer['error_code']).to.be.oneOf([429, 433]);
    raw.destroy();
    expect(moderator.members.map((m) => m.id)).to.deep.equal([modId]);

    // Promoted, the viewer joins as a member and publishes.
    const viewerId = viewer.memberId!;
    const promoted = nextEvent<{ member_id: string }>(viewer, 'member.promoted');
    const viewerVideo = remoteTrack(moderator, () => viewerId, 'video');
    await moderator.promote({ memberId: viewerId });
    expect((await promoted).detail.member_id).to.equal(viewerId);
    expect((await frameOf(await viewerVideo)).width).to.be.greaterThan(0);
    expect(viewer.interactivityMode).to.equal('member');
    expect(viewer.members.find((m) => m.local)?.id, 'on stage, the viewer is a member of its own room').to.equal(viewerId);
    await until(() => moderator.audienceCount, (n) => n === 0, 'the audience count to drop');

    // Demoted, it stops publishing and is audience again.
    const demoted = nextEvent(viewer, 'member.demoted');
    const leftRoom = nextEvent<{ member: { id: string } }>(moderator, 'member.left', (d) => d.member.id === viewerId);
    await moderator.demote({ memberId: viewerId });
    await demoted;
    await leftRoom;
    expect(viewer.interactivityMode).to.equal('audience');
    expect(viewer.active).to.equal(true);
    await until(() => viewer.members.map((m) => m.id), (ids) => ids.length === 1 && ids[0] === modId, 'the viewer off its own member list');
    await until(() => liveTracks(viewer), (n) => n === 0, 'the viewer to release its camera and microphone');
    await until(() => moderator.audienceCount, (n) => n === 1, 'the audience count back to 1');
  });
});

// Moderation through the room service against real Janus with token enforcement: a moderator's
// mute really stops the media at Janus (measured on a third member), everyone is told, a plain
// member is refused; removal, lock and unlock.
import { expect } from '@open-wc/testing';
import type { MemberUpdatedDetail, RoomLeftDetail, VideoRoom } from '../../dist/src/index.js';
import '../../dist/src/index.js';
import { capturePeerConnections, nextEvent, packetsFlow, packetsStop, rejection, senderOf, uniqueRoom, until } from '../support/helpers.js';
import { MODERATOR, remoteTrack, tokenRoom } from './secure-helpers.js';

const mutedFor = (viewer: VideoRoom, memberId: string, field: 'audio_muted' | 'video_muted', value: boolean) =>
  nextEvent<MemberUpdatedDetail>(viewer, 'member.updated', (d) => d.member.id === memberId && d.member.updated.includes(field) && d.member[field] === value);

describe('moderation through the room service', () => {
  it('a moderator mutes a member at Janus: its audio (then its video) stops reaching the others and everyone is told; a plain member is refused', async () => {
    const connections = capturePeerConnections();
    const room = uniqueRoom('moderate');
    const moderator = await tokenRoom({ room, identity: 'Mod', permissions: MODERATOR });
    const bob = await tokenRoom({ room, identity: 'Bob' });
    const carol = await tokenRoom({ room, identity: 'Carol' });
    await moderator.join();
    await bob.join();
    const bobId = bob.memberId!;
    const bobAudio = remoteTrack(carol, () => bobId, 'audio');
    const bobVideo = remoteTrack(carol, () => bobId, 'video');
    await carol.join();
    const [audio, video] = [await bobAudio, await bobVideo];
    await packetsFlow(connections, audio);
    expect(moderator.permissions).to.include('room.member.audio_mute');
    expect(carol.permissions).to.not.include('room.member.audio_mute');

    // A plain member may not: refused by the service with the documented error, nothing changes.
    const refused = await rejection(carol.audioMute({ memberId: bobId }));
    expect(refused.name).to.equal('AccessTokenGrantsInvalidError');
    expect((refused as Error & { code: number }).code).to.equal(20106);
    await packetsFlow(connections, audio);
    expect(carol.members.find((m) => m.id === bobId)?.audio_muted).to.equal(false);

    // The moderator may: Janus stops relaying Bob's audio, and everyone hears of it.
    const told = [moderator, bob, carol].map((viewer) => mutedFor(viewer, bobId, 'audio_muted', true));
    await moderator.audioMute({ memberId: bobId });
    for (const event of await Promise.all(told)) expect(event.detail.member).to.include({ id: bobId, audio_muted: true });
    await packetsStop(connections, audio);
    // Only the audio: Bob's video still reaches Carol.
    await packetsFlow(connections, video);

    // Janus holds it, not Bob's goodwill: Bob unmutes himself and sends again, and still nothing
    // reaches Carol, who still sees him muted.
    await bob.audioUnmute();
    const bobSends = senderOf(connections, bob.localAudioTrack);
    const sent = async () =>
      [...(await bobSends.getStats()).values()].filter((s) => s.type === 'outbound-rtp' && s.kind === 'audio').reduce((n, s) => n + s.packetsSent, 0);
    const before = await sent();
    await until(sent, (n) => n > before + 25, 'Bob sending audio again');
    await packetsStop(connections, audio);
    expect(carol.members.find((m) => m.id === bobId)?.audio_muted).to.equal(true);

    // Unmuted by the moderator, Bob's audio reaches Carol again.
    const unmuted = mutedFor(carol, bobId, 'audio_muted', false);
    await moderator.audioUnmute({ memberId: bobId });
    await unmuted;
    await packetsFlow(connections, audio);

    // The camera the same way.
    const cameraOff = [moderator, bob, carol].map((viewer) => mutedFor(viewer, bobId, 'video_muted', true));
    await moderator.videoMute({ memberId: bobId });
    await Promise.all(cameraOff);
    await packetsStop(connections, video);
    const cameraOn = mutedFor(carol, bobId, 'video_muted', false);
    await moderator.videoUnmute({ memberId: bobId });
    await cameraOn;
    await packetsFlow(connections, video);
  });

  it('removes a member, who gets room.left with the reason; a locked room refuses new members until unlocked', async () => {
    const room = uniqueRoom('remove');
    const moderator = await tokenRoom({ room, identity: 'Mod', permissions: MODERATOR }, { audio: 'false', video: 'false' });
    const bob = await tokenRoom({ room, identity: 'Bob' }, { audio: 'false', video: 'false' });
    await moderator.join();
    await bob.join();
    const bobId = bob.memberId!;
    await until(() => moderator.members.some((m) => m.id === bobId), Boolean, 'Bob in the moderator\'s room');

    const left = nextEvent<RoomLeftDetail>(bob, 'room.left');
    const gone = nextEvent(moderator, 'member.left', (d: { member: { id: string } }) => d.member.id === bobId);
    await moderator.removeMember({ memberId: bobId });
    expect((await left).detail.reason).to.equal('kicked');
    await gone;
    expect(bob.active).to.equal(false);
    expect(moderator.members.map((m) => m.id)).to.not.include(bobId);

    const locked = nextEvent<{ room_session: { locked: boolean } }>(moderator, 'room.updated');
    await moderator.lock();
    expect((await locked).detail.room_session.locked).to.equal(true);
    expect(moderator.locked).to.equal(true);
    const carol = await tokenRoom({ room, identity: 'Carol' }, { audio: 'false', video: 'false' });
    const refused = await rejection(carol.join());
    expect(refused.name).to.equal('RoomConnectFailedError');
    expect((refused as Error & { code: number }).code).to.equal(53104);
    expect(refused.message).to.match(/locked/);
    expect(carol.active).to.equal(false);

    await moderator.unlock();
    await carol.join();
    await until(() => moderator.members.some((m) => m.id === carol.memberId), Boolean, 'Carol in the room');

    // Carol may not end the room; the moderator may not either without room.hangup_all.
    expect((await rejection(carol.hangupAll())).name).to.equal('AccessTokenGrantsInvalidError');
    expect((await rejection(moderator.hangupAll())).name).to.equal('AccessTokenGrantsInvalidError');
    // removeAllMembers (room.member.remove) ends it for everyone, the moderator included.
    const carolLeft = nextEvent<RoomLeftDetail>(carol, 'room.left');
    const modLeft = nextEvent<RoomLeftDetail>(moderator, 'room.left');
    await moderator.removeAllMembers();
    expect((await carolLeft).detail.reason).to.equal('hangup');
    expect((await modLeft).detail.reason).to.equal('hangup');
  });

  it('deafens another member through its own client, and says so to everyone; volumes are not supported', async () => {
    const room = uniqueRoom('deaf');
    const moderator = await tokenRoom({ room, identity: 'Mod', permissions: MODERATOR }, { video: 'false' });
    const bob = await tokenRoom({ room, identity: 'Bob' }, { video: 'false' });
    await moderator.join();
    const modAudio = remoteTrack(bob, () => moderator.memberId, 'audio');
    await bob.join();
    await modAudio;
    const bobId = bob.memberId!;
    const told = nextEvent<MemberUpdatedDetail>(moderator, 'member.updated', (d) => d.member.id === bobId && d.member.updated.includes('deaf') && d.member.deaf);
    await moderator.deaf({ memberId: bobId });
    await told;
    await until(() => bob.members.find((m) => m.local)?.deaf, Boolean, 'Bob to be deaf');
    const untold = nextEvent<MemberUpdatedDetail>(moderator, 'member.updated', (d) => d.member.id === bobId && d.member.updated.includes('deaf') && !d.member.deaf);
    await moderator.undeaf({ memberId: bobId });
    await untold;

    for (const call of [moderator.setInputVolume({ memberId: bobId, volume: -10 }), moderator.setOutputVolume({ volume: 5 })]) {
      expect((await rejection(call)).name).to.equal('NotSupportedError');
    }
    expect((await rejection(moderator.setInputVolume({ volume: 99 }))).name).to.equal('RangeError');
  });
});

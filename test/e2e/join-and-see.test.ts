// Two, then three members in one room on the real Janus, through the built library.
import { expect } from '@open-wc/testing';
import type {
  MemberEventDetail,
  MemberListUpdatedDetail,
  ParticipantEventDetail,
  RoomJoinedDetail,
  TrackEventDetail,
  TrackPublicationEventDetail,
} from '../../dist/src/index.js';
import '../../dist/src/index.js';
import {
  capturePeerConnections,
  decodedFrame,
  inboundStats,
  nextEvent,
  present,
  roomElement,
  tileFor,
  uniqueRoom,
  until,
} from '../support/helpers.js';

describe('two members in one room', () => {
  it('each joins, sees the other by name, and decodes their video and audio', async () => {
    const connections = capturePeerConnections();
    const roomName = uniqueRoom('pair');
    const alice = await roomElement(roomName, 'Alice');
    const bob = await roomElement(roomName, 'Bob');

    const aliceJoined = nextEvent<RoomJoinedDetail>(alice, 'room.joined');
    const aliceMediaConnected = nextEvent(alice, 'media.connected');
    await alice.join();
    expect((await aliceMediaConnected).detail).to.equal(null);
    const aliceJoinedDetail = (await aliceJoined).detail;
    expect(aliceJoinedDetail.member_id).to.equal(alice.memberId);
    expect(aliceJoinedDetail.room_session.room_id).to.equal(roomName);
    // Created ad hoc, so its friendly name is its id.
    expect(aliceJoinedDetail.room_session.name).to.equal(roomName);
    expect(aliceJoinedDetail.room_session.members.map((m) => m.name)).to.deep.equal(['Alice']);

    const memberJoined = nextEvent<MemberEventDetail>(alice, 'member.joined');
    const participantConnected = nextEvent<ParticipantEventDetail>(alice, 'participantConnected');
    const bobJoined = nextEvent<RoomJoinedDetail>(bob, 'room.joined');
    const bobSubscribedVideo = nextEvent<TrackEventDetail>(bob, 'trackSubscribed', (d) => d.track.kind === 'video');
    const bobSubscribedAudio = nextEvent<TrackEventDetail>(bob, 'trackSubscribed', (d) => d.track.kind === 'audio');
    const aliceStartedVideo = nextEvent<TrackEventDetail>(alice, 'trackStarted', (d) => d.track.kind === 'video');
    const bobPublishedVideo = nextEvent<TrackPublicationEventDetail>(alice, 'trackPublished', (d) => d.publication.kind === 'video');
    const aliceListed = nextEvent<MemberListUpdatedDetail>(alice, 'memberList.updated', (d) => d.members.length === 2);
    await bob.join();

    // Alice learns of Bob under both vocabularies, with his name.
    const joinedDetail = (await memberJoined).detail;
    expect(joinedDetail.member.name).to.equal('Bob');
    expect(joinedDetail.member.id).to.equal(bob.memberId);
    expect(joinedDetail.room_id).to.equal(roomName);
    const { participant } = (await participantConnected).detail;
    expect(participant.identity).to.equal('Bob');
    expect(participant.sid).to.equal(bob.memberId);

    // Bob published after Alice joined: trackPublished, with the publication and its owner.
    const published = (await bobPublishedVideo).detail;
    expect(published.participant.identity).to.equal('Bob');
    expect(published.publication.trackSid).to.be.a('string').and.not.equal('');
    expect((await aliceListed).detail.members.map((m) => m.name)).to.deep.equal(['Alice', 'Bob']);

    // Bob's room.joined lists Alice, who was already there.
    const bobDetail = (await bobJoined).detail;
    expect(bobDetail.room_session.members.map((m) => m.name)).to.have.members(['Alice', 'Bob']);
    expect(bobDetail.room_session.members.find((m) => m.local)?.id).to.equal(bob.memberId);

    // Bob subscribed to Alice's camera and microphone.
    const video = (await bobSubscribedVideo).detail;
    const audio = (await bobSubscribedAudio).detail;
    expect(video.participant.identity).to.equal('Alice');
    expect(audio.participant.identity).to.equal('Alice');
    expect(video.track.mediaStreamTrack.readyState).to.equal('live');
    expect((await aliceStartedVideo).detail.participant.identity).to.equal('Bob');

    // Each side's tile for the other decodes video and receives audio.
    for (const [viewer, other] of [
      [alice, bob],
      [bob, alice],
    ] as const) {
      const tile = await until(() => tileFor(viewer, other.memberId!), present, 'the tile of the other member');
      await until(() => tile.media.video, present, 'a video track in the tile');
      await tile.updateComplete;
      const videoElement = tile.shadowRoot!.querySelector('video')!;
      const frame = await decodedFrame(videoElement);
      expect(frame.width, 'decoded width').to.be.greaterThan(0);
      expect(tile.shadowRoot!.querySelector('[part="name"]')!.textContent).to.equal(other.identity);
      const audioElement = tile.shadowRoot!.querySelector('audio')!;
      const audioTrack = (audioElement.srcObject as MediaStream).getAudioTracks()[0]!;
      const stats = await until(
        () => inboundStats(connections, audioTrack),
        (s) => s.packetsReceived > 0 && (s.totalAudioEnergy ?? 0) > 0,
        'audio energy from the other member',
      );
      expect(stats.packetsReceived).to.be.greaterThan(0);
    }

    // The self-view is there too: muted and mirrored, and its audio is never played.
    const selfTile = tileFor(alice, alice.memberId!)!;
    expect(selfTile.hasAttribute('local')).to.equal(true);
    expect(selfTile.shadowRoot!.querySelector('video')!.muted).to.equal(true);
    expect(getComputedStyle(selfTile.shadowRoot!.querySelector('video')!).transform).to.contain('matrix(-1');
    expect(selfTile.shadowRoot!.querySelector('audio')!.srcObject).to.equal(null);
  });
});

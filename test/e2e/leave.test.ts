// Leaving, late joiners, members without media and pagehide, on the real Janus.
import { expect } from '@open-wc/testing';
import type {
  DisconnectedDetail,
  MemberEventDetail,
  ParticipantEventDetail,
  RoomJoinedDetail,
  RoomLeftDetail,
  TrackEventDetail,
  TrackPublicationEventDetail,
  VideoRoom,
} from '../../dist/src/index.js';
import '../../dist/src/index.js';
import {
  capturePeerConnections,
  decodedFrame,
  nextEvent,
  janusAdmin,
  participantsOnServer,
  present,
  roomElement,
  tileFor,
  tilesOf,
  trustedRoom,
  uniqueRoom,
  until,
} from '../support/helpers.js';

const tileIds = (room: VideoRoom) => tilesOf(room).map((tile) => tile.resolvedMember?.id);

describe('leaving', () => {
  it('tells the others, removes the tile, stops every local track and closes every PeerConnection', async () => {
    const connections = capturePeerConnections();
    const roomName = uniqueRoom('leave');
    const alice = await roomElement(roomName, 'Alice');
    const bob = await roomElement(roomName, 'Bob');
    await alice.join();
    const aliceSeesBobVideo = nextEvent<TrackEventDetail>(alice, 'trackSubscribed', (d) => d.track.kind === 'video');
    const bobSeesAliceVideo = nextEvent<TrackEventDetail>(bob, 'trackSubscribed', (d) => d.track.kind === 'video');
    // media.disconnected pairs with media.connected: all of Bob's PeerConnections up.
    const bobMediaConnected = nextEvent(bob, 'media.connected');
    await bob.join();
    await Promise.all([aliceSeesBobVideo, bobSeesAliceVideo, bobMediaConnected]);
    await until(() => tileIds(alice), (ids) => ids.includes(bob.memberId!), 'a tile for Bob');
    const bobId = bob.memberId!;
    const bobTracks = bob.localStream!.getTracks();
    expect(bobTracks.map((t) => t.readyState)).to.deep.equal(['live', 'live']);

    const memberLeft = nextEvent<MemberEventDetail>(alice, 'member.left');
    const participantDisconnected = nextEvent<ParticipantEventDetail>(alice, 'participantDisconnected');
    const trackUnsubscribed = nextEvent<TrackEventDetail>(alice, 'trackUnsubscribed', (d) => d.track.kind === 'video');
    const trackUnpublished = nextEvent<TrackPublicationEventDetail>(alice, 'trackUnpublished', (d) => d.publication.kind === 'video');
    const bobLeft = nextEvent<RoomLeftDetail>(bob, 'room.left');
    const bobDisconnected = nextEvent<DisconnectedDetail>(bob, 'disconnected');
    const bobEvents: string[] = [];
    for (const name of ['media.disconnected', 'room.left', 'disconnected']) bob.addEventListener(name, () => bobEvents.push(name));
    await bob.leave();

    // The leaver: events without an error, devices released, PeerConnections closed.
    expect((await bobLeft).detail.reason).to.equal(undefined);
    expect((await bobDisconnected).detail.error).to.equal(undefined);
    expect(bob.active).to.equal(false);
    expect(bob.localStream).to.equal(null);
    expect(bobTracks.map((t) => t.readyState)).to.deep.equal(['ended', 'ended']);
    // Four PeerConnections existed (a publisher and a subscriber each); Bob's two are closed.
    expect(connections).to.have.length(4);
    const closed = connections.filter((pc) => pc.connectionState === 'closed');
    expect(closed).to.have.length(2);
    // Alice's publisher (the first PeerConnection of the page) still sends. Her subscriber has no
    // transport left: Janus rejects every m-line once its last feed is gone.
    expect(connections[0]!.connectionState).to.equal('connected');

    // The one who stays: told under both vocabularies, for the right member.
    expect((await memberLeft).detail.member.id).to.equal(bobId);
    expect((await memberLeft).detail.member.name).to.equal('Bob');
    const { participant } = (await participantDisconnected).detail;
    expect(participant.identity).to.equal('Bob');
    expect(participant.sid).to.equal(bobId);
    expect(participant.state).to.equal('disconnected');
    expect((await trackUnsubscribed).detail.participant.sid).to.equal(bobId);
    expect((await trackUnpublished).detail.participant.sid).to.equal(bobId);
    expect(bobEvents).to.deep.equal(['media.disconnected', 'room.left', 'disconnected']);
    await alice.updateComplete;
    expect(tileIds(alice)).to.deep.equal([alice.memberId]);
    expect(alice.members.map((m) => m.name)).to.deep.equal(['Alice']);

    // Janus no longer has Bob, and Bob can join again with the same element; Alice's subscriber
    // PeerConnection (its mids reused by Janus) carries his new video.
    expect((await participantsOnServer(roomName)).map((p) => p.display)).to.deep.equal(['Alice']);
    const bobBack = nextEvent<MemberEventDetail>(alice, 'member.joined');
    const bobVideoBack = nextEvent<TrackEventDetail>(alice, 'trackStarted', (d) => d.track.kind === 'video');
    await bob.join();
    expect((await bobBack).detail.member.id).to.equal(bob.memberId);
    expect(bob.memberId).to.not.equal(bobId);
    expect((await bobVideoBack).detail.participant.sid).to.equal(bob.memberId);
    const tile = await until(() => tileFor(alice, bob.memberId!), present, 'a tile for the returning Bob');
    await until(() => tile.media.video, present, 'his video in the tile');
    await tile.updateComplete;
    expect((await decodedFrame(tile.shadowRoot!.querySelector('video')!)).width).to.be.greaterThan(0);
  });

  it('lets a late third member see the two already there', async () => {
    const roomName = uniqueRoom('late');
    const alice = await roomElement(roomName, 'Alice');
    const bob = await roomElement(roomName, 'Bob');
    await alice.join();
    await bob.join();

    const carol = await roomElement(roomName, 'Carol');
    const carolJoined = nextEvent<RoomJoinedDetail>(carol, 'room.joined');
    const videos = new Set<string>();
    const bothVideos = new Promise<void>((resolve) => {
      carol.addEventListener('trackSubscribed', (event) => {
        if (event.detail.track.kind === 'video') videos.add(event.detail.participant.identity);
        if (videos.size === 2) resolve();
      });
    });
    await carol.join();

    const { room_session, member_id } = (await carolJoined).detail;
    expect(member_id).to.equal(carol.memberId);
    expect(room_session.members.map((m) => m.name)).to.have.members(['Alice', 'Bob', 'Carol']);
    expect(room_session.members.map((m) => m.id)).to.have.members([alice.memberId, bob.memberId, carol.memberId]);
    for (const member of room_session.members) {
      expect(member).to.include({ type: 'member', room_id: roomName, room_session_id: roomName });
      expect(member.audio_muted).to.equal(false);
      expect(member.video_muted).to.equal(false);
    }
    await bothVideos;
    expect([...videos]).to.have.members(['Alice', 'Bob']);
    await until(() => tileIds(carol).length, (n) => n === 3, 'three tiles');
  });

  it('counts a member without camera or microphone as a member', async () => {
    const roomName = uniqueRoom('attendee');
    const alice = await roomElement(roomName, 'Alice');
    await alice.join();
    const viewer = await roomElement(roomName, 'Viewer', { media: false });
    const viewerJoinedAlice = nextEvent<MemberEventDetail>(alice, 'member.joined');
    await viewer.join();

    expect(viewer.localStream!.getTracks()).to.have.length(0);
    const { member } = (await viewerJoinedAlice).detail;
    expect(member).to.include({ name: 'Viewer', audio_muted: true, video_muted: true });
    await until(() => tileIds(alice), (ids) => ids.includes(viewer.memberId!), 'a tile for the viewer');
    const tile = tileFor(alice, viewer.memberId!)!;
    await tile.updateComplete;
    expect(tile.hasAttribute('video-muted')).to.equal(true);
    expect(tile.shadowRoot!.querySelector('[part="placeholder"]')!.textContent).to.equal('V');

    // A later member sees the viewer in room.joined (Janus "attendees").
    const late = await roomElement(roomName, 'Late');
    const lateJoined = nextEvent<RoomJoinedDetail>(late, 'room.joined');
    await late.join();
    expect((await lateJoined).detail.room_session.members.map((m) => m.name)).to.have.members([
      'Alice',
      'Viewer',
      'Late',
    ]);
  });

  it('leaves on pagehide: tracks stopped, PeerConnections closed, the server told', async () => {
    const connections = capturePeerConnections();
    const roomName = uniqueRoom('pagehide');
    const alice = await roomElement(roomName, 'Alice');
    const bob = await roomElement(roomName, 'Bob');
    await alice.join();
    await bob.join();
    await until(() => participantsOnServer(roomName), (p) => p.length === 2, 'both members on the server');
    const tracks = [...alice.localStream!.getTracks(), ...bob.localStream!.getTracks()];
    const aliceLeft = nextEvent<RoomLeftDetail>(alice, 'room.left');
    const bobLeft = nextEvent<RoomLeftDetail>(bob, 'room.left');

    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));

    expect((await aliceLeft).detail.reason).to.equal('pagehide');
    expect((await bobLeft).detail.reason).to.equal('pagehide');
    expect(tracks.every((t) => t.readyState === 'ended')).to.equal(true);
    expect(connections.length).to.be.greaterThan(0);
    expect(connections.every((pc) => pc.connectionState === 'closed')).to.equal(true);
    await until(() => participantsOnServer(roomName), (p) => p.length === 0, 'the server to drop both members');
  });

  it('ends with room_destroyed and RoomCompletedError (53118) when the room is destroyed', async () => {
    const roomName = uniqueRoom('destroyed');
    const { secret } = await trustedRoom(roomName);
    const alice = await roomElement(roomName, 'Alice');
    await alice.join();
    const tracks = alice.localStream!.getTracks();
    const left = nextEvent<RoomLeftDetail>(alice, 'room.left');
    const disconnected = nextEvent<DisconnectedDetail>(alice, 'disconnected');
    await janusAdmin({ request: 'destroy', room: roomName, secret });
    expect((await left).detail.reason).to.equal('room_destroyed');
    const { error } = (await disconnected).detail;
    expect(error).to.include({ name: 'RoomCompletedError', code: 53118 });
    expect(alice.active).to.equal(false);
    expect(tracks.every((t) => t.readyState === 'ended')).to.equal(true);
  });

  it('ends with kicked when a moderator removes the member', async () => {
    const roomName = uniqueRoom('kicked');
    const { secret } = await trustedRoom(roomName);
    const alice = await roomElement(roomName, 'Alice');
    const bob = await roomElement(roomName, 'Bob');
    await alice.join();
    await bob.join();
    const left = nextEvent<RoomLeftDetail>(bob, 'room.left');
    const aliceSeesBobGo = nextEvent<MemberEventDetail>(alice, 'member.left');
    await janusAdmin({ request: 'kick', room: roomName, secret, id: bob.memberId });
    expect((await left).detail.reason).to.equal('kicked');
    expect((await aliceSeesBobGo).detail.member.name).to.equal('Bob');
    expect(bob.active).to.equal(false);
    expect(bob.localStream).to.equal(null);
  });
});

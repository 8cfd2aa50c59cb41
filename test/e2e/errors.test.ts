// Failures to join on the real Janus: each rejects with its documented class and code, fires
// `error`, leaves nothing behind, and the same element can join afterwards.
import { expect, fixture, html } from '@open-wc/testing';
import {
  RoomError,
  RoomMaxParticipantsExceededError,
  RoomNotFoundError,
  SignalingConnectionError,
  type ErrorDetail,
  type RoomJoinedDetail,
  type VideoRoom,
} from '../../dist/src/index.js';
import {
  capturePeerConnections,
  captureTracks,
  janusAdmin,
  janusUrl,
  nextEvent,
  notJanusWebSocketUrl,
  participantsOnServer,
  rejection,
  silentServerUrl,
  slowJanus,
  janusSessionCount,
  uniqueRoom,
  until,
} from '../support/helpers.js';

/** Joins and expects a failure; returns the error after checking the `error` event carried it. */
async function failedJoin(room: VideoRoom): Promise<Error> {
  const errorEvent = nextEvent<ErrorDetail>(room, 'error');
  const error = await rejection(room.join());
  expect((await errorEvent).detail.error).to.equal(error);
  return error;
}

/** Nothing of a failed join stays behind. */
function expectNothingLeft(room: VideoRoom, connections: RTCPeerConnection[], tracks: MediaStreamTrack[] = []): void {
  expect(room.active).to.equal(false);
  expect(room.roomSession.state).to.equal('disconnected');
  expect(room.memberId).to.equal(null);
  expect(room.localStream).to.equal(null);
  expect(room.members).to.deep.equal([]);
  expect(tracks.every((track) => track.readyState === 'ended')).to.equal(true);
  expect(connections.every((pc) => pc.connectionState === 'closed')).to.equal(true);
}

describe('joining fails cleanly', () => {
  it('rejects an unreachable server with SignalingConnectionError (53000), then joins once fixed', async () => {
    const tracks = captureTracks();
    const roomName = uniqueRoom('unreachable');
    const room = await fixture<VideoRoom>(
      html`<video-room server="ws://127.0.0.1:9" room=${roomName} identity="Alice"></video-room>`,
    );
    const started = performance.now();
    const error = await failedJoin(room);
    expect(error).to.be.instanceOf(SignalingConnectionError);
    expect(error).to.include({ name: 'SignalingConnectionError', code: 53000 });
    expect(error.message).to.contain('ws://127.0.0.1:9');
    expect(performance.now() - started).to.be.lessThan(room.timeout);
    expectNothingLeft(room, [], tracks);

    room.server = janusUrl();
    await room.join();
    expect(room.active).to.equal(true);
  });

  it('gives up on a server that never answers within the timeout', async () => {
    const tracks = captureTracks();
    const room = await fixture<VideoRoom>(
      html`<video-room server=${await silentServerUrl()} room=${uniqueRoom('silent')} identity="Alice"></video-room>`,
    );
    room.timeout = 1000;
    const started = performance.now();
    const error = await failedJoin(room);
    expect(performance.now() - started).to.be.within(1000, 3000);
    expect(error).to.include({ name: 'SignalingConnectionError', code: 53000, attribute: 'server' });
    expect(error.message).to.contain('did not answer');
    expect(error.message).to.contain('raise the timeout attribute');
    expectNothingLeft(room, [], tracks);
  });

  it('leaves no session behind when the server answers only after the timeout', async () => {
    const slow = await slowJanus(1500);
    const sessionsBefore = await janusSessionCount();
    const room = await fixture<VideoRoom>(html`<video-room server=${slow.url} room=${uniqueRoom('slow')} identity="Alice"></video-room>`);
    room.timeout = 500;
    const error = await failedJoin(room);
    expect(error).to.include({ name: 'SignalingConnectionError', code: 53000 });
    await until(() => slow.answered(), (answered) => answered, "Janus's late answer to reach the page");
    // Nothing announces that a session was NOT created, so give a late one time to appear.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await janusSessionCount()).to.equal(sessionsBefore);
  });

  it('rejects a server that is not Janus with SignalingConnectionError, saying so and what to do', async () => {
    const http = await fixture<VideoRoom>(
      html`<video-room server=${`${location.origin}/not-janus`} room=${uniqueRoom('wrong')} identity="Alice"></video-room>`,
    );
    const httpError = await failedJoin(http);
    expect(httpError).to.include({ name: 'SignalingConnectionError', code: 53000, attribute: 'server' });
    expect(httpError.message).to.contain(`${location.origin}/not-janus answered, but not as the Janus HTTP API. Check that the server attribute`);

    const ws = await fixture<VideoRoom>(
      html`<video-room server=${await notJanusWebSocketUrl()} room=${uniqueRoom('wrong')} identity="Alice" timeout="1500"></video-room>`,
    );
    const wsError = await failedJoin(ws);
    expect(wsError).to.include({ name: 'SignalingConnectionError', code: 53000, attribute: 'server' });
    expect(wsError.message).to.contain('accepted a WebSocket connection but never answered as Janus does. Check that the server attribute');
  });

  it('rejects a room that does not exist, when creating rooms is off, with RoomNotFoundError (53106)', async () => {
    const connections = capturePeerConnections();
    const tracks = captureTracks();
    const roomName = uniqueRoom('missing');
    const room = await fixture<VideoRoom>(
      html`<video-room server=${janusUrl()} room=${roomName} identity="Alice" create="false"></video-room>`,
    );
    expect(room.create).to.equal(false);
    const error = await failedJoin(room);
    expect(error).to.be.instanceOf(RoomNotFoundError);
    expect(error).to.include({ code: 53106, attribute: 'room' });
    expect(error.message).to.contain(roomName);
    expectNothingLeft(room, connections, tracks);
    const exists = await janusAdmin<{ exists: boolean }>({ request: 'exists', room: roomName });
    expect(exists.exists).to.equal(false);
  });

  it('rejects a full room with RoomMaxParticipantsExceededError (53105) and leaves it as it was', async () => {
    const roomName = uniqueRoom('full');
    const created = await janusAdmin({ request: 'create', room: roomName, publishers: 1, notify_joining: true });
    expect(created['videoroom']).to.equal('created');
    const alice = await fixture<VideoRoom>(
      html`<video-room server=${janusUrl()} room=${roomName} identity="Alice"></video-room>`,
    );
    await alice.join();
    // join() resolves only once Janus itself counts Alice as publishing.
    const listed = await participantsOnServer(roomName);
    expect(listed).to.have.length(1);
    expect(listed[0]).to.include({ id: alice.memberId, display: 'Alice', publisher: true });

    const connections = capturePeerConnections();
    const tracks = captureTracks();
    const bob = await fixture<VideoRoom>(html`<video-room server=${janusUrl()} room=${roomName} identity="Bob"></video-room>`);
    const error = await failedJoin(bob);
    expect(error).to.be.instanceOf(RoomMaxParticipantsExceededError);
    expect(error).to.be.instanceOf(RoomError);
    expect(error).to.include({ name: 'RoomMaxParticipantsExceededError', code: 53105 });
    expectNothingLeft(bob, connections, tracks);
    await until(() => participantsOnServer(roomName), (p) => p.length === 1, 'only Alice on the server');
    expect(alice.active).to.equal(true);

    // Without camera and microphone Bob takes no publisher slot, so he can be there.
    bob.audio = false;
    bob.video = false;
    await bob.join();
    expect(bob.members.map((m) => m.name)).to.have.members(['Alice', 'Bob']);
  });

  it('rejects join({ video }) with a camera that does not exist with OverconstrainedError; the same element then joins', async () => {
    const tracks = captureTracks();
    const roomName = uniqueRoom('nodevice');
    const room = await fixture<VideoRoom>(html`<video-room server=${janusUrl()} room=${roomName} identity="A"></video-room>`);
    const errorEvent = nextEvent<ErrorDetail>(room, 'error');
    const error = await rejection(room.join({ video: { deviceId: { exact: 'missing' } } }));
    expect(error.name).to.equal('OverconstrainedError');
    expect((await errorEvent).detail.error).to.equal(error);
    expectNothingLeft(room, [], tracks);

    // join()'s parameters apply to that join only: the next one uses the attributes.
    await room.join();
    expect(room.active).to.equal(true);
    expect(room.localVideoTrack!.readyState).to.equal('live');
    expect(room.members[0]).to.include({ audio_muted: false, video_muted: false });
  });

  it('rejects a wrong PIN with RoomConnectFailedError (53104), and joins and sees others with the right one', async () => {
    const roomName = uniqueRoom('pin');
    await janusAdmin({
      request: 'create',
      room: roomName,
      description: 'Team standup',
      pin: '4321',
      publishers: 4,
      notify_joining: true,
    });
    const alice = await fixture<VideoRoom>(
      html`<video-room server=${janusUrl()} room=${roomName} identity="Alice" pin="4321"></video-room>`,
    );
    await alice.join();
    const bob = await fixture<VideoRoom>(html`<video-room server=${janusUrl()} room=${roomName} identity="Bob" pin="0000"></video-room>`);
    const error = await failedJoin(bob);
    expect(error).to.include({ name: 'RoomConnectFailedError', code: 53104, attribute: 'pin' });
    expect(error.message).to.contain('PIN');

    bob.pin = '4321';
    // The subscriber handle needs the PIN too: Bob receives Alice's video.
    const video = nextEvent<{ participant: { identity: string } }>(bob, 'trackStarted', () => true);
    const joined = nextEvent<RoomJoinedDetail>(bob, 'room.joined');
    await bob.join();
    expect((await joined).detail.room_session.name).to.equal('Team standup');
    expect((await video).detail.participant.identity).to.equal('Alice');
  });

  it('cancels a join hanging on a silent server at once when leave() is called', async () => {
    const tracks = captureTracks();
    // A timeout longer than this test may run: only a cancel that does not wait for it can pass.
    const room = await fixture<VideoRoom>(
      html`<video-room server=${await silentServerUrl()} room=${uniqueRoom('cancel')} identity="Alice" timeout="600000"></video-room>`,
    );
    const errors: unknown[] = [];
    room.addEventListener('error', (event) => errors.push(event.detail.error));
    const joining = room.join();
    // Joining is under way: the camera and microphone are captured, the connection is pending.
    await until(() => tracks.length, (n) => n === 2, 'the capture');
    await room.leave();
    const error = await rejection(joining);
    expect(error.name).to.equal('AbortError');
    expect(errors, 'a cancelled join is not a failure').to.deep.equal([]);
    expectNothingLeft(room, [], tracks);
  });

  it('aborts a join when leave() is called meanwhile, and releases what it took', async () => {
    const connections = capturePeerConnections();
    const tracks = captureTracks();
    const roomName = uniqueRoom('abort');
    const room = await fixture<VideoRoom>(html`<video-room server=${janusUrl()} room=${roomName} identity="A"></video-room>`);
    const joining = room.join();
    const leaving = room.leave();
    const error = await rejection(joining);
    await leaving;
    expect(error.name).to.equal('AbortError');
    expectNothingLeft(room, connections, tracks);
    expect(await participantsOnServer(roomName)).to.deep.equal([]);
  });
});

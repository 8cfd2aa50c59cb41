// Room tokens on Janus with token enforcement: a token for another room, an expired one, a
// tampered one and none at all are refused with their documented class and code, by the room
// service or by Janus itself, not only by the client; a token about to expire warns, renews
// with updateToken(), and one left to expire ends the session with AccessTokenExpiredError.
import { expect, fixture, html } from '@open-wc/testing';
import type { VideoRoom } from '../../dist/src/index.js';
import '../../dist/src/index.js';
import { janusUrl, nextEvent, rejection, uniqueRoom, until } from '../support/helpers.js';
import { rawVideoRoom } from './raw-janus.js';
import { admission, janusToken, roomToken, serviceRefusal, tokenRoom } from './secure-helpers.js';

const codeOf = (error: Error) => (error as Error & { code?: number }).code;

async function joinRefusal(element: VideoRoom): Promise<Error> {
  const error = await rejection(element.join());
  expect(element.active).to.equal(false);
  return error;
}

/** The token with its payload changed (the signature kept): what a tamperer would try. */
function tampered(token: string, change: (claims: Record<string, unknown>) => void): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
  change(claims);
  const encoded = btoa(JSON.stringify(claims)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${header}.${encoded}.${signature}`;
}

describe('room tokens', () => {
  it('a token for another room is refused by the service, and its Janus token by Janus', async () => {
    const [roomA, roomB] = [uniqueRoom('token-a'), uniqueRoom('token-b')];
    const forA = await roomToken({ room: roomA, identity: 'Alice' });
    const element = await fixture<VideoRoom>(html`<video-room token=${forA} room=${roomB} audio="false" video="false"></video-room>`);
    const refused = await joinRefusal(element);
    expect(refused.name).to.equal('AccessTokenInvalidError');
    expect(codeOf(refused)).to.equal(20101);
    expect(refused.message).to.include(roomA);
    expect(await serviceRefusal(`/v1/rooms/${roomB}/events`, forA)).to.deep.equal({ status: 403, code: 20101, name: 'AccessTokenInvalidError' });

    // Janus itself: the join token for room A does not open room B.
    const host = await tokenRoom({ room: roomB, identity: 'Bob' }, { audio: 'false', video: 'false' });
    await host.join();
    const { janus } = await admission(forA, roomA);
    // On the Janus the service placed room B on (there are two in this suite).
    const raw = await rawVideoRoom(janus.token, host.janusServer!);
    const answer = await raw.request({ request: 'join', ptype: 'publisher', room: roomB, display: 'Alice', token: janus.join });
    expect(answer['error_code']).to.equal(433);
    expect(answer['error']).to.match(/wrong token/);
    raw.destroy();
  });

  it('an expired token is refused by the client, the service and Janus', async () => {
    const room = uniqueRoom('expired');
    const token = await roomToken({ room, identity: 'Alice', ttl: 1 });
    const expires = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))).exp * 1000;
    await until(() => Date.now() > expires + 50, Boolean, 'the token to expire');
    const element = await fixture<VideoRoom>(html`<video-room token=${token} audio="false" video="false"></video-room>`);
    const refused = await joinRefusal(element);
    expect(refused.name).to.equal('AccessTokenExpiredError');
    expect(codeOf(refused)).to.equal(20104);
    expect(await serviceRefusal(`/v1/rooms/${room}/events`, token)).to.deep.equal({ status: 401, code: 20104, name: 'AccessTokenExpiredError' });
    // Janus refuses a core token past its expiry on the first request.
    const stale = await janusToken(Math.floor(Date.now() / 1000) - 1, 'janus', ['janus.plugin.videoroom']);
    expect((await rejection(rawVideoRoom(stale))).message).to.match(/Unauthorized request/);
  });

  it('a tampered token is refused by the service with AccessTokenSignatureInvalidError', async () => {
    const room = uniqueRoom('tampered');
    const plain = await roomToken({ room, identity: 'Mallory' });
    const promoted = tampered(plain, (claims) => {
      claims['permissions'] = ['room.member.remove', 'room.lock'];
    });
    const element = await fixture<VideoRoom>(html`<video-room token=${promoted} audio="false" video="false"></video-room>`);
    const refused = await joinRefusal(element);
    expect(refused.name).to.equal('AccessTokenSignatureInvalidError');
    expect(codeOf(refused)).to.equal(20107);
    expect(await serviceRefusal(`/v1/rooms/${room}/lock`, promoted, { method: 'POST', body: '{}' })).to.deep.equal({
      status: 401,
      code: 20107,
      name: 'AccessTokenSignatureInvalidError',
    });
    // Not even a JWT: the client says so at once.
    const garbage = await fixture<VideoRoom>(html`<video-room token="not-a-token" audio="false" video="false"></video-room>`);
    const malformed = await joinRefusal(garbage);
    expect([malformed.name, codeOf(malformed)]).to.deep.equal(['AccessTokenInvalidError', 20101]);
  });

  it('no token: Janus refuses the session and the service the request', async () => {
    const room = uniqueRoom('no-token');
    const element = await fixture<VideoRoom>(html`<video-room server=${janusUrl()} room=${room} identity="Eve" audio="false" video="false"></video-room>`);
    const refused = await joinRefusal(element);
    expect(refused.name).to.equal('AccessTokenInvalidError');
    expect(codeOf(refused)).to.equal(20101);
    expect(refused.message).to.match(/Unauthorized request/);
    expect(await serviceRefusal(`/v1/rooms/${room}/events`, undefined)).to.deep.equal({ status: 401, code: 20101, name: 'AccessTokenInvalidError' });
  });

  it('warns before expiry, renews with updateToken(), and a token left to expire ends the session with AccessTokenExpiredError', async () => {
    const room = uniqueRoom('renew');
    const alice = await tokenRoom({ room, identity: 'Alice', ttl: 4 }, { audio: 'false', video: 'false' });
    const warned = nextEvent<{ expires: number }>(alice, 'tokenAboutToExpire');
    await alice.join();
    const { expires } = (await warned).detail;
    expect(expires - Date.now()).to.be.within(0, 4000);
    await alice.updateToken(await roomToken({ room, identity: 'Alice', ttl: 60 }));
    // Past the first token's expiry the session goes on: Janus takes the renewed token.
    await until(() => Date.now() > expires + 1500, Boolean, 'the first token to expire');
    const bob = await tokenRoom({ room, identity: 'Bob', ttl: 3 }, { video: 'false' });
    // Receiving Bob's microphone takes Alice new requests to Janus (a subscription): they pass.
    const bobsAudio = nextEvent<{ participant: { sid: string } }>(alice, 'trackStarted', (d) => d.participant.sid === bob.memberId);
    await bob.join();
    await bobsAudio;
    expect(alice.active).to.equal(true);

    // Bob does not renew: his session ends when his token expires.
    const disconnected = nextEvent<{ error?: Error }>(bob, 'disconnected');
    const left = nextEvent<{ reason: string }>(bob, 'room.left');
    const error = (await disconnected).detail.error!;
    expect([error.name, codeOf(error)]).to.deep.equal(['AccessTokenExpiredError', 20104]);
    expect((await left).detail.reason).to.equal('token_expired');
    await until(() => !alice.members.some((m) => m.id === bob.memberId), Boolean, 'Bob gone for Alice');
  });
});

// The room service's pure parts, on the built package (node --test): the monitor's room view
// and room tokens.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EMPTY_VIEW, idsOf, midsOf, reduceView, viewAsJoined } from '../../dist/server/room-view.js';
import { createRoomToken, janusToken, verifyRoomToken } from '../../dist/server/tokens.js';

const MONITOR = '~room-service';
const bob = { id: 'b', display: 'Bob', streams: [{ type: 'audio', mid: '0' }, { type: 'video', mid: '1' }] };

test('the room view follows publishers, attendees, moderation and departures, leaving the monitor out', () => {
  let view = reduceView(EMPTY_VIEW, { videoroom: 'joined', description: 'R', publishers: [], attendees: [{ id: MONITOR }, { id: 'c', display: 'Carol' }] }, MONITOR);
  assert.deepEqual([...view.attendees.keys()], ['c']);
  view = reduceView(view, { videoroom: 'event', publishers: [bob] }, MONITOR);
  view = reduceView(view, { videoroom: 'event', joining: { id: 'b.screen.1', display: 'Bob' } }, MONITOR);
  assert.deepEqual(midsOf(view, 'b', 'audio'), ['0']);
  assert.deepEqual(idsOf(view, 'b').sort(), ['b', 'b.screen.1']);
  view = reduceView(view, { videoroom: 'event', id: 'b', mid: '0', moderation: 'muted' }, MONITOR);
  assert.equal(view.publishers.get('b').streams[0].moderated, true);
  // Re-announced without the flag (Janus 1.1.2 does so for audio), the stream stays moderated;
  // a new mid is not.
  view = reduceView(view, { videoroom: 'event', publishers: [{ ...bob, streams: [...bob.streams, { type: 'audio', mid: '2' }] }] }, MONITOR);
  assert.equal(view.publishers.get('b').streams[0].moderated, true);
  assert.deepEqual(midsOf(view, 'b', 'audio', true), ['2']);
  view = reduceView(view, { videoroom: 'talking', id: 'b' }, MONITOR);
  assert.equal(view.publishers.get('b').talking, true);
  view = reduceView(view, { videoroom: 'event', unpublished: 'b' }, MONITOR);
  assert.deepEqual([...view.publishers.keys()], []);
  assert.deepEqual([...view.attendees.keys()].sort(), ['b', 'b.screen.1', 'c']);
  view = reduceView(view, { videoroom: 'event', leaving: 'c' }, MONITOR);
  view = reduceView(view, { videoroom: 'event', kicked: 'b' }, MONITOR);
  assert.deepEqual([...view.attendees.keys()], ['b.screen.1']);
  const joined = viewAsJoined(view, 'room-1');
  assert.equal(joined.videoroom, 'joined');
  assert.equal(joined.private_id, 0);
  assert.equal(joined.description, 'R');
});

const signing = { jwtSecret: 'x'.repeat(32), janusUrl: 'ws://127.0.0.1:8188', serviceUrl: 'http://127.0.0.1:7090' };

test('room tokens carry their claims, and a bad one is refused with its code', async () => {
  const token = await createRoomToken({ identity: 'Alice', room: 'r', permissions: ['room.lock'], ttl: 60, interactivityMode: 'audience' }, signing);
  const grant = await verifyRoomToken(token, signing.jwtSecret);
  assert.deepEqual([grant.identity, grant.room, grant.permissions, grant.interactivityMode], ['Alice', 'r', ['room.lock'], 'audience']);
  const codeOf = (promise) => promise.then(() => assert.fail('accepted'), (error) => error.code);
  assert.equal(await codeOf(verifyRoomToken(token, 'y'.repeat(32))), 20107);
  assert.equal(await codeOf(verifyRoomToken('junk', signing.jwtSecret)), 20101);
  assert.equal(await codeOf(verifyRoomToken(undefined, signing.jwtSecret)), 20101);
  await assert.rejects(createRoomToken({ identity: '~room-service', room: 'r' }, signing), /reserved/);
  await assert.rejects(createRoomToken({ identity: 'A', room: 'r', permissions: ['room.everything'] }, signing), /unknown permissions/);
  await assert.rejects(createRoomToken({ identity: 'A', room: 'r', ttl: 0 }, signing), /ttl/);
});

test('Janus tokens are signed as Janus checks them', () => {
  const token = janusToken('secret', 1700000000, 'janus.plugin.videoroom', ['room=r']);
  assert.match(token, /^1700000000,janus\.plugin\.videoroom,room=r:[A-Za-z0-9+/]+=*$/);
});

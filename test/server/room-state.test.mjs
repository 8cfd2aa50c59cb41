// The pure parts of the room service's room state, cascading and recording composition, on the
// built package (node --test). Janus, the service and real media prove them end to end in
// test/secure (room-state.test.ts, cascade.test.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plan, remoteStreams } from '../../dist/server/cascade.js';
import { compositionFilter } from '../../dist/server/recording-files.js';
import { applyMeta, checkHand, MAX_META_CHARS, readMetaChange, readToggle } from '../../dist/server/room-state.js';
import { EMPTY_VIEW, mergeViews, reduceView } from '../../dist/server/room-view.js';

const MONITOR = '~room-service';

test('metadata: set replaces, update merges, delete removes keys; bad requests and oversized metadata are refused with codes', () => {
  let meta = applyMeta({}, readMetaChange({ op: 'set', meta: { a: 1, b: 2 } }));
  assert.deepEqual(meta, { a: 1, b: 2 });
  meta = applyMeta(meta, readMetaChange({ op: 'update', meta: { b: 3, c: 4 } }));
  assert.deepEqual(meta, { a: 1, b: 3, c: 4 });
  meta = applyMeta(meta, readMetaChange({ op: 'delete', keys: ['a', 'missing'] }));
  assert.deepEqual(meta, { b: 3, c: 4 });
  assert.ok(Object.isFrozen(meta));
  for (const body of [{ op: 'set', meta: [1] }, { op: 'merge', meta: {} }, { op: 'delete', keys: 'a' }, { op: 'update' }]) {
    assert.throws(() => readMetaChange(body), { status: 400, code: 53004 });
  }
  assert.throws(() => applyMeta({}, { op: 'set', meta: { big: 'x'.repeat(MAX_META_CHARS) } }), { status: 413 });
});

test('hands: raising and lowering need their permissions, and another member\'s hand needs room.member.set_meta too', () => {
  const member = ['video.member.raisehand', 'video.member.lowerhand'];
  checkHand(member, true, true, 'me');
  checkHand(member, false, true, 'me');
  assert.throws(() => checkHand(member, false, false, 'other'), { code: 20106 });
  assert.throws(() => checkHand(['video.member.lowerhand'], true, true, 'me'), { code: 20106 });
  checkHand([...member, 'room.member.set_meta'], false, false, 'other');
  assert.equal(readToggle({}, 'raised', true), false);
  assert.equal(readToggle({ raised: true }, 'raised', true), true);
  assert.throws(() => readToggle({ raised: 'yes' }, 'raised', false), { status: 400 });
});

const alice = { id: 'a', display: 'Alice', streams: [{ type: 'audio', mindex: 0, mid: '0', codec: 'opus', talking: false }, { type: 'video', mindex: 1, mid: '1', codec: 'vp8', simulcast: true, moderated: false }] };
const viewWith = (...publishers) => reduceView(EMPTY_VIEW, { videoroom: 'joined', publishers, attendees: [] }, MONITOR);

test('cascading: each local publisher is copied to the other servers, copies are never relayed back, changes update and leaves remove', () => {
  assert.deepEqual(remoteStreams(alice), [
    { type: 'audio', mindex: 0, mid: '0', codec: 'opus' },
    { type: 'video', mindex: 1, mid: '1', codec: 'vp8', simulcast: true },
  ]);
  // Alice is local on server 0; server 1 shows her copy (marked remote there).
  const views = new Map([[0, viewWith(alice)], [1, viewWith(alice)]]);
  let steps = plan(views, new Map(), new Map(), MONITOR);
  assert.equal(steps.length, 2, 'without the mark, the copy on 1 would be relayed back to 0');
  steps = plan(views, new Map([[1, new Set(['a'])]]), new Map(), MONITOR);
  assert.deepEqual(steps.map((s) => [s.kind, s.id, s.from, s.to]), [['add', 'a', 0, 1]]);
  const link = { id: 'a', from: 0, to: 1, signature: steps[0].signature, port: 5000, rtcpPort: 5001 };
  const links = new Map([['a\n0\n1', link]]);
  assert.deepEqual(plan(views, new Map([[1, new Set(['a'])]]), links, MONITOR), []);
  // Alice adds a stream: the copy follows.
  const more = { ...alice, streams: [...alice.streams, { type: 'video', mindex: 2, mid: '2', codec: 'vp8' }] };
  steps = plan(new Map([[0, viewWith(more)], [1, viewWith(alice)]]), new Map([[1, new Set(['a'])]]), links, MONITOR);
  assert.deepEqual(steps.map((s) => s.kind), ['update']);
  // Alice leaves server 0: her copy goes.
  steps = plan(new Map([[0, EMPTY_VIEW], [1, viewWith(alice)]]), new Map([[1, new Set(['a'])]]), links, MONITOR);
  assert.deepEqual(steps.map((s) => [s.kind, s.link.id]), [['remove', 'a']]);
  // A room seen from two servers is one room.
  const merged = mergeViews([viewWith(alice), reduceView(EMPTY_VIEW, { videoroom: 'joined', publishers: [], attendees: [{ id: 'a' }, { id: 'c' }] }, MONITOR)]);
  assert.deepEqual([...merged.publishers.keys()], ['a']);
  assert.deepEqual([...merged.attendees.keys()], ['c']);
});

test('recording composition: videos delayed to when Janus began writing them and tiled, audio delayed and mixed', () => {
  const { filter, video, audio } = compositionFilter([0, 2], [1, 3], new Map([[0, 0], [1, 0.02], [2, 1.5], [3, 1.52]]));
  assert.equal(video, '[vout]');
  assert.equal(audio, '[aout]');
  assert.match(filter, /\[2:v\].*tpad=start_duration=1\.500/);
  assert.match(filter, /\[3:a\]aresample=48000,adelay=1520:all=1/);
  assert.match(filter, /xstack=inputs=2:layout=0_0\|640_0/);
  assert.match(filter, /amix=inputs=2/);
  const single = compositionFilter([0], [], new Map());
  assert.equal(single.video, '[v0]');
  assert.equal(single.audio, undefined);
});

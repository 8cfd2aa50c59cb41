// npm run bench, second part: joining with room tokens on Janus with token enforcement and the
// room service (JANUS_CONFIG=secure scripts/with-janus runs it). Baseline in the same run: raw
// janus.js that gets its Janus tokens from the room service the same way, then joins by hand.
import { execFileSync } from 'node:child_process';
import { launch, line, median, round, serveFiles } from './harness.mjs';

const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
const server = process.env.JANUS_URL;
const service = process.env.ROOM_SERVICE_URL;
if (!server || !service) throw new Error('run me through JANUS_CONFIG=secure scripts/with-janus (npm run bench does)');

/** A token from the package's CLI, as a deployment would mint one. */
const token = (room, identity) => execFileSync('node', ['dist/server/cli.js', 'token', '--room', room, '--identity', identity]).toString().trim().split('\n').at(-1);

const { base, close } = await serveFiles();
const browser = await launch();
const joinRound = (mode, index) => {
  const room = `bench-token-${mode}-${Date.now().toString(36)}-${index}`;
  return round(browser, base, { mode, server, room, service, alice: token(room, 'Alice'), bob: token(room, 'Bob') });
};
const times = { raw: [], elements: [] };
await joinRound('raw', -1);
await joinRound('elements', -1); // warm-up: not counted
for (let i = 0; i < rounds; i++) {
  for (const mode of i % 2 ? ['elements', 'raw'] : ['raw', 'elements']) times[mode].push(await joinRound(mode, i));
}
await browser.close();
close();
console.log('\nThe same with room tokens: Janus enforcing them, each member admitted by the room service first');
console.log(line('library: <video-room token>', times.elements));
console.log(line('baseline: raw janus.js+tokens', times.raw));
console.log(`  ratio library / raw janus.js   ${(median(times.elements) / median(times.raw)).toFixed(2)}x`);

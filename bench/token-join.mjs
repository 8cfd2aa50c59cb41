// npm run bench, second part: joining with room tokens on Janus with token enforcement and the
// room service (JANUS_CONFIG=secure scripts/with-janus runs it). Baseline in the same run: raw
// janus.js that gets its Janus tokens from the room service the same way, then joins by hand.
import { execFileSync } from 'node:child_process';
import { joinTimes, launch, printJoinTimes, round, serveFiles } from './harness.mjs';

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
const times = await joinTimes(joinRound, rounds);
await browser.close();
close();
printJoinTimes(
  'The same with room tokens: Janus enforcing them, each member admitted by the room service first',
  { elements: 'library: <video-room token>', raw: 'baseline: raw janus.js+tokens' },
  times,
);

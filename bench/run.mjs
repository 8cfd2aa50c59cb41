// npm run bench: the library against baselines measured in the same run (see bench/deps.ts and
// bench/raw-janus.ts). Reports ratios; nothing here asserts a time. Runs inside scripts/with-janus.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { joinTimes, launch, printJoinTimes, root, round, serveFiles } from './harness.mjs';
import { memoryBench, printMemory } from './memory.mjs';
import { printTiles, tilesBench } from './tiles.mjs';

const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
const server = process.env.JANUS_URL;
if (!server) throw new Error('run me through scripts/with-janus (npm run bench does)');

// ------------------------------------------------------------------ bundle size
const sizes = async (path) => {
  const bytes = await readFile(join(root, path));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length };
};
const library = await sizes('dist/cdn/janus-room-elements.js');
const deps = await sizes('dist/bench/deps.js');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log('Bundle size (CDN bundle, minified)');
console.log(`  library (everything inlined)   ${kb(library.raw).padStart(9)} raw  ${kb(library.gzip).padStart(8)} gzip  ${kb(library.brotli).padStart(8)} brotli`);
console.log(`  baseline: its dependencies     ${kb(deps.raw).padStart(9)} raw  ${kb(deps.gzip).padStart(8)} gzip  ${kb(deps.brotli).padStart(8)} brotli`);
console.log(`  ratio library / dependencies   ${(library.gzip / deps.gzip).toFixed(2)}x gzip (the library's own code: ${kb(library.gzip - deps.gzip)} gzip)`);
// The Twilio drop-in (janus-room-elements/twilio) beside the library it replaces, twilio-video's own minified build.
const twilio = await sizes('dist/bench/twilio.js');
const twilioVideo = await sizes('node_modules/twilio-video/dist/twilio-video.min.js');
console.log(`  drop-in: janus-room-elements/twilio ${kb(twilio.raw).padStart(9)} raw  ${kb(twilio.gzip).padStart(8)} gzip  ${kb(twilio.brotli).padStart(8)} brotli`);
console.log(`  twilio-video.min.js             ${kb(twilioVideo.raw).padStart(9)} raw  ${kb(twilioVideo.gzip).padStart(8)} gzip  ${kb(twilioVideo.brotli).padStart(8)} brotli`);
console.log(`  ratio drop-in / twilio-video    ${(twilio.gzip / twilioVideo.gzip).toFixed(2)}x gzip\n`);

// ------------------------------------------------------------------ join latency
const { base, close } = await serveFiles();
const browser = await launch();
const roomFor = (mode, index) => `bench-${mode}-${Date.now().toString(36)}-${index}`;
const joinRound = (mode, index) => round(browser, base, { mode, server, room: roomFor(mode, index) });

const counts = (process.env.BENCH_TILES ?? '4,9,16,25').split(',').map(Number).filter((n) => n > 0);

const times = await joinTimes(joinRound, rounds);
const tiles = await tilesBench({ browser, base, server, counts });
const memory = await memoryBench({ browser, base, server, cycles: Number(process.env.BENCH_CYCLES ?? 100) });
await browser.close();
close();
printJoinTimes("Two members join and each decodes the other's first video frame (fresh page and room per round)", { elements: 'library: two <video-room>s', raw: 'baseline: raw janus.js' }, times);
printTiles(tiles);
printMemory(memory);

// npm run bench: the library against baselines measured in the same run (see bench/deps.ts and
// bench/raw-janus.ts). Reports ratios; nothing here asserts a time. Runs inside scripts/with-janus.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { memoryBench, printMemory } from './memory.mjs';
import { printTiles, tilesBench } from './tiles.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
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
console.log(`  ratio library / dependencies   ${(library.gzip / deps.gzip).toFixed(2)}x gzip (the library's own code: ${kb(library.gzip - deps.gzip)} gzip)\n`);

// ------------------------------------------------------------------ join latency
const types = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json' };
const files = http.createServer(async (request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  try {
    const body = await readFile(join(root, path));
    response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
    response.end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => files.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${files.address().port}`;

const browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs() });

async function round(mode, index) {
  const page = await browser.newPage();
  try {
    const room = `bench-${mode}-${Date.now().toString(36)}-${index}`;
    await page.goto(`${base}/bench/page.html?mode=${mode}&server=${encodeURIComponent(server)}&room=${room}`);
    const result = await (await page.waitForFunction(() => window.__result, { timeout: 30_000 })).jsonValue();
    if (result.error) throw new Error(`${mode}: ${result.error}`);
    if (!result.widths.every((w) => w > 0)) throw new Error(`${mode}: no decoded frame`);
    return result.ms;
  } finally {
    await page.close();
  }
}

const counts = (process.env.BENCH_TILES ?? '4,9,16,25').split(',').map(Number).filter((n) => n > 0);

const times = { raw: [], elements: [] };
await round('raw', -1);
await round('elements', -1); // warm-up: not counted
for (let i = 0; i < rounds; i++) {
  for (const mode of i % 2 ? ['elements', 'raw'] : ['raw', 'elements']) times[mode].push(await round(mode, i));
}
const tiles = await tilesBench({ browser, base, server, counts });
const memory = await memoryBench({ browser, base, server, cycles: Number(process.env.BENCH_CYCLES ?? 100) });
await browser.close();
files.close();

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const line = (label, values) =>
  `  ${label.padEnd(30)} median ${median(values).toFixed(0).padStart(5)} ms  (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)}, n=${values.length})`;
console.log('Two members join and each decodes the other\'s first video frame (fresh page and room per round)');
console.log(line('library: two <video-room>s', times.elements));
console.log(line('baseline: raw janus.js', times.raw));
console.log(`  ratio library / raw janus.js   ${(median(times.elements) / median(times.raw)).toFixed(2)}x`);
console.log('');
printTiles(tiles);
printMemory(memory);

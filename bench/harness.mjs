// What the benchmark scripts share: a static file server for the repository, Chromium, and the
// round that loads bench/page.html in a fresh page and reads its result.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** Serves the repository (dist/ and bench/) over HTTP; resolves with its base URL and a stop. */
export async function serveFiles() {
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
  return { base: `http://127.0.0.1:${files.address().port}`, close: () => files.close() };
}

export const launch = () => puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs() });

/** One join round of bench/page.html with `query`: milliseconds until both members decoded a frame. */
export async function round(browser, base, query) {
  const page = await browser.newPage();
  try {
    await page.goto(`${base}/bench/page.html?${new URLSearchParams(query)}`);
    const result = await (await page.waitForFunction(() => window.__result, { timeout: 30_000 })).jsonValue();
    if (result.error) throw new Error(`${query.mode}: ${result.error}`);
    if (!result.widths.every((w) => w > 0)) throw new Error(`${query.mode}: no decoded frame`);
    return result.ms;
  } finally {
    await page.close();
  }
}

/**
 * Join rounds of the library (`elements`) and of raw janus.js (`raw`), one warm-up of each first,
 * then `rounds` of each, alternating which goes first. `joinRound(mode, index)` resolves with ms.
 */
export async function joinTimes(joinRound, rounds) {
  const times = { raw: [], elements: [] };
  await joinRound('raw', -1);
  await joinRound('elements', -1);
  for (let i = 0; i < rounds; i++) {
    for (const mode of i % 2 ? ['elements', 'raw'] : ['raw', 'elements']) times[mode].push(await joinRound(mode, i));
  }
  return times;
}

/** Prints join times under `title`, library against raw janus.js, with the ratio of the medians. */
export function printJoinTimes(title, labels, times) {
  console.log(title);
  console.log(line(labels.elements, times.elements));
  console.log(line(labels.raw, times.raw));
  console.log(`  ratio library / raw janus.js   ${(median(times.elements) / median(times.raw)).toFixed(2)}x`);
  console.log('');
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

export const line = (label, values) =>
  `  ${label.padEnd(30)} median ${median(values).toFixed(0).padStart(5)} ms  (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)}, n=${values.length})`;

// The demo as a newcomer first sees it, in the light and the dark theme (following
// prefers-color-scheme), on a desktop and a phone screen: the lobby, and the call once joined.
// Each view also passes axe (contrast included, in both themes).
// Each screenshot is compared with its committed baseline in test/demo/screenshots/; up to 1% of
// the pixels may differ (anti-aliasing). Live video and meters are hidden: they never repeat.
// UPDATE_SCREENSHOTS=1 writes new baselines; a failed comparison leaves the screenshot and a
// diff in .screenshots/. Runs inside scripts/with-janus.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

const port = 5183;
const baselines = new URL('./screenshots/', import.meta.url);
const failures = new URL('../../.screenshots/', import.meta.url);
const update = process.env.UPDATE_SCREENSHOTS === '1';
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe's violations on the page (shadow roots included), as "rule: target" lines. */
async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations);
  return violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${JSON.stringify(node.target)}`));
}
const MOVING = `
  local-preview::part(video), local-preview::part(meter),
  video-room::part(tile-video), video-room::part(tile-audio-level) { visibility: hidden !important; }`;

/** The share of pixels that differ (pixelmatch, threshold 0.1); writes the diff when any do. */
function compare(name, actual) {
  const file = new URL(`${name}.png`, baselines);
  if (update || !existsSync(file)) {
    assert.ok(update, `no baseline ${name}.png: run with UPDATE_SCREENSHOTS=1 and commit it`);
    writeFileSync(file, actual);
    return 0;
  }
  const [a, b] = [PNG.sync.read(readFileSync(file)), PNG.sync.read(actual)];
  const keep = (suffix, data) => {
    mkdirSync(failures, { recursive: true });
    writeFileSync(new URL(`${name}${suffix}.png`, failures), data);
  };
  if (b.width !== a.width || b.height !== a.height) keep('', actual);
  assert.deepEqual([b.width, b.height], [a.width, a.height], `${name}: the page's size changed`);
  const diff = new PNG({ width: a.width, height: a.height });
  const differing = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.1 });
  if (differing > 0) {
    keep('', actual);
    keep('.diff', PNG.sync.write(diff));
  }
  return differing / (a.width * a.height);
}

describe('the demo, in both themes, against its baselines', () => {
  let vite;
  let browser;
  before(async () => {
    vite = spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--port', String(port), '--strictPort'], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((resolve, reject) => {
      vite.stdout.on('data', (chunk) => String(chunk).includes('ready in') && resolve());
      vite.on('exit', (code) => reject(new Error(`vite exited with ${code}`)));
    });
    browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs() });
  });
  after(async () => {
    await browser?.close();
    vite?.kill('SIGTERM');
  });

  const screens = { desktop: { width: 1280, height: 860 }, phone: { width: 390, height: 1200, isMobile: true, hasTouch: true, deviceScaleFactor: 1 } };
  for (const scheme of ['light', 'dark']) {
    for (const [screen, viewport] of Object.entries(screens)) {
      it(`${scheme}, ${screen}: the lobby and the call`, async () => {
        const page = await browser.newPage();
        await page.setViewport(viewport);
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
        await page.goto(`http://127.0.0.1:${port}/?name=Ada&room=screenshots-${scheme}-${screen}&lang=en`);
        await page.addStyleTag({ content: MOVING });
        await page.waitForFunction(() => document.querySelector('local-preview').shadowRoot.querySelector('video')?.videoWidth > 0, { polling: 100 });
        await page.waitForFunction(() => [...document.querySelector('device-select').shadowRoot.querySelectorAll('option')].every((option) => option.textContent), { polling: 100 });
        const lobby = compare(`lobby-${scheme}-${screen}`, await page.screenshot());
        assert.deepEqual(await axeViolations(page), [], 'the lobby passes axe');
        assert.ok(lobby <= 0.01, `lobby-${scheme}-${screen}: ${(lobby * 100).toFixed(2)}% of the pixels differ (see .screenshots/)`);

        // The top bar's Docs link opens the docs site the build generated.
        const docs = await page.evaluate(async () => {
          const response = await fetch(document.querySelector('a[data-text="docs"]').href);
          return { status: response.status, title: (await response.text()).match(/<title>(.*?)<\/title>/)?.[1] };
        });
        assert.deepEqual(docs, { status: 200, title: 'Overview · janus-room-elements' });

        await page.click('#join');
        await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('In room'), { polling: 100 });
        await page.waitForFunction(() => document.querySelector('video-room').shadowRoot.querySelector('participant-tile')?.shadowRoot.querySelector('video')?.videoWidth > 0, { polling: 100 });
        await page.waitForFunction(() => !document.querySelector('room-chat').shadowRoot.querySelector('[part="status"]'), { polling: 100 });
        // The status line names the room's link, whose port changes: the same words, fixed.
        await page.evaluate(() => (document.querySelector('#status').textContent = 'In room "screenshots" as Ada.'));
        const call = compare(`call-${scheme}-${screen}`, await page.screenshot());
        assert.deepEqual(await axeViolations(page), [], 'the call passes axe');
        assert.ok(call <= 0.01, `call-${scheme}-${screen}: ${(call * 100).toFixed(2)}% of the pixels differ (see .screenshots/)`);
        await page.evaluate(() => document.querySelector('video-room').leave());
        await page.close();
      });
    }
  }
});

// Each way in proven end to end: a Vue 3, an Angular and a React 19 app, each built with its own
// toolchain (vue-tsc + Vite, the Angular CLI, tsc + Vite) against the built library, and a
// CMS-style page with only the CDN script tag. In Chromium with fake devices, against Janus, each
// joins a room, renders the tile of a member who joins from another page (decoded video), reacts
// to her events through the framework's own binding, and mutes with its own button: the other
// member's page sees the mute. Runs inside scripts/with-janus, after `npm run build`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { serve } from './serve.mjs';

const janus = process.env.JANUS_URL;
if (!janus) throw new Error('run me through scripts/with-janus');
const examples = new URL('../../examples/', import.meta.url);

/** The app's own build script (scripts/setup installed its toolchain: the namespace has no registry). */
function build(app) {
  const cwd = new URL(`${app}/`, examples);
  assert.ok(existsSync(new URL('node_modules/.package-lock.json', cwd)), `examples/${app} is not installed: run scripts/setup`);
  const started = performance.now();
  execFileSync('npm', ['run', 'build'], { cwd, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NG_CLI_ANALYTICS: 'false' } });
  return Math.round(performance.now() - started);
}

/** Waits for `fn` (run in the page) to return a truthy value, which it resolves with. */
const waitFor = (page, fn, ...args) => page.waitForFunction(fn, { timeout: 20_000, polling: 100 }, ...args).then((handle) => handle.jsonValue());

/** The tile of the member named `name` in the page's `<video-room>`, with a decoded frame. */
const tileOf = (page, name) =>
  waitFor(
    page,
    (name) => {
      const tiles = [...document.querySelector('video-room').shadowRoot.querySelectorAll('participant-tile')];
      const tile = tiles.find((candidate) => candidate.resolvedMember?.name === name);
      const video = tile?.shadowRoot.querySelector('video');
      return video?.videoWidth > 0 && { width: video.videoWidth, label: tile.getAttribute('aria-label') };
    },
    name,
  );

/** Whether the page's `<video-room>` shows the member named `name` muted. */
const seesMuted = (page, name) =>
  waitFor(
    page,
    (name) =>
      [...document.querySelector('video-room').shadowRoot.querySelectorAll('participant-tile')].some(
        (tile) => tile.resolvedMember?.name === name && tile.hasAttribute('audio-muted'),
      ),
    name,
  );

describe('framework apps, built with their toolchains, in a room on Janus', () => {
  let browser;
  let server;
  before(async () => {
    server = await serve();
    browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs() });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (path, room, name) => {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${server.origin}/${path}?${new URLSearchParams({ server: janus, room, name })}`);
    return { page, problems };
  };

  for (const app of ['vue', 'react', 'angular', 'cms']) {
    it(`${app}: joins, shows the other member's video, hears her join, mutes`, async (t) => {
      if (app !== 'cms') t.diagnostic(`${app} build: ${build(app)} ms`);
      const room = `framework-${app}-${Date.now().toString(36)}`;
      const alice = await open(`${app}/`, room, 'Alice');
      await waitFor(alice.page, () => document.querySelector('video-room')?.active);
      const bob = await open('cms/', room, 'Bob');

      await alice.page.bringToFront(); // Chromium holds media back in background tabs.
      const tile = await tileOf(alice.page, 'Bob');
      assert.ok(tile.width > 0);
      // The app's own markup, rendered by the framework from the event's detail.
      assert.equal(await waitFor(alice.page, () => /Bob/.test(document.querySelector('#joined').textContent) && document.querySelector('#joined').textContent), 'Joined: Bob');
      if (app !== 'cms') {
        assert.equal(await waitFor(alice.page, () => document.querySelector('#connected').textContent.trim()), 'participantConnected: Bob');
      }

      // Mute with the app's own button (the CMS page has only the library's controls).
      if (app === 'cms') await alice.page.evaluate(() => document.querySelector('room-controls').shadowRoot.querySelector('[part~="microphone"]').click());
      else await alice.page.click('#mute');
      if (app !== 'cms') assert.equal(await waitFor(alice.page, () => document.querySelector('#mute[aria-pressed="true"]')?.textContent.trim()), 'Unmute microphone');
      await bob.page.bringToFront();
      assert.equal(await seesMuted(bob.page, 'Alice'), true);

      assert.deepEqual([...alice.problems, ...bob.problems], []);
      await Promise.all([alice.page.close(), bob.page.close()]);
    });
  }
});

// The demo, end to end: the Vite dev server (demo/ on the library's sources, /janus proxied to
// Janus) and two Chromium tabs that join through the form, as a newcomer would, and decode each
// other's video. Runs inside scripts/with-janus (npm test does that), also with JANUS_CONFIG=secure,
// where the demo joins with room tokens.
import { spawn } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

const port = 5179;
const base = `http://127.0.0.1:${port}/`;
if (!process.env.JANUS_URL) throw new Error('run me through scripts/with-janus');

const vite = spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--port', String(port), '--strictPort'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const stopVite = () => vite.kill('SIGTERM');
process.on('exit', stopVite);

let browser;
try {
  await new Promise((resolve, reject) => {
    vite.stdout.on('data', (chunk) => String(chunk).includes('ready in') && resolve());
    vite.on('exit', (code) => reject(new Error(`vite exited with ${code}`)));
  });
  browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs() });
  const room = `demo-smoke-${Date.now().toString(36)}`;
  const join = async (name) => {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${base}?room=${room}`);
    await page.$eval('input[name="identity"]', (input, value) => (input.value = value), name);
    await page.click('#join');
    await page.waitForFunction(
      () => /^In room|^Could not/.test(document.querySelector('#status').textContent),
      { timeout: 20_000, polling: 100 },
    );
    const status = await page.$eval('#status', (element) => element.textContent);
    if (!status.startsWith('In room')) throw new Error(`${name}: ${status}`);
    return { page, name, problems };
  };
  const tabs = [await join('Alice'), await join('Bob')];
  for (const { page, name, problems } of tabs) {
    await page.bringToFront(); // Chromium holds media back in background tabs.
    const seen = await page
      .waitForFunction(
        () => {
          const grid = document.querySelector('video-room').shadowRoot;
          const other = [...grid.querySelectorAll('participant-tile')].find((tile) => !tile.hasAttribute('local'));
          const video = other?.shadowRoot.querySelector('video');
          return video?.videoWidth > 0 && { name: other.resolvedMember.name, width: video.videoWidth };
        },
        { timeout: 20_000, polling: 100 },
      )
      .then((handle) => handle.jsonValue());
    if (problems.length) throw new Error(`${name}'s page threw: ${problems.join('; ')}`);
    console.log(`demo: ${name} sees ${seen.name} at ${seen.width}px`);
  }
  const [alice, bob] = tabs;
  const pressControl = (page, part) =>
    page.evaluate((part) => document.querySelector('room-controls').shadowRoot.querySelector(`[part~="${part}"]`).click(), part);

  // Alice mutes with the controls; Bob's tile for her shows it.
  await alice.page.bringToFront();
  await pressControl(alice.page, 'microphone');
  await bob.page.bringToFront();
  await bob.page.waitForFunction(
    () => [...document.querySelector('video-room').shadowRoot.querySelectorAll('participant-tile')].some((tile) => !tile.hasAttribute('local') && tile.hasAttribute('audio-muted')),
    { timeout: 20_000, polling: 100 },
  );
  console.log("demo: Alice muted her microphone and Bob's tile shows it");

  // Alice writes in the chat beside the room; Bob reads it there.
  await alice.page.bringToFront();
  await alice.page.evaluate(() => {
    const input = document.querySelector('room-chat').shadowRoot.querySelector('[part~="input"]');
    input.value = 'Hello from the demo';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  });
  await bob.page.bringToFront();
  // Only messages on screen are in the DOM: Bob scrolls the chat into view, as he would to read it.
  await bob.page.evaluate(() => document.querySelector('room-chat').scrollIntoView());
  await bob.page.waitForFunction(
    () => [...document.querySelector('room-chat').shadowRoot.querySelectorAll('[part~="body"]')].some((body) => body.textContent === 'Hello from the demo'),
    { timeout: 20_000, polling: 100 },
  );
  // And back to the call: tiles scrolled out of view get no video.
  await bob.page.evaluate(() => window.scrollTo(0, 0));
  console.log('demo: Alice writes in the chat and Bob reads it');

  // Bob picks the speaker view: Alice, the only other person, takes the large slot.
  await bob.page.bringToFront();
  await bob.page.select('#layout', 'highlight-1-responsive');
  await bob.page.waitForFunction(
    () => {
      const room = document.querySelector('video-room');
      const large = room.shadowRoot.querySelector('participant-tile[part~="featured"]');
      return room.getAttribute('layout-name') === 'highlight-1-responsive' && large?.resolvedMember?.name === 'Alice';
    },
    { timeout: 20_000, polling: 100 },
  );
  await bob.page.select('#layout', '');
  await bob.page.waitForFunction(() => document.querySelector('video-room').getAttribute('layout-name') === 'grid-responsive', { timeout: 20_000, polling: 100 });
  console.log("demo: Bob picks the speaker view and sees Alice large, then the grid again");

  // Alice shares her screen with the button; Bob sees it large, then the grid once she stops.
  const pressShare = (page) => page.evaluate(() => document.querySelector('screen-share').shadowRoot.querySelector('[part="button"]').click());
  await alice.page.bringToFront();
  await pressShare(alice.page);
  await alice.page.waitForFunction(() => document.querySelector('screen-share').hasAttribute('sharing'), { timeout: 20_000, polling: 100 });
  await bob.page.bringToFront();
  const shared = await bob.page
    .waitForFunction(
      () => {
        const video = document.querySelector('video-room').shadowRoot.querySelector('participant-tile[part~="featured"]')?.shadowRoot.querySelector('video');
        return video?.videoWidth > 0 && `${video.videoWidth}x${video.videoHeight}`;
      },
      { timeout: 20_000, polling: 100 },
    )
    .then((handle) => handle.jsonValue());
  console.log(`demo: Alice shares her screen and Bob sees it large at ${shared}`);
  await alice.page.bringToFront();
  await pressShare(alice.page);
  await bob.page.bringToFront();
  await bob.page.waitForFunction(() => document.querySelector('video-room').getAttribute('layout-name') === 'grid-responsive', { timeout: 20_000, polling: 100 });
  console.log('demo: Alice stops sharing and Bob is back to the grid');

  if (process.env.JANUS_CONFIG === 'secure') {
    // Joined with tokens (both as moderators): Alice mutes Bob from her member list, and the
    // room service has Janus stop his microphone; his own controls show it.
    await alice.page.bringToFront();
    await alice.page.evaluate(() => document.querySelector('member-list').shadowRoot.querySelector('[part~="audio"]').click());
    await bob.page.bringToFront();
    await bob.page.waitForFunction(
      () => document.querySelector('room-controls').shadowRoot.querySelector('[part~="microphone"]').getAttribute('aria-pressed') === 'true',
      { timeout: 20_000, polling: 100 },
    );
    console.log("demo: with tokens, Alice mutes Bob from her member list and Bob's controls show it");

    // Bob raises his hand with his controls; Alice sees it on his tile.
    await pressControl(bob.page, 'hand');
    await alice.page.bringToFront();
    await alice.page.waitForFunction(
      () => [...document.querySelector('video-room').shadowRoot.querySelectorAll('participant-tile')].some((tile) => tile.resolvedMember?.name === 'Bob' && tile.hasAttribute('handraised')),
      { timeout: 20_000, polling: 100 },
    );
    console.log("demo: Bob raises his hand and Alice sees it on his tile");

    // Alice records a few seconds (75 more frames of Bob's video reach her), stops, and the
    // page lists the file, which the room service serves as an MP4.
    const framesOfBob = () =>
      alice.page.evaluate(() => {
        const tile = [...document.querySelector('video-room').shadowRoot.querySelectorAll('participant-tile')].find((t) => t.resolvedMember?.name === 'Bob');
        return tile?.shadowRoot.querySelector('video')?.getVideoPlaybackQuality().totalVideoFrames ?? 0;
      });
    await alice.page.click('#record');
    await alice.page.waitForFunction(() => document.querySelector('#record').getAttribute('aria-pressed') === 'true', { timeout: 20_000, polling: 100 });
    const before = await framesOfBob();
    await alice.page.waitForFunction(
      (before) => {
        const tile = [...document.querySelector('video-room').shadowRoot.querySelectorAll('participant-tile')].find((t) => t.resolvedMember?.name === 'Bob');
        return (tile?.shadowRoot.querySelector('video')?.getVideoPlaybackQuality().totalVideoFrames ?? 0) > before + 75;
      },
      { timeout: 20_000, polling: 100 },
      before,
    );
    await alice.page.click('#record');
    const download = await alice.page
      .waitForFunction(() => document.querySelector('#recordings a')?.href, { timeout: 60_000, polling: 100 })
      .then((handle) => handle.jsonValue());
    const served = await alice.page.evaluate(async (url) => {
      const response = await fetch(url);
      return { status: response.status, type: response.headers.get('content-type'), size: (await response.arrayBuffer()).byteLength };
    }, download);
    if (served.status !== 200 || served.type !== 'video/mp4' || served.size < 10_000) throw new Error(`the recording download answered ${JSON.stringify(served)}`);
    console.log(`demo: Alice records the room and downloads a ${Math.round(served.size / 1024)} KB MP4`);

    // Carol joins the same room from the Twilio API page (twilio-video code, import changed):
    // she decodes Alice's video, and Alice's elements show her.
    const carol = await browser.newPage();
    const carolProblems = [];
    carol.on('pageerror', (error) => carolProblems.push(error.message));
    await carol.goto(`${base}twilio.html?room=${room}&name=Carol`);
    await carol.click('#connect');
    await carol.waitForFunction(() => /^Connected|^Could not/.test(document.querySelector('#twilio-status').textContent), { timeout: 20_000, polling: 100 });
    const carolStatus = await carol.$eval('#twilio-status', (element) => element.textContent);
    if (!carolStatus.startsWith('Connected')) throw new Error(`Carol (Twilio page): ${carolStatus}`);
    const carolSees = await carol
      .waitForFunction(
        () => {
          const item = [...document.querySelectorAll('#participants li:not(.local)')].find((li) => li.querySelector('video')?.videoWidth > 0);
          return item && item.querySelector('strong').textContent;
        },
        { timeout: 20_000, polling: 100 },
      )
      .then((handle) => handle.jsonValue());
    await alice.page.bringToFront();
    await alice.page.waitForFunction(
      () => [...document.querySelector('video-room').shadowRoot.querySelectorAll('participant-tile')].some((tile) => tile.resolvedMember?.name === 'Carol'),
      { timeout: 20_000, polling: 100 },
    );
    await carol.bringToFront();
    await carol.click('#disconnect');
    await carol.waitForFunction(() => document.querySelector('#twilio-status').textContent === 'Disconnected', { timeout: 20_000, polling: 100 });
    if (carolProblems.length) throw new Error(`Carol's Twilio page threw: ${carolProblems.join('; ')}`);
    await carol.close();
    console.log(`demo: Carol joins from the Twilio API page, decodes ${carolSees}'s video, Alice's page shows her, and she disconnects`);
  }

  await pressControl(bob.page, 'leave');
  await alice.page.bringToFront();
  await alice.page.waitForFunction(
    () => document.querySelector('video-room').shadowRoot.querySelectorAll('participant-tile').length === 1,
    { timeout: 20_000, polling: 100 }, // not 'raf': animation frames stop in background tabs
  );
  await pressControl(alice.page, 'leave');
  await alice.page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Left') && !document.querySelector('#lobby').hidden, {
    polling: 100,
  });
  console.log('demo: Bob left and Alice is alone again, then back in the lobby\n1 passed, 0 failed (demo smoke test)');
} catch (error) {
  console.error(`demo smoke test failed: ${error.stack ?? error}`);
  process.exitCode = 1;
} finally {
  await browser?.close();
  stopVite();
  await delay(100);
}

// The memory figure of npm run bench: one <video-room> joins and leaves a room 100 times while
// another member stays (so each join publishes and receives), and what the page holds before the
// first join is set beside what it holds after the last leave: heap after full collections, live
// tracks, open PeerConnections, media elements. Reports; asserts nothing (test/e2e/leaks.test.ts does).

async function open(browser, url) {
  const page = await browser.newPage();
  await page.goto(url);
  const ready = await (await page.waitForFunction(() => window.__ready, { timeout: 30_000 })).jsonValue();
  if (typeof ready === 'string') throw new Error(ready);
  return page;
}

/** Runs the cycles in a fresh page (the member who stays has its own); returns the counts. */
export async function memoryBench({ browser, base, server, cycles = 100, warmUp = 10 }) {
  const room = `bench-memory-${Date.now().toString(36)}`;
  const url = (role) => `${base}/bench/memory.html?role=${role}&server=${encodeURIComponent(server)}&room=${room}`;
  const stays = await open(browser, url('stay'));
  const page = await open(browser, url('cycle'));
  try {
    const before = await page.evaluate(() => window.__counts());
    const started = Date.now();
    await page.evaluate((n) => window.__cycles(n), warmUp);
    const warm = await page.evaluate(() => window.__counts());
    await page.evaluate((n) => window.__cycles(n), cycles - warmUp);
    const seconds = (Date.now() - started) / 1000;
    const after = await page.evaluate(() => window.__counts());
    return { before, warm, after, cycles, warmUp, seconds };
  } finally {
    await page.close();
    await stays.close();
  }
}

export function printMemory({ before, warm, after, cycles, warmUp, seconds }) {
  const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
  console.log(`Memory: ${cycles} join/leave cycles of one <video-room>, receiving a member who stays (${seconds.toFixed(0)} s)`);
  console.log(`                               before first join   after ${warmUp} cycles   after ${cycles} cycles`);
  const row = (label, a, b, c) => console.log(`  ${label.padEnd(29)}${String(a).padStart(17)}${String(b).padStart(17)}${String(c).padStart(17)}`);
  row('JS heap (after full GC)', mb(before.heap), mb(warm.heap), mb(after.heap));
  row('live tracks', before.tracks, warm.tracks, after.tracks);
  row('open RTCPeerConnections', before.pcs, warm.pcs, after.pcs);
  row('media elements', before.media, warm.media, after.media);
  const perCycle = (after.heap - warm.heap) / (cycles - warmUp) / 1024;
  console.log(`  ratio heap after / before     ${(after.heap / before.heap).toFixed(2)}x; after the first ${warmUp} cycles ${perCycle.toFixed(1)} KB a cycle`);
  console.log('');
}

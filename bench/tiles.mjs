// The tiles figure of npm run bench: what a page receiving N small cameras costs with every tile
// on screen, and with all but one row scrolled out of view (the library switches their video off
// at Janus). Reports the two side by side with their ratio; asserts nothing.

const WARM_UP_MS = 4000;
const MEASURE_MS = 8000;
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the viewer page receives and spends over `ms`: main-thread busy share, decoded fps, video kbit/s. */
async function measure(page, ms) {
  const sample = async () => {
    const { TaskDuration, Timestamp } = await page.metrics();
    const video = await page.evaluate(async () => {
      let frames = 0;
      let bytes = 0;
      for (const pc of window.__pcs) {
        if (pc.connectionState === 'closed') continue;
        for (const stat of (await pc.getStats()).values()) {
          if (stat.type === 'inbound-rtp' && stat.kind === 'video') {
            frames += stat.framesDecoded ?? 0;
            bytes += stat.bytesReceived ?? 0;
          }
        }
      }
      return { frames, bytes };
    });
    return { busy: TaskDuration, at: Timestamp, ...video };
  };
  const before = await sample();
  await wait(ms);
  const after = await sample();
  const seconds = after.at - before.at;
  return {
    busy: (after.busy - before.busy) / seconds,
    fps: (after.frames - before.frames) / seconds,
    kbps: ((after.bytes - before.bytes) * 8) / 1000 / seconds,
  };
}

async function open(browser, url, viewport) {
  const page = await browser.newPage();
  if (viewport) await page.setViewport(viewport);
  await page.goto(url);
  const ready = await (await page.waitForFunction(() => window.__ready, { timeout: 120_000 })).jsonValue();
  if (typeof ready === 'string') throw new Error(ready);
  return page;
}

/** Runs the figure for each N; returns rows { n, visible, offscreen }. */
export async function tilesBench({ browser, base, server, counts }) {
  const rows = [];
  for (const n of counts) {
    const room = `bench-tiles-${n}-${Date.now().toString(36)}`;
    const query = `server=${encodeURIComponent(server)}&room=${room}&n=${n}`;
    const publishers = await open(browser, `${base}/bench/tiles.html?role=publishers&${query}`);
    // Tall enough for seven rows of tiles: with no box around them, every tile is on screen.
    const viewer = await open(browser, `${base}/bench/tiles.html?role=viewer&${query}`, { width: 1100, height: 1100 });
    try {
      await viewer.waitForFunction((count) => document.querySelectorAll('participant-tile').length === count, { timeout: 60_000 }, n);
      await viewer.bringToFront();
      await wait(WARM_UP_MS);
      const visible = await measure(viewer, MEASURE_MS);
      await viewer.evaluate(() => window.__mode('offscreen'));
      await wait(WARM_UP_MS);
      const offscreen = await measure(viewer, MEASURE_MS);
      rows.push({ n, visible, offscreen });
    } finally {
      await viewer.close();
      await publishers.close();
    }
  }
  return rows;
}

/** The figure as a table: each measure with all tiles visible, with all but one row off screen, and their ratio. */
export function printTiles(rows) {
  const cell = (a, b, digits) => `${a.toFixed(digits).padStart(7)} ${b.toFixed(digits).padStart(7)} ${(b / a).toFixed(2).padStart(6)}x`;
  console.log('Receiving N small cameras (160x120, 15 fps): every tile on screen vs all but 4 scrolled out of view');
  console.log('  N   main-thread busy (%)         decoded frames/s             received video kbit/s');
  console.log('      visible  4 seen  ratio       visible  4 seen  ratio       visible  4 seen  ratio');
  for (const { n, visible, offscreen } of rows) {
    console.log(`  ${String(n).padEnd(3)} ${cell(visible.busy * 100, offscreen.busy * 100, 1)}    ${cell(visible.fps, offscreen.fps, 0)}    ${cell(visible.kbps, offscreen.kbps, 0)}`);
  }
}

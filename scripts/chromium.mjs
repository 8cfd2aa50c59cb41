// Debian's Chromium, headless, with a fake camera and microphone: one place for the flags the
// tests, the demo smoke test and the benchmark launch it with (verified flags: JANUS.md).
export const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';

/**
 * `prompt` is what the permission prompt (and the screen picker) answers: `accept` (a fake prompt
 * that always says yes), `deny` (a fake prompt that always says no, as a user cancelling the
 * screen picker), or `none` (no fake prompt: camera and microphone permissions then follow what
 * the DevTools protocol sets, so a test can deny and grant them).
 */
export function chromiumArgs({ prompt = 'accept' } = {}) {
  return [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    // Three fake cameras, so switching has somewhere to go. fake_device_1 delivers depth (Y16)
    // frames that WebRTC never encodes; fake_device_0 and fake_device_2 are real pictures.
    '--use-fake-device-for-media-stream=device-count=3',
    ...(prompt === 'accept' ? ['--use-fake-ui-for-media-stream'] : prompt === 'deny' ? ['--use-fake-ui-for-media-stream=deny'] : []),
    '--autoplay-policy=no-user-gesture-required',
    '--allow-loopback-in-peer-connection',
    '--disable-features=WebRtcHideLocalIpsWithMdns',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    // window.gc(), so that the leak test and the memory benchmark read the heap after a full collection.
    '--js-flags=--expose-gc',
  ];
}

// Debian's Chromium, headless, with a fake camera and microphone: one place for the flags the
// tests, the demo smoke test and the benchmark launch it with (verified flags: JANUS.md).
export const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** `denyMedia`: the fake permission prompt says no (the only way to get NotAllowedError). */
export function chromiumArgs({ denyMedia = false } = {}) {
  return [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--use-fake-device-for-media-stream',
    denyMedia ? '--use-fake-ui-for-media-stream=deny' : '--use-fake-ui-for-media-stream',
    '--autoplay-policy=no-user-gesture-required',
    '--allow-loopback-in-peer-connection',
    '--disable-features=WebRtcHideLocalIpsWithMdns',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
}

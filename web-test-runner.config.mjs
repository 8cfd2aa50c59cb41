// @web/test-runner: unit tests (test/unit) and end-to-end tests against real Janus (test/e2e) in
// Debian's headless Chromium with fake camera and microphone. Run through scripts/with-janus,
// which provides JANUS_URL and the private network namespace (npm test does both).
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import net from 'node:net';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { WebSocketServer } from 'ws';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';
import { startHostileJanus } from './test/support/hostile-janus.mjs';
import { FAULT_JANUS_ADMIN_URL, cutFaultJanusSockets, freezeFaultJanus, killFaultJanus, setFaultLink, startFaultJanus, stopFaultJanus } from './test/support/fault-janus.mjs';

const janusUrl = process.env.JANUS_URL ?? '';
const adminUrl = process.env.JANUS_ADMIN_URL ?? '';
const adminSecret = process.env.JANUS_ADMIN_SECRET ?? '';
// JANUS_CONFIG=secure scripts/with-janus: Janus enforces tokens and the room service runs; only
// the tests of the trusted side (test/secure) run against it.
const secure = process.env.JANUS_CONFIG === 'secure';
const serviceUrl = process.env.ROOM_SERVICE_URL ?? '';

/** `sdp` (a webrtc-adapter dependency) declares a CommonJS file as its ES `module` entry. */
function sdpAsModule() {
  return {
    name: 'sdp-as-module',
    transform(context) {
      if (/\/node_modules\/sdp\/sdp\.js$/.test(context.path)) {
        return { body: `${context.body}\nexport default SDPUtils;\n` };
      }
      return undefined;
    },
  };
}

/** Commands the tests run on the Node side (`executeServerCommand`). */
function harnessCommands() {
  const silentServers = [];
  const hostile = new Map();
  let shaped = false;
  return {
    name: 'janus-harness-commands',
    async executeCommand({ command, payload, session }) {
      if (command === 'janus-admin' || command === 'fault-janus-admin') {
        // A VideoRoom request through the Admin API (of the shared Janus, or of the fault tests'
        // own), as a trusted server would send it.
        const response = await fetch(command === 'janus-admin' ? adminUrl : FAULT_JANUS_ADMIN_URL, {
          method: 'POST',
          body: JSON.stringify({
            janus: 'message_plugin',
            transaction: `t${Date.now()}`,
            admin_secret: adminSecret,
            plugin: 'janus.plugin.videoroom',
            request: payload,
          }),
        });
        const answer = await response.json();
        return answer.response ?? answer;
      }
      if (command === 'silent-server') {
        // Accepts TCP connections and never answers: a server that hangs.
        const server = net.createServer(() => {});
        await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
        silentServers.push(server);
        return { port: server.address().port };
      }
      if (command === 'not-janus-websocket') {
        // A WebSocket server that accepts Janus's subprotocol and never answers: not Janus.
        const server = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: (protocols) => [...protocols][0] ?? false });
        await new Promise((resolve) => server.once('listening', resolve));
        silentServers.push(server);
        return { port: server.address().port };
      }
      if (command === 'slow-janus') {
        // A proxy to Janus's WebSocket port that connects through only after `delay` ms.
        const relayed = [];
        const server = net.createServer((client) => {
          const buffered = [];
          client.on('data', (chunk) => buffered.push(chunk));
          client.on('error', () => {});
          setTimeout(() => {
            const upstream = net.connect(8188, '127.0.0.1', () => {
              for (const chunk of buffered) upstream.write(chunk);
              client.removeAllListeners('data');
              client.pipe(upstream);
              upstream.once('data', () => relayed.push(true));
              upstream.pipe(client);
            });
            upstream.on('error', () => client.destroy());
            client.on('close', () => upstream.destroy());
          }, payload.delay);
        });
        await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
        silentServers.push(server);
        server.relayed = relayed;
        return { port: server.address().port };
      }
      if (command === 'slow-janus-relayed') {
        // Whether Janus's answer to the handshake has been passed back to the browser.
        return silentServers.find((s) => s.address()?.port === payload.port).relayed.length > 0;
      }
      if (command === 'media-permission') {
        // Grants camera and microphone to the test page, or takes the grant back: headless Chromium
        // then answers the permission prompt with no, as a user would (the "media-permissions" group).
        const page = session.browser.getPage(session.id);
        const context = page.browserContext();
        await context.clearPermissionOverrides();
        if (payload.setting === 'granted') await context.overridePermissions(new URL(page.url()).origin, ['camera', 'microphone']);
        return true;
      }
      if (command === 'shape-link') {
        // Degrades the link of one UDP source port inside the private namespace (only there: JANUS_URL
        // is set by scripts/with-janus), where Chromium and Janus talk over loopback: an htb class of
        // `rate` with a five-packet queue, so what does not fit is lost and what fits waits. (netem
        // is not in every kernel; htb, pfifo and u32 are.)
        const { port, rate } = payload ?? {};
        if (!janusUrl || !Number.isInteger(port) || port < 1 || port > 65535 || !/^\d{1,6}kbit$/.test(rate)) throw new Error('shape-link needs { port, rate: "<n>kbit" }');
        const tc = (...args) => execFileSync('tc', args, { stdio: 'pipe' });
        tc('qdisc', 'replace', 'dev', 'lo', 'root', 'handle', '1:', 'htb', 'default', '10');
        tc('class', 'replace', 'dev', 'lo', 'parent', '1:', 'classid', '1:10', 'htb', 'rate', '10gbit');
        tc('class', 'replace', 'dev', 'lo', 'parent', '1:', 'classid', '1:20', 'htb', 'rate', rate, 'ceil', rate);
        tc('qdisc', 'replace', 'dev', 'lo', 'parent', '1:20', 'handle', '20:', 'pfifo', 'limit', '5');
        tc('filter', 'replace', 'dev', 'lo', 'parent', '1:', 'protocol', 'ip', 'prio', '1', 'u32', 'match', 'ip', 'protocol', '17', '0xff', 'match', 'ip', 'sport', String(port), '0xffff', 'flowid', '1:20');
        shaped = true;
        return true;
      }
      if (command === 'unshape-link') {
        if (shaped) execFileSync('tc', ['qdisc', 'del', 'dev', 'lo', 'root'], { stdio: 'pipe' });
        shaped = false;
        return true;
      }
      if (command === 'fault-janus') {
        // A Janus of the fault tests' own (test/support/fault-janus.mjs), only inside the namespace.
        if (!janusUrl) throw new Error('fault-janus runs only inside scripts/with-janus');
        // (A command that returns undefined counts as unknown: every action answers something.)
        const { action } = payload ?? {};
        if (action === 'start') return startFaultJanus(new URL('./janus', import.meta.url).pathname);
        if (action === 'kill') await killFaultJanus();
        else if (action === 'freeze' || action === 'thaw') freezeFaultJanus(action === 'freeze');
        else if (action === 'cut-sockets') cutFaultJanusSockets();
        else if (action === 'link-down' || action === 'link-up') setFaultLink(action === 'link-down');
        else if (action === 'stop') await stopFaultJanus();
        else throw new Error(`fault-janus: unknown action ${String(action)}`);
        return true;
      }
      if (command === 'hostile-janus') {
        // A proxy to the shared Janus that can forge frames (test/support/hostile-janus.mjs).
        const proxy = await startHostileJanus(janusUrl);
        silentServers.push(proxy.server);
        hostile.set(proxy.port, proxy);
        return { port: proxy.port };
      }
      if (command === 'hostile-janus-inject') {
        return hostile.get(payload.port).inject(payload.frames);
      }
      if (command === 'room-token') {
        // Minted as a deployment would: the package's own CLI, on the config the harness runs.
        const args = ['dist/server/cli.js', 'token', '--room', payload.room, '--identity', payload.identity];
        if (payload.permissions) args.push('--permissions', payload.permissions.join(','));
        if (payload.ttl !== undefined) args.push('--ttl', String(payload.ttl));
        if (payload.audience) args.push('--audience');
        const output = execFileSync('node', args, { encoding: 'utf8' }).trim().split('\n');
        return { token: output.at(-1) };
      }
      if (command === 'cut-room-service') {
        // Breaks every connection to the room service (its event streams), as a flaky network
        // would: again and again for `ms` (every 50 ms), so streams stay down meanwhile.
        const cut = () => execFileSync('ss', ['-K', 'dst', '127.0.0.1', 'dport', '=', new URL(serviceUrl).port], { stdio: 'pipe' });
        const until = Date.now() + (payload?.ms ?? 0);
        cut();
        while (Date.now() < until) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          cut();
        }
        return true;
      }
      if (command === 'janus-token') {
        // A token Janus checks, signed as the room service signs them (for tests that bypass it).
        const config = JSON.parse(readFileSync(process.env.ROOM_SERVICE_CONFIG, 'utf8'));
        const data = [String(payload.expires), payload.realm, ...payload.descriptors].join(',');
        return { token: `${data}:${createHmac('sha1', config.janus.tokenAuthSecret).update(data).digest('base64')}` };
      }
      if (command === 'probe-media') {
        // What ffprobe reads in a file the room service serves (a recording's download URL).
        const response = await fetch(new URL(payload.url, serviceUrl));
        if (!response.ok) return { status: response.status };
        const dir = mkdtempSync(join(tmpdir(), 'jre-probe-'));
        try {
          const file = join(dir, 'media');
          writeFileSync(file, Buffer.from(await response.arrayBuffer()));
          const probe = JSON.parse(
            execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration:stream=codec_type,codec_name,width,height', '-of', 'json', file], { encoding: 'utf8' }),
          );
          return { status: response.status, type: response.headers.get('content-type'), duration: Number(probe.format.duration), streams: probe.streams };
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
      if (command === 'janus-sessions') {
        const response = await fetch(adminUrl, {
          method: 'POST',
          body: JSON.stringify({ janus: 'list_sessions', transaction: `t${Date.now()}`, admin_secret: adminSecret }),
        });
        return (await response.json()).sessions ?? [];
      }
      return undefined;
    },
    async serverStop() {
      await stopFaultJanus();
      for (const server of silentServers) server.close();
      if (shaped) execFileSync('tc', ['qdisc', 'del', 'dev', 'lo', 'root'], { stdio: 'pipe' });
    },
  };
}

/** Debian's headless Chromium with fake cameras and microphones; `prompt`: see scripts/chromium.mjs. */
function chromium({ prompt = 'accept' } = {}) {
  return chromeLauncher({ launchOptions: { executablePath: chromiumPath, headless: true, args: chromiumArgs({ prompt }) } });
}

/** Prints a plain "N passed, N failed" line last, so CI logs show how many tests ran. */
function countingReporter() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const count = (results) => {
    for (const test of results?.tests ?? []) {
      if (test.skipped) skipped++;
      else if (test.passed) passed++;
      else failed++;
    }
    for (const suite of results?.suites ?? []) count(suite);
  };
  return {
    onTestRunFinished({ sessions }) {
      for (const session of sessions) count(session.testResults);
    },
    async stop() {
      console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
    },
  };
}

export default {
  rootDir: '.',
  files: secure
    ? ['test/secure/**/*.test.ts']
    : ['test/unit/**/*.test.ts', ...(janusUrl ? ['test/e2e/**/*.test.ts', '!test/e2e/media-permissions.test.ts', '!test/e2e/screen-picker.test.ts'] : [])],
  nodeResolve: true,
  concurrency: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 30_000 } },
  browsers: [chromium()],
  groups: secure ? [] : [
    {
      // No fake prompt: the tests grant camera and microphone, or let the prompt say no.
      name: 'media-permissions',
      files: janusUrl ? ['test/e2e/media-permissions.test.ts'] : [],
      browsers: [chromium({ prompt: 'none' })],
    },
    {
      // Every prompt says no, the screen picker too: as a user who cancels it.
      name: 'screen-picker',
      files: janusUrl ? ['test/e2e/screen-picker.test.ts'] : [],
      browsers: [chromium({ prompt: 'deny' })],
    },
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html>
  <body>
    <script>window.__JANUS_URL__ = ${JSON.stringify(janusUrl)}; window.__ROOM_SERVICE_URL__ = ${JSON.stringify(serviceUrl)}; window.__JANUS_URLS__ = ${JSON.stringify((process.env.JANUS_URLS ?? janusUrl).split(' ').filter(Boolean))};</script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' }), sdpAsModule(), harnessCommands()],
  reporters: [defaultReporter(), summaryReporter(), countingReporter()],
};

// scripts/with-janus and `npm run demo` as a user runs them: a signal to npm stops everything they
// started, and nothing inherited from the environment steers the root-run parts.
// Run by `npm test` outside the namespace (node --test).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import net from 'node:net';
import { test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const withJanus = `${root}scripts/with-janus`;
const isRoot = process.getuid?.() === 0;

/** Every live (non-zombie) descendant of `pid`, from /proc. */
function descendants(pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z') continue;
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(entry);
    } catch {
      // The process ended while we looked.
    }
  }
  const found = [];
  const queue = [String(pid)];
  while (queue.length) for (const child of children.get(queue.shift()) ?? []) found.push(child), queue.push(child);
  return found;
}

const alive = (pid) => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
};

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

for (const signal of ['SIGTERM', 'SIGINT']) {
  test(`${signal} to \`npm run demo\` stops Janus, Vite and the port forwarder`, { timeout: 60_000 }, async () => {
    if (!isRoot) {
      // Without root there is no --expose (and so no demo): it must say so instead of half-starting.
      const result = spawnSync(withJanus, ['--expose', '5173', 'true'], { encoding: 'utf8' });
      assert.notEqual(result.status, 0);
      assert.match(result.stderr, /--expose needs root/);
      return;
    }
    const port = await freePort();
    const npm = spawn('npm', ['run', 'demo'], { cwd: root, env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    npm.stdout.on('data', (chunk) => (output += chunk));
    npm.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise((resolve) => npm.on('exit', (code, sig) => resolve({ code, sig })));
    let started = [];
    try {
      const deadline = Date.now() + 45_000;
      for (;;) {
        const served = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok, () => false);
        if (served) break;
        assert.ok(Date.now() < deadline, `the demo never answered on port ${port}:\n${output}`);
        await delay(200);
      }
      started = descendants(npm.pid);
      const commands = started.map((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' '));
      for (const what of ['janus -F', 'vite.js', 'forward-port.mjs', 'with-janus --inside']) {
        assert.ok(commands.some((c) => c.includes(what)), `${what} should be running: ${commands.join('\n')}`);
      }

      npm.kill(signal);
      await exited;
      const until = Date.now() + 10_000;
      while (started.some(alive) && Date.now() < until) await delay(100);
      const left = started.filter(alive).map((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' '));
      assert.deepEqual(left, [], `still running after ${signal}`);
      const links = spawnSync('ip', ['-br', 'link'], { encoding: 'utf8' }).stdout;
      assert.doesNotMatch(links, /^jreh?\d+/m, 'the demo link stays behind');
    } finally {
      // Whatever failed above, leave nothing running.
      for (const pid of [...started, npm.pid].filter(alive)) process.kill(Number(pid), 'SIGKILL');
    }
  });
}

test('ignores inherited JRE_* variables: the command still runs in a private namespace', () => {
  const marker = `/tmp/jre-injected-${process.pid}`;
  rmSync(marker, { force: true });
  const result = spawnSync(withJanus, ['sh', '-c', 'readlink /proc/self/ns/net'], {
    encoding: 'utf8',
    env: {
      ...process.env,
      JRE_IN_NAMESPACE: '1',
      JRE_HOST_NETNS_PID: '1',
      JRE_EXPOSE_PORT: '1',
      JRE_LINK_NET: `a[$(touch ${marker})]`,
    },
  });
  assert.equal(result.status, 0, result.stderr);
  assert.notEqual(result.stdout.trim(), readlinkSync('/proc/self/ns/net'));
  assert.equal(existsSync(marker), false, 'an inherited variable was evaluated');
});

test('refuses internal arguments from outside, and bad ports, before touching any interface', () => {
  const direct = spawnSync(withJanus, ['--inside', '1', '-', '-', 'dev', '1', '--', 'true'], { encoding: 'utf8' });
  assert.notEqual(direct.status, 0);
  assert.match(direct.stderr, /must be started by with-janus itself/);
  // Naming its real parent passes the parent check, but not the namespace check.
  const shell = spawnSync(withJanus, ['--inside', String(process.pid), '-', '-', 'dev', '1', '--', 'true'], { encoding: 'utf8' });
  assert.notEqual(shell.status, 0);
  assert.match(shell.stderr, /not in a private network namespace; refusing/);
  for (const port of ['0', '70000', '1[$(id)]', '']) {
    const result = spawnSync(withJanus, ['--expose', port, 'true'], { encoding: 'utf8' });
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /--expose needs a port number/);
  }
  for (const [instances, config, message] of [['5', 'secure', /JANUS_INSTANCES must be 1 to 4/], ['two', 'secure', /JANUS_INSTANCES must be 1 to 4/], ['2', 'dev', /JANUS_INSTANCES needs JANUS_CONFIG=secure/]]) {
    const result = spawnSync(withJanus, ['true'], { encoding: 'utf8', env: { ...process.env, JANUS_INSTANCES: instances, JANUS_CONFIG: config } });
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, message);
  }
});

test("exits with the command's exit code", () => {
  assert.equal(spawnSync(withJanus, ['sh', '-c', 'exit 7']).status, 7);
});

test('JANUS_CONFIG=secure: Janus wants tokens, the room service runs, and the CLI mints one it admits', { timeout: 60_000 }, () => {
  const probe = `
    const token = require('node:child_process').execFileSync('node', ['dist/server/cli.js', 'token', '--room', 'probe', '--identity', 'Probe']).toString().trim().split('\\n').at(-1);
    (async () => {
      const janus = await (await fetch(process.env.JANUS_HTTP_URL, { method: 'POST', body: JSON.stringify({ janus: 'create', transaction: 't' }) })).json();
      const controller = new AbortController();
      const events = await fetch(process.env.ROOM_SERVICE_URL + '/v1/rooms/probe/events', { headers: { Authorization: 'Bearer ' + token }, signal: controller.signal });
      const reader = events.body.getReader();
      const first = new TextDecoder().decode((await reader.read()).value);
      controller.abort();
      console.log(JSON.stringify({ config: process.env.JANUS_CONFIG, janus: janus.error?.code, status: events.status, first: first.split('\\n')[0] }));
    })();`;
  const result = spawnSync(withJanus, ['node', '-e', probe], { cwd: root, encoding: 'utf8', env: { ...process.env, JANUS_CONFIG: 'secure' } });
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(JSON.parse(result.stdout.trim().split('\n').at(-1)), { config: 'secure', janus: 403, status: 200, first: 'event: admitted' });
});

test('refuses an unknown JANUS_CONFIG', () => {
  const result = spawnSync(withJanus, ['true'], { encoding: 'utf8', env: { ...process.env, JANUS_CONFIG: 'open' } });
  assert.notEqual(result.status, 0);
  assert.match(result.stderr, /JANUS_CONFIG must be dev or secure/);
});

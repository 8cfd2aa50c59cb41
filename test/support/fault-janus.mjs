// A second Janus for fault tests, so that killing, freezing or cutting off Janus never touches
// the one every other test uses. It runs inside the same private network namespace (started by
// web-test-runner, which scripts/with-janus runs there), on the project's config with its own
// ports: WebSocket 8189, HTTP 8089, Admin 7089, and media ports 40960-40991 (outside the shared
// Janus's 20000-40000), so its media path can be cut by port without touching anyone else's.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PORTS = { ws: 8189, http: 8089, admin: 7089 };
// 32 ports starting at a multiple of 32: one u32 match (port & 0xffe0) covers them all.
const RTP_FIRST = 40960;
const RTP_RANGE = `${RTP_FIRST}-${RTP_FIRST + 31}`;

export const FAULT_JANUS_URL = `ws://127.0.0.1:${PORTS.ws}`;
/** Its Admin API (the same admin_secret as the shared Janus: the project's config). */
export const FAULT_JANUS_ADMIN_URL = `http://127.0.0.1:${PORTS.admin}/admin`;

let janus;
let configDir;
let linkDown = false;

function makeConfig(sourceDir) {
  const dir = mkdtempSync(join(tmpdir(), 'jre-fault-janus-'));
  for (const file of readdirSync(sourceDir)) {
    if (!file.endsWith('.jcfg')) continue;
    copyFileSync(join(sourceDir, file), join(dir, file));
  }
  const edit = (file, from, to) => writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replace(from, to));
  edit('janus.transport.websockets.jcfg', /ws_port = \d+/, `ws_port = ${PORTS.ws}`);
  edit('janus.transport.http.jcfg', /\bport = \d+/, `port = ${PORTS.http}`);
  edit('janus.transport.http.jcfg', /admin_port = \d+/, `admin_port = ${PORTS.admin}`);
  edit('janus.jcfg', /rtp_port_range = "[^"]*"/, `rtp_port_range = "${RTP_RANGE}"`);
  return dir;
}

async function waitReady(deadline = Date.now() + 15_000) {
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${PORTS.http}/janus`, {
        method: 'POST',
        body: JSON.stringify({ janus: 'info', transaction: 'ready' }),
      });
      const info = await response.json();
      if (info.plugins?.['janus.plugin.videoroom']) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error('the fault-test Janus did not become ready');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function exited(child) {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Starts the fault-test Janus (if it is not running) and resolves once it answers. */
export async function startFaultJanus(sourceDir) {
  if (janus && !exited(janus)) return FAULT_JANUS_URL;
  configDir ??= makeConfig(sourceDir);
  janus = spawn('janus', ['-F', configDir, '-C', join(configDir, 'janus.jcfg'), '-o', '-N', '-L', join(configDir, 'janus.log')], {
    stdio: 'ignore',
  });
  await waitReady();
  return FAULT_JANUS_URL;
}

/** Kills it as a crash would (SIGKILL), and resolves once it is gone. */
export async function killFaultJanus() {
  if (!janus || exited(janus)) return;
  const child = janus;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await gone;
}

/** Freezes it (SIGSTOP: connections stay open, nothing answers) or thaws it (SIGCONT). */
export function freezeFaultJanus(frozen) {
  if (janus && !exited(janus)) janus.kill(frozen ? 'SIGSTOP' : 'SIGCONT');
}

/** Cuts every WebSocket connection to it (Janus keeps running; sessions wait to be reclaimed). */
export function cutFaultJanusSockets() {
  execFileSync('ss', ['-K', 'dst', '127.0.0.1', 'dport', '=', String(PORTS.ws)], { stdio: 'pipe' });
}

/**
 * Drops (or passes again) every UDP packet to or from its media ports: its media path is cut,
 * its signaling is not. An htb class leading to a zero-length queue drops what it is given
 * (netem and gact are not in every kernel; htb, pfifo and u32 are).
 */
export function setFaultLink(down) {
  const tc = (...args) => execFileSync('tc', args, { stdio: 'pipe' });
  if (down && !linkDown) {
    tc('qdisc', 'replace', 'dev', 'lo', 'root', 'handle', '1:', 'htb', 'default', '10');
    tc('class', 'replace', 'dev', 'lo', 'parent', '1:', 'classid', '1:10', 'htb', 'rate', '10gbit');
    tc('class', 'replace', 'dev', 'lo', 'parent', '1:', 'classid', '1:30', 'htb', 'rate', '8bit', 'ceil', '8bit');
    tc('qdisc', 'replace', 'dev', 'lo', 'parent', '1:30', 'handle', '30:', 'pfifo', 'limit', '0');
    for (const [prio, field] of [['2', 'dport'], ['3', 'sport']]) {
      tc('filter', 'replace', 'dev', 'lo', 'parent', '1:', 'protocol', 'ip', 'prio', prio, 'u32', 'match', 'ip', 'protocol', '17', '0xff', 'match', 'ip', field, String(RTP_FIRST), '0xffe0', 'flowid', '1:30');
    }
  } else if (!down && linkDown) {
    tc('qdisc', 'del', 'dev', 'lo', 'root');
  }
  linkDown = down;
}

/** Everything back as it was: the link restored, the fault Janus stopped, its config removed. */
export async function stopFaultJanus() {
  if (linkDown) setFaultLink(false);
  if (janus && !exited(janus)) {
    janus.kill('SIGCONT');
    await killFaultJanus();
  }
  if (configDir) rmSync(configDir, { recursive: true, force: true });
  configDir = undefined;
}

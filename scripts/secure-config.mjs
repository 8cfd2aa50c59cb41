#!/usr/bin/env node
// Usage: node scripts/secure-config.mjs DIR [INSTANCES]
//
// Writes the secure configuration scripts/with-janus runs when JANUS_CONFIG=secure: DIR/janus/
// (the project's Janus config from janus/, with core token authentication on, the VideoRoom and
// TextRoom admin_key set and no static rooms) and DIR/room-service.json for the room service.
// Every secret is fresh random bytes, so nothing secret is ever committed. With INSTANCES (1-4)
// above 1, DIR/janus-2/, ... configure more Janus instances on the next ports (WebSocket 8189,
// HTTP 8089, admin 7089, ...), sharing the secrets; the room service gets them all as `servers`
// and cascades the rooms named large-*.
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const dir = process.argv[2];
const instances = Number(process.argv[3] ?? 1);
if (!dir || !Number.isInteger(instances) || instances < 1 || instances > 4) {
  console.error('usage: node scripts/secure-config.mjs DIR [INSTANCES (1-4)]');
  process.exit(2);
}
const source = new URL('../janus/', import.meta.url);
const target = join(dir, 'janus');
const secret = () => randomBytes(32).toString('base64url');
const secrets = { tokenAuthSecret: secret(), adminKey: secret(), jwtSecret: secret(), roomSecretKey: secret(), adminSecret: secret() };

await mkdir(target, { recursive: true });
for (const file of await readdir(source)) {
  if (file.endsWith('.jcfg')) await copyFile(new URL(file, source), join(target, file));
}
// The first `key = value` of the `general` section is followed by the secure settings.
const withGeneral = (text, lines) => text.replace(/^general: \{\n/m, `general: {\n${lines.map((l) => `\t${l}\n`).join('')}`);
// Static rooms would be open to anyone: only the room service creates rooms here.
const withoutRooms = (text) => {
  const first = text.search(/^room-[\w-]+: \{/m);
  return first < 0 ? text : text.slice(0, first);
};

const core = await readFile(join(target, 'janus.jcfg'), 'utf8');
await writeFile(
  join(target, 'janus.jcfg'),
  withGeneral(core.replace(/^\s*admin_secret = .*\n/m, ''), [
    'token_auth = true',
    `token_auth_secret = "${secrets.tokenAuthSecret}"`,
    `admin_secret = "${secrets.adminSecret}"`,
  ]).replace('janus-room-elements-dev', 'janus-room-elements-secure'),
);
for (const plugin of ['videoroom', 'textroom']) {
  const file = join(target, `janus.plugin.${plugin}.jcfg`);
  await writeFile(file, withGeneral(withoutRooms(await readFile(file, 'utf8')), [`admin_key = "${secrets.adminKey}"`]));
}

// More instances: the same config on the next ports.
for (let k = 2; k <= instances; k++) {
  const copy = join(dir, `janus-${k}`);
  await mkdir(copy, { recursive: true });
  for (const file of await readdir(target)) {
    const text = await readFile(join(target, file), 'utf8');
    const moved = text
      .replace(/^(\s*ws_port = )8188$/m, `$1${8187 + k}`)
      .replace(/^(\s*port = )8088$/m, `$1${8087 + k}`)
      .replace(/^(\s*admin_port = )7088$/m, `$1${7087 + k}`);
    await writeFile(join(copy, file), moved);
  }
}

// Fixed, as scripts/with-janus's (it reads nothing else from the environment).
const servicePort = 7090;
const janusUrl = 'ws://127.0.0.1:8188';
const janusUrls = Array.from({ length: instances }, (_, i) => `ws://127.0.0.1:${8188 + i}`);
await writeFile(
  join(dir, 'room-service.json'),
  `${JSON.stringify(
    {
      listen: { host: '127.0.0.1', port: servicePort },
      publicUrl: `http://127.0.0.1:${servicePort}`,
      jwtSecret: secrets.jwtSecret,
      janus: {
        ...(instances === 1 ? { url: janusUrl, publicUrl: janusUrl } : { servers: janusUrls.map((url) => ({ url, publicUrl: url })) }),
        tokenAuthSecret: secrets.tokenAuthSecret,
        adminKey: secrets.adminKey,
        roomSecretKey: secrets.roomSecretKey,
        // Empty rooms go soon here, so the tests can watch it happen.
        rooms: { idleSeconds: 5, ...(instances > 1 ? { large: ['large-*'] } : {}) },
      },
      // Janus (in the same namespace, on the same disk) writes here and the service composes here.
      recordings: { dir: join(dir, 'recordings') },
      corsOrigins: '*',
      devTokens: true,
    },
    null,
    2,
  )}\n`,
  { mode: 0o600 },
);
// For the project's own trusted tooling (test harness commands), exported as JANUS_ADMIN_SECRET.
await writeFile(join(dir, 'admin-secret'), secrets.adminSecret, { mode: 0o600 });

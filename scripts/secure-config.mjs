#!/usr/bin/env node
// Usage: node scripts/secure-config.mjs DIR
//
// Writes the secure configuration scripts/with-janus runs when JANUS_CONFIG=secure: DIR/janus/
// (the project's Janus config from janus/, with core token authentication on, the VideoRoom and
// TextRoom admin_key set and no static rooms) and DIR/room-service.json for the room service.
// Every secret is fresh random bytes, so nothing secret is ever committed.
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/secure-config.mjs DIR');
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

// Fixed, as scripts/with-janus's (it reads nothing else from the environment).
const servicePort = 7090;
const janusUrl = 'ws://127.0.0.1:8188';
await writeFile(
  join(dir, 'room-service.json'),
  `${JSON.stringify(
    {
      listen: { host: '127.0.0.1', port: servicePort },
      publicUrl: `http://127.0.0.1:${servicePort}`,
      jwtSecret: secrets.jwtSecret,
      janus: {
        url: janusUrl,
        publicUrl: janusUrl,
        tokenAuthSecret: secrets.tokenAuthSecret,
        adminKey: secrets.adminKey,
        roomSecretKey: secrets.roomSecretKey,
        // Empty rooms go soon here, so the tests can watch it happen.
        rooms: { idleSeconds: 5 },
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

#!/usr/bin/env node
/**
 * npx janus-room-elements token --room R --identity I [--permissions p1,p2] [--ttl S] [--audience] [--config FILE]
 * npx janus-room-elements serve [--config FILE]
 *
 * The config is the room service's JSON file (--config, or $ROOM_SERVICE_CONFIG: scripts/with-janus
 * exports it in its secure mode). `token` prints one token, alone on the last line.
 */
import { parseArgs } from 'node:util';
import { createRoomToken, loadConfig, PERMISSIONS, startRoomService } from './index.js';

const USAGE = `usage:
  janus-room-elements token --room ROOM --identity NAME [--permissions p1,p2] [--ttl SECONDS] [--audience] [--config FILE]
  janus-room-elements serve [--config FILE]
permissions: ${PERMISSIONS.join(', ')}, or the presets member and moderator`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      config: { type: 'string' },
      room: { type: 'string' },
      identity: { type: 'string' },
      permissions: { type: 'string' },
      ttl: { type: 'string' },
      audience: { type: 'boolean' },
    },
  });
  if (command === 'token') {
    if (!values.room || !values.identity) throw new TypeError('token needs --room and --identity');
    const config = await loadConfig(values.config);
    const token = await createRoomToken(
      {
        room: values.room,
        identity: values.identity,
        ...(values.permissions !== undefined ? { permissions: values.permissions.split(',').map((p) => p.trim()).filter(Boolean) } : {}),
        ...(values.ttl !== undefined ? { ttl: Number(values.ttl) } : {}),
        interactivityMode: values.audience ? 'audience' : 'member',
      },
      config,
    );
    process.stdout.write(`${token}\n`);
    return 0;
  }
  if (command === 'serve') {
    const running = await startRoomService(await loadConfig(values.config));
    console.error(`room service: listening on ${running.url}`);
    const stop = () => void running.close().then(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    return new Promise(() => {});
  }
  console.error(USAGE);
  return command === undefined || command === '--help' ? 0 : 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`janus-room-elements: ${(error as Error)?.message ?? error}`);
    process.exit(1);
  },
);

/** The room service's configuration: a JSON file (see README "Room service"). */
import { readFile } from 'node:fs/promises';
import type { JanusSettings } from './janus-rooms.js';
import type { RecordingSettings } from './recordings.js';

export interface RoomServiceConfig {
  listen: { host: string; port: number };
  /** The service's URL as browsers reach it (put in tokens): absolute, or a path on the page's origin. */
  publicUrl: string;
  /** Signs and checks room tokens (HS256): at least 32 characters. */
  jwtSecret: string;
  /** Janus: one server (`url`, `publicUrl`) or several (`servers`), the secrets they share, room settings. */
  janus: JanusSettings;
  /** Where recordings go; without it, `startRecording` is refused (NotSupportedError). */
  recordings?: RecordingSettings;
  corsOrigins?: string[] | '*';
  devTokens?: boolean;
}

function need(value: unknown, what: string, check: (v: unknown) => boolean = (v) => typeof v === 'string' && v !== ''): void {
  if (!check(value)) throw new TypeError(`room service config: ${what} is missing or invalid`);
}

export function checkConfig(value: unknown): RoomServiceConfig {
  const config = value as RoomServiceConfig;
  need(config, 'the config', (v) => !!v && typeof v === 'object');
  need(config.listen?.port, 'listen.port', (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < 65536);
  need(config.publicUrl, 'publicUrl');
  need(config.jwtSecret, 'jwtSecret (32 characters or more)', (v) => typeof v === 'string' && v.length >= 32);
  if (config.janus?.servers !== undefined) {
    need(config.janus.servers, 'janus.servers (a non-empty list)', (v) => Array.isArray(v) && v.length > 0);
    config.janus.servers.forEach((server, i) => {
      need(server?.url, `janus.servers[${i}].url`);
      need(server?.publicUrl, `janus.servers[${i}].publicUrl`);
    });
  } else {
    need(config.janus?.url, 'janus.url');
    need(config.janus?.publicUrl, 'janus.publicUrl');
  }
  need(config.janus?.tokenAuthSecret, 'janus.tokenAuthSecret');
  need(config.janus?.adminKey, 'janus.adminKey');
  need(config.janus?.roomSecretKey, 'janus.roomSecretKey');
  if (config.recordings !== undefined) need(config.recordings?.dir, 'recordings.dir');
  return { ...config, listen: { host: config.listen.host ?? '127.0.0.1', port: config.listen.port } };
}

export async function loadConfig(file: string | undefined): Promise<RoomServiceConfig> {
  const path = file ?? process.env['ROOM_SERVICE_CONFIG'];
  if (!path) throw new TypeError('no room service config: pass --config FILE or set ROOM_SERVICE_CONFIG');
  return checkConfig(JSON.parse(await readFile(path, 'utf8')));
}

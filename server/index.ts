/**
 * `janus-room-elements/server`: the trusted side. Mint room tokens, and run the room service
 * that admits token holders to Janus and performs moderation for them.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkConfig, loadConfig, type RoomServiceConfig } from './config.js';
import { createRoomServiceServer } from './http.js';
import { serversOf } from './janus-rooms.js';
import { RoomService } from './room-service.js';
import { createRoomToken as mint, verifyRoomToken, type RoomTokenOptions } from './tokens.js';

export { PERMISSIONS, MEMBER_PERMISSIONS, MODERATOR_PERMISSIONS, type Permission, type InteractivityMode } from './permissions.js';
export { ServiceError } from './service-error.js';
export { checkConfig, loadConfig, verifyRoomToken, RoomService, type RoomServiceConfig, type RoomTokenOptions };

// Tokens name the first server; the service tells each member the server its room is on.
const signing = (config: RoomServiceConfig) => ({ jwtSecret: config.jwtSecret, janusUrl: serversOf(config.janus)[0]!.publicUrl, serviceUrl: config.publicUrl });

/** Mints a room token for `config`'s service and Janus (`ttl` in seconds, default one hour). */
export function createRoomToken(options: RoomTokenOptions, config: RoomServiceConfig): Promise<string> {
  return mint(options, signing(config));
}

export interface RunningRoomService {
  url: string;
  service: RoomService;
  server: Server;
  close(): Promise<void>;
}

/** Connects to Janus and serves the HTTP API; resolves once both are up. */
export async function startRoomService(config: RoomServiceConfig): Promise<RunningRoomService> {
  const service = new RoomService(config.janus, config.recordings);
  await service.start();
  const server = createRoomServiceServer(service, { ...signing(config), corsOrigins: config.corsOrigins ?? '*', devTokens: config.devTokens === true });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.listen.port, config.listen.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.listen.host}:${port}`,
    service,
    server,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await service.stop();
    },
  };
}

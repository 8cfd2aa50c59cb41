/**
 * The room service's HTTP routes for room state (see room-service.ts). The caller is named by
 * `member_id` in a POST body or `?member=` on a GET, and proven by its bearer token:
 *
 *   GET|POST /v1/rooms/:room/meta                         room metadata (POST: { op, meta | keys })
 *   GET|POST /v1/rooms/:room/members/:id/meta             a member's metadata
 *   POST     /v1/rooms/:room/members/:id/raisehand        { raised? }
 *   POST     /v1/rooms/:room/prioritize_handraise         { enabled? }
 *   GET|POST /v1/rooms/:room/recordings                   list (with signed download paths) | start
 *   POST     /v1/rooms/:room/recordings/:id/:action       stop, pause, resume
 *   GET      /v1/rooms/:room/recordings/:id/file?expires=&signature=   the MP4 (a signed URL: no token)
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { recordingView } from './recordings.js';
import type { RoomService } from './room-service.js';
import { ServiceError } from './service-error.js';
import type { RoomGrant } from './tokens.js';

/** How long a download URL from `getRecordings` works. */
const DOWNLOAD_SECONDS = 3600;

export interface StateRequest {
  req: IncomingMessage;
  res: ServerResponse;
  room: string;
  /** The path after `/v1/rooms/:room/`. */
  rest: string[];
  url: URL;
  grant: () => Promise<RoomGrant>;
  body: () => Promise<Record<string, unknown>>;
  send: (status: number, body: unknown) => void;
}

function signature(secret: string, room: string, id: string, expires: number): string {
  return createHmac('sha256', secret).update(`recording\n${room}\n${id}\n${expires}`).digest('base64url');
}

/** A signed download path, under the service's URL as the client reaches it (the client resolves it). */
function downloadPath(secret: string, room: string, id: string): string {
  const expires = Math.floor(Date.now() / 1000) + DOWNLOAD_SECONDS;
  return `/v1/rooms/${encodeURIComponent(room)}/recordings/${encodeURIComponent(id)}/file?expires=${expires}&signature=${signature(secret, room, id, expires)}`;
}

async function serveFile(service: RoomService, secret: string, r: StateRequest, id: string): Promise<void> {
  const expires = Number(r.url.searchParams.get('expires'));
  const given = Buffer.from(r.url.searchParams.get('signature') ?? '');
  const wanted = Buffer.from(signature(secret, r.room, id, expires));
  if (!Number.isInteger(expires) || given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
    throw new ServiceError(403, 20107, 'AccessTokenSignatureInvalidError', 'This download URL is not signed by the room service');
  }
  if (expires < Date.now() / 1000) throw new ServiceError(403, 20104, 'AccessTokenExpiredError', 'This download URL expired: call getRecordings() for a fresh one');
  const file = service.recordings.file(r.room, id);
  const { size } = await stat(file);
  r.res.writeHead(200, {
    'Content-Type': 'video/mp4',
    'Content-Length': size,
    'Content-Disposition': `attachment; filename="recording-${id}.mp4"`,
    'Cache-Control': 'private, max-age=3600',
  });
  await new Promise<void>((resolve, reject) => {
    createReadStream(file).on('error', reject).pipe(r.res).on('finish', resolve).on('error', reject);
  });
}

/** Handles the request if it is one of the routes above; resolves false otherwise. */
export async function routeState(service: RoomService, signing: { jwtSecret: string }, r: StateRequest): Promise<boolean> {
  const { rest, room, req } = r;
  const get = req.method === 'GET';
  const caller = async () => (get ? (r.url.searchParams.get('member') ?? '') : String((await r.body())['member_id'] ?? ''));
  if (rest.length === 1 && rest[0] === 'meta') {
    const grant = await r.grant();
    r.send(200, get ? service.getMeta(grant, room, await caller()) : service.changeMeta(grant, room, await caller(), undefined, await r.body()));
    return true;
  }
  if (rest.length === 3 && rest[0] === 'members' && rest[2] === 'meta') {
    const grant = await r.grant();
    r.send(200, get ? service.getMeta(grant, room, await caller(), rest[1]) : service.changeMeta(grant, room, await caller(), rest[1], await r.body()));
    return true;
  }
  if (!get && rest.length === 3 && rest[0] === 'members' && rest[2] === 'raisehand') {
    r.send(200, service.setRaisedHand(await r.grant(), room, await caller(), rest[1]!, await r.body()));
    return true;
  }
  if (!get && rest.length === 1 && rest[0] === 'prioritize_handraise') {
    r.send(200, service.setPrioritizeHandraise(await r.grant(), room, await caller(), await r.body()));
    return true;
  }
  if (rest[0] !== 'recordings') return false;
  if (get && rest.length === 3 && rest[2] === 'file') {
    await serveFile(service, signing.jwtSecret, r, rest[1]!);
    return true;
  }
  if (rest.length === 1) {
    const grant = await r.grant();
    if (!get) {
      r.send(200, await service.startRecording(grant, room, await caller()));
      return true;
    }
    const recordings = service.listRecordings(grant, room, await caller()).map((recording) => ({
      ...recordingView(recording),
      ...(recording.state === 'completed' ? { download_path: downloadPath(signing.jwtSecret, room, recording.id) } : {}),
    }));
    r.send(200, { recordings });
    return true;
  }
  if (!get && rest.length === 3 && ['stop', 'pause', 'resume'].includes(rest[2]!)) {
    r.send(200, await service.recordingAction(await r.grant(), room, await caller(), rest[1]!, rest[2]!));
    return true;
  }
  return false;
}

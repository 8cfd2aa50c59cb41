/**
 * The room service's HTTP API. Every call carries the caller's room token
 * (`Authorization: Bearer <token>`); refusals are JSON `{ error: { code, name, message } }` with
 * Twilio's codes. Room events reach members as a server-sent event stream.
 *
 *   GET  /v1/rooms/:room/events[?member=:id]        the member's event stream (joins the room)
 *   POST /v1/rooms/:room/members/:id/token          a fresh token for member :id
 *   POST /v1/rooms/:room/members/:id/:action        audio_mute, remove, promote, ... (see service.ts)
 *   POST /v1/rooms/:room/:action                    lock, unlock, remove_all, hangup_all
 *   .../meta, .../raisehand, .../recordings...      room state: see http-state.ts
 *   POST /v1/dev/token                              mints a token (only with `devTokens`, for local demos)
 *   GET  /healthz
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { RoomService } from './room-service.js';
import { MEMBER_ACTIONS, ROOM_ACTIONS, type Channel, type MemberAction, type RoomAction } from './service-model.js';
import { routeState } from './http-state.js';
import { ServiceError } from './service-error.js';
import { createRoomToken, verifyRoomToken, type RoomTokenOptions, type TokenSigning } from './tokens.js';

const MAX_BODY = 16 * 1024;
const KEEPALIVE_MS = 15_000;

export interface HttpOptions extends TokenSigning {
  /** Origins allowed to call the API from a browser (default: any; tokens, not cookies, authorise). */
  corsOrigins?: string[] | '*';
  /** Serve POST /v1/dev/token: anyone can mint tokens. Only for local demos and tests. */
  devTokens?: boolean;
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > MAX_BODY) {
        reject(new ServiceError(413, 53004, 'RequestTooLargeError', `The request body is larger than ${MAX_BODY} bytes`));
        req.destroy();
      }
    });
    req.on('end', () => {
      try {
        const value: unknown = body ? JSON.parse(body) : {};
        if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
        resolve(value as Record<string, unknown>);
      } catch {
        reject(new ServiceError(400, 53004, 'BadRequestError', 'The request body must be a JSON object'));
      }
    });
    req.on('error', reject);
  });
}

function bearer(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

export function createRoomServiceServer(service: RoomService, options: HttpOptions): Server {
  const cors = (req: IncomingMessage, res: ServerResponse) => {
    const origin = req.headers.origin;
    const allowed = options.corsOrigins ?? '*';
    if (origin && (allowed === '*' || allowed.includes(origin))) {
      res.setHeader('Access-Control-Allow-Origin', allowed === '*' ? '*' : origin);
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.setHeader('Access-Control-Max-Age', '600');
      if (allowed !== '*') res.setHeader('Vary', 'Origin');
    }
  };
  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(body));
  };

  const events = async (req: IncomingMessage, res: ServerResponse, room: string, url: URL) => {
    const grant = await verifyRoomToken(bearer(req), options.jwtSecret);
    let open = true;
    const channel: Channel = {
      send(event, data) {
        if (open) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      },
      close() {
        if (open) res.end();
        open = false;
      },
    };
    // Headers go out only once admitted: a refusal is a plain JSON error with its status.
    const pending: Array<[string, unknown]> = [];
    const buffered: Channel = { send: (event, data) => pending.push([event, data]), close: () => channel.close() };
    // Listened to before admitting: a client that goes while being admitted is gone all the same.
    let memberId: string | undefined;
    let keepalive: ReturnType<typeof setInterval> | undefined;
    res.on('close', () => {
      open = false;
      clearInterval(keepalive);
      if (memberId !== undefined) service.disconnected(room, memberId, buffered);
    });
    memberId = (await service.admit(grant, room, buffered, url.searchParams.get('member') ?? undefined)).id;
    if (!open) return service.disconnected(room, memberId, buffered);
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    for (const [event, data] of pending) channel.send(event, data);
    Object.assign(buffered, { send: channel.send });
    keepalive = setInterval(() => open && res.write(': keepalive\n\n'), KEEPALIVE_MS);
  };

  const route = async (req: IncomingMessage, res: ServerResponse) => {
    cors(req, res);
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const url = new URL(req.url ?? '/', 'http://service.invalid');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (req.method === 'GET' && url.pathname === '/healthz') return send(res, 200, { ok: true });
    if (req.method === 'POST' && url.pathname === '/v1/dev/token' && options.devTokens) {
      const body = await readJson(req);
      // A local demo serves Janus and the service on its own origin: it may name those URLs.
      const urls = {
        ...(typeof body['janusUrl'] === 'string' ? { janusUrl: body['janusUrl'] } : {}),
        ...(typeof body['serviceUrl'] === 'string' ? { serviceUrl: body['serviceUrl'] } : {}),
      };
      try {
        return send(res, 200, { token: await createRoomToken(body as unknown as RoomTokenOptions, { ...options, ...urls }) });
      } catch (error) {
        throw new ServiceError(400, 20101, 'AccessTokenInvalidError', `Cannot mint this token: ${(error as Error).message}`);
      }
    }
    if (parts[0] !== 'v1' || parts[1] !== 'rooms' || !parts[2]) throw new ServiceError(404, 53000, 'NotFoundError', `No such endpoint: ${req.method} ${url.pathname}`);
    const room = parts[2];
    if (req.method === 'GET' && parts[3] === 'events' && parts.length === 4) return events(req, res, room, url);
    let body: Promise<Record<string, unknown>> | undefined;
    const state = {
      req,
      res,
      room,
      rest: parts.slice(3),
      url,
      grant: () => verifyRoomToken(bearer(req), options.jwtSecret),
      body: () => (body ??= readJson(req)),
      send: (status: number, value: unknown) => send(res, status, value),
    };
    if (await routeState(service, options, state)) return;
    if (req.method !== 'POST') throw new ServiceError(405, 53000, 'MethodNotAllowedError', `${req.method} is not allowed on ${url.pathname}`);
    const grant = await state.grant();
    const fields = await state.body();
    const caller = typeof fields['member_id'] === 'string' ? fields['member_id'] : '';
    if (parts[3] === 'members' && parts[4] && parts[5] === 'token' && parts.length === 6) {
      return send(res, 200, await service.refresh(grant, room, parts[4]));
    }
    if (parts[3] === 'members' && parts[4] && parts.length === 6 && MEMBER_ACTIONS.includes(parts[5] as MemberAction)) {
      await service.memberAction(grant, room, caller, parts[4], parts[5] as MemberAction);
      return send(res, 200, {});
    }
    if (parts.length === 4 && ROOM_ACTIONS.includes(parts[3] as RoomAction)) {
      await service.roomAction(grant, room, caller, parts[3] as RoomAction);
      return send(res, 200, {});
    }
    throw new ServiceError(404, 53000, 'NotFoundError', `No such endpoint: ${req.method} ${url.pathname}`);
  };

  return createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      const refusal = error instanceof ServiceError ? error : new ServiceError(502, 53000, 'SignalingConnectionError', `The room service could not do this on Janus: ${(error as Error)?.message ?? error}`);
      if (res.headersSent) return void res.end();
      send(res, refusal.status, { error: refusal.toJSON() });
    });
  });
}

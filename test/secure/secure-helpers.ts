// Helpers for the tests of the trusted side: tokens minted by the package's CLI on the config
// `JANUS_CONFIG=secure scripts/with-janus` runs, and rooms joined with them.
import { fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { TrackEventDetail, VideoRoom } from '../../dist/src/index.js';
import { MODERATOR_PERMISSIONS } from '../../dist/server/permissions.js';
import { nextEvent } from '../support/helpers.js';

declare global {
  interface Window {
    __ROOM_SERVICE_URL__: string;
  }
}

export const serviceUrl = (): string => window.__ROOM_SERVICE_URL__;

// What the room service calls a moderator (the server's own list: its module has no Node imports).
export const MODERATOR = [...MODERATOR_PERMISSIONS];

export interface TokenRequest {
  room: string;
  identity: string;
  permissions?: string[];
  ttl?: number;
  audience?: boolean;
}

/** A room token from `npx janus-room-elements token ...` (its last line). */
export async function roomToken(request: TokenRequest): Promise<string> {
  const { token } = (await executeServerCommand('room-token', request)) as { token: string };
  return token;
}

/** A token Janus checks itself (realm and descriptors as the room service signs them). */
export async function janusToken(expires: number, realm: string, descriptors: string[]): Promise<string> {
  const { token } = (await executeServerCommand('janus-token', { expires, realm, descriptors })) as { token: string };
  return token;
}

/** A `<video-room>` with only a token (server, room and identity come from it); not joined yet. */
export async function tokenRoom(request: TokenRequest, attributes: Record<string, string> = {}): Promise<VideoRoom> {
  const token = await roomToken(request);
  const element = await fixture<VideoRoom>(html`<video-room token=${token}></video-room>`);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  await element.updateComplete;
  return element;
}

/** Resolves with the remote track of `memberId`'s `kind` once it started on `viewer`. */
export function remoteTrack(viewer: VideoRoom, memberId: () => string | null, kind: 'audio' | 'video'): Promise<MediaStreamTrack> {
  return nextEvent<TrackEventDetail>(viewer, 'trackStarted', (d) => d.track.kind === kind && d.participant.sid === memberId()).then(
    (event) => event.detail.track.mediaStreamTrack,
  );
}

/**
 * What the room service hands a token's holder when admitting it (its first event), read the
 * way a client that bypasses the library would; the stream is then closed.
 */
export async function admission(token: string, room: string): Promise<{ member_id: string; janus: { token: string; join: string; url?: string } }> {
  const controller = new AbortController();
  const response = await fetch(`${serviceUrl()}/v1/rooms/${encodeURIComponent(room)}/events`, {
    headers: { Authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  if (!response.ok) throw new Error(`admission refused: ${await response.text()}`);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  while (!text.includes('\n\n')) {
    const { done, value } = await reader.read();
    if (done) throw new Error(`the admission stream ended early: ${text}`);
    text += value;
  }
  controller.abort();
  const data = /^data: (.*)$/m.exec(text)![1]!;
  return JSON.parse(data);
}

/** The service's refusal of a request with `token`: `{ status, code, name }`. */
export async function serviceRefusal(path: string, token: string | undefined, init: RequestInit = {}): Promise<{ status: number; code: number; name: string }> {
  const response = await fetch(`${serviceUrl()}${path}`, { ...init, headers: token === undefined ? {} : { Authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { error: { code: number; name: string } };
  return { status: response.status, code: body.error.code, name: body.error.name };
}

/**
 * Cascading one room over several Janus servers with VideoRoom's remote publishers (Janus 1.1.2
 * has them, nothing drives them): every publisher local to one server is advertised on each other
 * server of the room (`add_remote_publisher`, same id and display, same streams) and its RTP is
 * relayed there (`publish_remotely`); when its streams change the remote copy follows
 * (`update_remote_publisher`, relay restarted), and when it leaves the copies go
 * (`remove_remote_publisher`: members there get `unpublished` and `leaving`).
 *
 * `plan` is pure: the views of the room on each server and the links in place in, the steps out.
 */
import type { RawEvent, RoomView } from './room-view.js';

export interface CascadeLink {
  id: string;
  from: number;
  to: number;
  /** The streams as advertised, to see when they change. */
  signature: string;
  port: number;
  rtcpPort: number;
}

export type CascadeStep =
  | { kind: 'add'; id: string; display: string; from: number; to: number; streams: RawEvent[]; signature: string }
  | { kind: 'update'; link: CascadeLink; streams: RawEvent[]; signature: string }
  | { kind: 'remove'; link: CascadeLink };

const STREAM_FIELDS = ['type', 'mindex', 'mid', 'codec', 'description', 'disabled', 'simulcast', 'svc', 'stereo', 'fec', 'dtx'] as const;

/** A publisher's streams (from a `publishers` event) as `add_remote_publisher` takes them. */
export function remoteStreams(publisher: RawEvent): RawEvent[] {
  const streams = Array.isArray(publisher['streams']) ? (publisher['streams'] as RawEvent[]) : [];
  return streams
    .filter((s) => ['audio', 'video', 'data'].includes(s['type'] as string) && typeof s['mid'] === 'string' && typeof s['mindex'] === 'number')
    .map((s) => Object.fromEntries(STREAM_FIELDS.filter((f) => s[f] !== undefined).map((f) => [f, s[f]])));
}

/**
 * The steps that make the links match the views: `views` by server index; `remote` holds, per
 * server, the ids that are copies there (never relayed onwards: Janus only relays local publishers).
 */
export function plan(views: ReadonlyMap<number, RoomView>, remote: ReadonlyMap<number, ReadonlySet<string>>, links: ReadonlyMap<string, CascadeLink>, ownId: string): CascadeStep[] {
  const steps: CascadeStep[] = [];
  const wanted = new Set<string>();
  for (const [from, view] of views) {
    for (const [id, publisher] of view.publishers) {
      if (id === ownId || remote.get(from)?.has(id)) continue;
      const streams = remoteStreams(publisher);
      if (streams.length === 0) continue;
      const signature = JSON.stringify(streams);
      for (const to of views.keys()) {
        if (to === from) continue;
        const key = linkKey(id, from, to);
        wanted.add(key);
        const link = links.get(key);
        if (!link) steps.push({ kind: 'add', id, display: String(publisher['display'] ?? ''), from, to, streams, signature });
        else if (link.signature !== signature) steps.push({ kind: 'update', link, streams, signature });
      }
    }
  }
  for (const [key, link] of links) if (!wanted.has(key)) steps.push({ kind: 'remove', link });
  return steps;
}

export const linkKey = (id: string, from: number, to: number): string => `${id}\n${from}\n${to}`;

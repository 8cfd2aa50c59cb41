/**
 * The Janus servers of a deployment, as one: each room is placed on one server (the least loaded,
 * sticky for the room's life; a room that already exists on a server stays there, so a restarted
 * service finds it), and members are sent to it. A large room (`rooms.large`) is created on every
 * server, each member joins the least loaded of them, and cascade.ts relays every publisher to
 * the others. Requests that need the room secret go to the servers that hold the room (or the
 * member): the secrets stay in janus-rooms.ts.
 */
import { EventEmitter } from 'node:events';
import { linkKey, plan, type CascadeLink, type CascadeStep } from './cascade.js';
import { JanusRooms, MONITOR_ID, serversOf, type JanusServer, type JanusSettings } from './janus-rooms.js';
import { EMPTY_VIEW, reduceView, type RawEvent, type RoomView } from './room-view.js';
import { sharedPromise } from './shared-promise.js';

interface Placement {
  servers: number[];
  /** Member id → its server. */
  members: Map<string, number>;
  /** Cascading state (large rooms): each server's view, the copies on it, the links, and the work queue. */
  views: Map<number, RoomView>;
  remote: Map<number, Set<string>>;
  links: Map<string, CascadeLink>;
  syncing: Promise<void>;
}

/** `*` in a pattern matches any text. */
const matches = (pattern: string, name: string) => new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(name);

/** A member's id, or its extra source's (`<member>.<type>.<suffix>`): whose it is. */
const ownerOf = (id: string) => id.split('.')[0]!;

export class JanusCluster extends EventEmitter<{ event: [room: string, event: RawEvent, server: number] }> {
  readonly servers: readonly JanusServer[];
  private readonly janus: JanusRooms[];
  private readonly large: readonly string[];
  private readonly rooms = new Map<string, Placement>();
  private readonly placing = new Map<string, Promise<Placement>>();

  constructor(settings: JanusSettings) {
    super();
    this.servers = serversOf(settings);
    this.large = settings.rooms?.large ?? [];
    this.janus = this.servers.map((server, index) => {
      const janus = new JanusRooms(settings, server.url);
      janus.on('event', (room, event) => this.onEvent(room, event, index));
      return janus;
    });
  }

  async connect(): Promise<void> {
    await Promise.all(this.janus.map((janus) => janus.connect()));
  }

  async close(): Promise<void> {
    await Promise.all(this.janus.map((janus) => janus.close()));
  }

  isLarge(room: string): boolean {
    return this.servers.length > 1 && this.large.some((pattern) => matches(pattern, room));
  }

  /** The Janus tokens for a member (the servers share the token secret: they hold anywhere). */
  credentials(room: string, memberId: string, expires: number): { token: string; join: string } {
    return this.janus[0]!.credentials(room, memberId, expires);
  }

  /** Members placed on each server, over every room. */
  private load(): number[] {
    const load = this.servers.map(() => 0);
    for (const placement of this.rooms.values()) for (const server of placement.members.values()) load[server]! += 1;
    return load;
  }

  private leastLoaded(candidates: number[], load: number[], rooms?: number[]): number {
    return candidates.reduce((best, i) => (load[i]! < load[best]! || (load[i] === load[best] && rooms !== undefined && rooms[i]! < rooms[best]!) ? i : best));
  }

  /** Creates the room where it belongs (placing it the first time) and monitors it there. */
  async ensureRoom(room: string): Promise<void> {
    const placement = await sharedPromise(this.placing, room, () => this.place(room));
    await Promise.all(placement.servers.map((i) => this.janus[i]!.ensureRoom(room)));
  }

  private async place(room: string): Promise<Placement> {
    const known = this.rooms.get(room);
    if (known) return known;
    const all = this.servers.map((_, i) => i);
    let servers = all;
    if (!this.isLarge(room)) {
      const existing = await Promise.all(this.janus.map((janus) => janus.exists(room).catch(() => false)));
      const found = existing.indexOf(true);
      const rooms = all.map((i) => [...this.rooms.values()].filter((p) => p.servers.includes(i)).length);
      servers = [found >= 0 ? found : this.leastLoaded(all, this.load(), rooms)];
    }
    const placement: Placement = { servers, members: new Map(), views: new Map(servers.map((i) => [i, EMPTY_VIEW])), remote: new Map(), links: new Map(), syncing: Promise.resolve() };
    this.rooms.set(room, placement);
    return placement;
  }

  /**
   * Sends a member to a server of its room (kept while it is known); resolves with that server's
   * public URL, or undefined with a single server (the token's URL, which a page may have set, holds).
   */
  placeMember(room: string, memberId: string): string | undefined {
    const placement = this.rooms.get(room);
    if (!placement) return undefined;
    let server = placement.members.get(memberId);
    if (server === undefined) {
      const here = placement.servers.map(() => 0);
      for (const s of placement.members.values()) here[placement.servers.indexOf(s)]! += 1;
      server = placement.servers[this.leastLoaded(placement.servers.map((_, i) => i), here)]!;
      placement.members.set(memberId, server);
    }
    return this.servers.length === 1 ? undefined : this.servers[server]!.publicUrl;
  }

  /** The index of the server a member was sent to. */
  serverOf(room: string, memberId: string): number | undefined {
    return this.rooms.get(room)?.members.get(memberId);
  }

  releaseMember(room: string, memberId: string): void {
    this.rooms.get(room)?.members.delete(memberId);
  }

  /** The servers holding `id` (a member's, or its source's): its own, or all of the room's if unknown. */
  private serversFor(room: string, id?: string): JanusRooms[] {
    const placement = this.rooms.get(room);
    if (!placement) return [this.janus[0]!];
    const own = id === undefined ? undefined : placement.members.get(ownerOf(id));
    return (own === undefined ? placement.servers : [own]).map((i) => this.janus[i]!);
  }

  async allow(room: string, tokens: string[], action: 'add' | 'remove'): Promise<void> {
    await Promise.all(this.serversFor(room).map((janus) => janus.allow(room, tokens, action)));
  }

  async allowChat(room: string, tokens: string[], action: 'add' | 'remove'): Promise<void> {
    await Promise.all(this.serversFor(room).map((janus) => janus.allowChat(room, tokens, action)));
  }

  async kickChat(room: string, memberId: string): Promise<void> {
    await Promise.all(this.serversFor(room).map((janus) => janus.kickChat(room, memberId).catch(() => {})));
  }

  async moderate(room: string, id: string, mid: string, mute: boolean): Promise<void> {
    await Promise.all(this.serversFor(room, id).map((janus) => janus.moderate(room, id, mid, mute)));
  }

  async kick(room: string, id: string): Promise<void> {
    await Promise.all(this.serversFor(room, id).map((janus) => janus.kick(room, id)));
  }

  /** Records the room on every server holding it (each records its own publishers). */
  async record(room: string, dir: string | false): Promise<void> {
    await Promise.all(this.serversFor(room).map((janus) => janus.record(room, dir)));
  }

  async retire(room: string): Promise<void> {
    const targets = this.serversFor(room);
    this.rooms.delete(room);
    this.placing.delete(room);
    await Promise.all(targets.map((janus) => janus.retire(room)));
  }

  private onEvent(room: string, event: RawEvent, server: number): void {
    const placement = this.rooms.get(room);
    if (event['videoroom'] === 'destroyed' && placement) {
      this.rooms.delete(room);
      this.placing.delete(room);
    } else if (placement && placement.servers.length > 1) {
      placement.views.set(server, reduceView(placement.views.get(server) ?? EMPTY_VIEW, event, MONITOR_ID));
      placement.syncing = placement.syncing.then(() => this.sync(room, placement)).catch(() => {});
    }
    this.emit('event', room, event, server);
  }

  /** Makes the room's links match what each server's monitor sees (one step at a time, in order). */
  private async sync(room: string, placement: Placement): Promise<void> {
    if (this.rooms.get(room) !== placement) return;
    // A copy is forgotten once it is gone from its server (until then it must not be relayed back).
    for (const [server, ids] of placement.remote) {
      for (const id of ids) {
        const linked = [...placement.links.values()].some((l) => l.id === id && l.to === server);
        if (!linked && !placement.views.get(server)?.publishers.has(id)) ids.delete(id);
      }
    }
    for (const step of plan(placement.views, placement.remote, placement.links, MONITOR_ID)) {
      await this.apply(room, placement, step).catch(() => {});
    }
  }

  private remoteOn(placement: Placement, server: number): Set<string> {
    let set = placement.remote.get(server);
    if (!set) placement.remote.set(server, (set = new Set()));
    return set;
  }

  private async apply(room: string, placement: Placement, step: CascadeStep): Promise<void> {
    const relay = (link: CascadeLink) =>
      this.janus[link.from]!.cascade('publish_remotely', room, {
        publisher_id: link.id,
        remote_id: `cascade-${link.to}`,
        host: this.servers[link.to]!.rtpHost ?? new URL(this.servers[link.to]!.url).hostname,
        port: link.port,
        rtcp_port: link.rtcpPort,
      });
    const stopRelay = (link: CascadeLink) => this.janus[link.from]!.cascade('unpublish_remotely', room, { publisher_id: link.id, remote_id: `cascade-${link.to}` });
    if (step.kind === 'add') {
      // Marked first: the copy's own announcement must not be relayed back.
      this.remoteOn(placement, step.to).add(step.id);
      const answer = await this.janus[step.to]!.cascade('add_remote_publisher', room, { id: step.id, display: step.display, streams: step.streams });
      const link: CascadeLink = { id: step.id, from: step.from, to: step.to, signature: step.signature, port: Number(answer['port']), rtcpPort: Number(answer['rtcp_port']) };
      placement.links.set(linkKey(step.id, step.from, step.to), link);
      await relay(link);
    } else if (step.kind === 'update') {
      await this.janus[step.link.to]!.cascade('update_remote_publisher', room, { id: step.link.id, streams: step.streams });
      // Janus relays the streams a publisher had when the relay started: start it again.
      await stopRelay(step.link).catch(() => {});
      step.link.signature = step.signature;
      await relay(step.link);
    } else {
      placement.links.delete(linkKey(step.link.id, step.link.from, step.link.to));
      await stopRelay(step.link).catch(() => {});
      await this.janus[step.link.to]!.cascade('remove_remote_publisher', room, { id: step.link.id }).catch(() => {});
    }
  }
}

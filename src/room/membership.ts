/**
 * One join's life on Janus: the session and the publisher handle (joining.ts), who is in the room
 * (roster.ts, fed by Janus's room events), what we receive (downlink.ts), whether every
 * PeerConnection is up, and bringing all of it back after trouble (the reconnection loop itself
 * is reconnection.ts). Created by `RoomSession` for each join, closed when it ends.
 */
import { MediaConnectionError } from '../errors/errors.js';
import { JanusFailure, type JanusSession } from '../janus/janus-client.js';
import type { VideoRoomPublisher } from '../janus/videoroom/publisher.js';
import { Condition } from '../util/condition.js';
import { nextMediaUp, type Attempt } from './connection.js';
import { joinSignaling, type Signaling, type SignalingHooks } from './joining.js';
import type { ResolvedOptions } from './options.js';
import { Liveness } from './liveness.js';
import { EMPTY_ROSTER, carriedOver, resynced, withMember, withoutMember, withoutReconnecting, type Roster } from './roster.js';
import { RoomEvents } from './room-events.js';
import { LinkMonitor, type Dimensions, type NetworkQuality } from './link-monitor.js';
import { RoomOwnership } from './room-ownership.js';
import { flowingTracks, type RemoteTracks } from './subscriptions.js';
import { Downlink, type DownlinkHooks } from './downlink.js';
import type { LeaveReason, TrackKind } from './types.js';
import type { VideoDemand } from './video-demand.js';

export interface MembershipHooks {
  changed(): void;
  /** A failure that does not end the session. */
  report(error: Error): void;
  /** Something ended the session (kicked, room destroyed, another client with our identity). */
  fail(reason: LeaveReason, error?: Error): void;
  /** The connection to Janus broke, or Janus stopped answering: `recover()` may bring it back. */
  lost(error: Error): void;
  /** A PeerConnection broke after joining (or Janus hung it up): `recover()` may bring it back. */
  mediaTrouble(error: Error): void;
  /** Janus refused a stream we asked for. */
  subscriptionFailed(memberId: string, mid: string, error: Error): void;
  /** How a member's video should be relayed now (video-demand.ts). */
  videoDemand(memberId: string): VideoDemand;
  /** A moderator stopped (or let through again) one of this client's streams at Janus. */
  moderated(mid: string, muted: boolean): void;
  /** A member's data message (Twilio data tracks). */
  data(memberId: string, data: string | ArrayBuffer): void;
  /** Janus receives what this client publishes on `mid` again, or has received nothing there for a while. */
  published(mid: string, receiving: boolean): void;
}

const NO_TRACKS: RemoteTracks = new Map();

/** How long a broken PeerConnection gets to come back by itself before ICE is restarted. */
const SELF_HEAL_MS = 2000;

export class Membership {
  readonly options: ResolvedOptions;
  readonly memberId: string;
  /** The room's friendly name (its Janus description), once joined. */
  roomName = '';
  private sessionValue: JanusSession | undefined;
  private publisherValue: VideoRoomPublisher | undefined;
  private downlink: Downlink | undefined;
  private readonly pcStates = new Map<'publisher' | 'subscriber', RTCPeerConnectionState>();
  /** Whether `media.connected` holds (only tracked once joined: see `joined()`). */
  private up = false;
  private isJoined = false;
  private closed = false;
  /** What this join receives. */
  private receive: ReadonlySet<TrackKind> = new Set();
  private deafValue = false;
  private readonly ownership: RoomOwnership;
  /** Janus stopped answering on a connection that still looks open. */
  private stalled = false;
  /** Session, publisher and subscriptions are all in place (false while a rejoin is under way). */
  private whole = false;
  private readonly liveness: Liveness;
  private expiry: ReturnType<typeof setTimeout> | undefined;
  /** Every PeerConnection is up: publisher and subscriber. */
  private readonly mediaUp = new Condition(() => this.whole && this.publisherValue?.up !== false && this.downlink?.up !== false);
  private readonly hooks: MembershipHooks;
  private readonly events: RoomEvents;
  private readonly monitor: LinkMonitor;
  /** Stops following the room service's relay (an audience member's room events). */
  private stopRelay = () => {};

  constructor(options: ResolvedOptions, memberId: string, hooks: MembershipHooks) {
    this.options = options;
    this.memberId = memberId;
    this.hooks = hooks;
    this.ownership = new RoomOwnership(options.room, memberId);
    this.events = new RoomEvents({ room: options.room, identity: options.identity, memberId }, this.ownership, {
      changed: () => {
        this.downlink?.sync();
        hooks.changed();
      },
      fail: (reason, error) => hooks.fail(reason, error),
      moderated: (mid, muted) => hooks.moderated(mid, muted),
    }, () => hooks.changed());
    this.monitor = new LinkMonitor(
      {
        localId: memberId,
        publisher: () => this.publisherValue?.peerConnection ?? null,
        subscriber: () => this.downlink?.peerConnection ?? null,
        flowing: () => flowingTracks(this.remote, this.events.roster),
      },
      () => hooks.changed(),
    );
    this.liveness = new Liveness(
      {
        ask: (timeout) => {
          const session = this.sessionValue;
          if (this.closed || !this.whole || !session || session.lost || this.stalled) return undefined;
          // An answer that outlives its session (replaced meanwhile) says nothing about the new one.
          return this.publisherValue?.exists(options.room, timeout).catch((error: unknown) => {
            if (this.sessionValue === session) throw error;
          });
        },
        stalled: (error) => {
          if (this.closed || this.stalled) return;
          this.stalled = true;
          hooks.lost(error);
        },
      },
      options.timeout,
    );
  }

  get roster(): Roster {
    return this.events.roster;
  }

  get session(): JanusSession | undefined {
    return this.sessionValue;
  }

  /** The PeerConnections of this join: the publisher's and the subscriber's (while they exist). */
  get peerConnections(): RTCPeerConnection[] {
    return [this.publisherValue?.peerConnection, this.downlink?.peerConnection].filter((pc): pc is RTCPeerConnection => !!pc);
  }

  get publisher(): VideoRoomPublisher | undefined {
    return this.publisherValue;
  }

  get remote(): RemoteTracks {
    return this.downlink?.tracks ?? NO_TRACKS;
  }

  get mediaConnected(): boolean {
    return this.up;
  }

  /** Each member's network quality (this client's too), once sampled. */
  get networkQuality(): ReadonlyMap<string, NetworkQuality> {
    return this.monitor.quality;
  }

  /** The size each received video arrives at, by track id. */
  get dimensions(): ReadonlyMap<string, Dimensions> {
    return this.monitor.dimensions;
  }

  /** The participant id of the dominant speaker among the others (Twilio), or null. */
  get dominantSpeaker(): string | null {
    return this.events.dominantSpeaker;
  }

  /** The video demand changed (a view, a position, the policy): Janus is told what differs. */
  applyVideoDemand(): void {
    this.downlink?.applyDemand();
  }

  /** Silences (or not) everything received. */
  set deaf(deaf: boolean) {
    this.deafValue = deaf;
    if (this.downlink) this.downlink.deaf = deaf;
  }

  /** Remote members whose media stopped arriving (by participant id), as last sampled. */
  get stalledMembers(): ReadonlySet<string> {
    return this.monitor.stalled;
  }

  /**
   * Connects, joins the room (creating it if allowed) and starts receiving those already there.
   * `onSession` hears as soon as the session exists (what fails after it is a join failure).
   */
  async open(attempt: Attempt, receive: ReadonlySet<TrackKind>, deaf: boolean, onSession: () => void): Promise<VideoRoomPublisher> {
    this.receive = receive;
    this.deafValue = deaf;
    const joined = await joinSignaling(attempt, this.options, this.memberId, this.signalingHooks(onSession));
    this.adopt(joined, withMember(EMPTY_ROSTER, this.memberId, this.options.identity, true));
    return joined.publisher;
  }

  private signalingHooks(onSession = () => {}): SignalingHooks {
    return {
      session: (created) => {
        this.sessionValue = created;
        onSession();
      },
      roomEvent: (event) => this.events.handle(event),
      publisherState: (state) => this.setPcState('publisher', state),
      lost: (error) => {
        if (!this.closed) this.hooks.lost(error);
      },
    };
  }

  /** Takes a joined session: who is there, and receiving from those who publish. */
  private adopt({ session, publisher, joined, createdSecret, relay }: Signaling, base: Roster): void {
    this.publisherValue = publisher;
    if (createdSecret) this.ownership.created(createdSecret);
    publisher.events.on('slowLink', ({ uplink }) => this.monitor.slowLink(uplink));
    publisher.events.on('media', ({ mid, receiving }) => this.hooks.published(mid, receiving));
    publisher.events.on('up', () => this.mediaUp.notify());
    publisher.events.on('hangup', ({ reason }) => {
      if (this.isJoined && !this.closed) this.hooks.mediaTrouble(new MediaConnectionError(`${MediaConnectionError.defaultMessage}: Janus hung up what this client publishes (${reason})`));
    });
    this.roomName = joined.description || this.options.room;
    // An audience member is nobody's member, its own view's included; a member is in its own.
    const self = this.options.access?.mode === 'audience' ? withoutMember(base, this.memberId, true) : withMember(base, this.memberId, this.options.identity, true);
    this.events.reset(joined.attendees.reduce((r, a) => withMember(r, a.id, a.display), self));
    this.downlink = new Downlink(this.options, session, { privateId: joined.privateId, receive: this.receive, deaf: this.deafValue }, this.downlinkHooks());
    this.whole = true;
    // Subscribing to those already publishing runs in parallel with publishing.
    this.events.apply({ type: 'publishers', publishers: joined.publishers });
    if (relay) {
      for (const event of relay.backlog) this.events.handle(event);
      this.stopRelay = relay.follow((event) => this.events.handle(event));
    }
  }

  /**
   * The next recovery joins afresh with the same member id (see `rejoin`): this client's role
   * changed (promoted or demoted by a moderator), or its view of the room must be taken anew.
   */
  joinAfresh(): void {
    this.whole = false;
  }

  /** The join finished: from now on `media.connected` follows the PeerConnections, and Janus is checked on. */
  joined(): void {
    this.isJoined = true;
    this.events.joined = true;
    this.up = nextMediaUp(false, [...this.pcStates.values()]);
    this.monitor.start();
    this.liveness.start();
  }

  // ------------------------------------------------------------------ recovering

  /**
   * One try at making this join whole again after trouble: claims the session back (or joins
   * afresh with the same member id when Janus lost it), then brings the PeerConnections back (on
   * their own, or by an ICE restart, or anew). `republish`: what this client published is gone
   * (a new publisher, or one Janus hung up), so the caller publishes again; `rejoined`: a new
   * session, on which this client's extra sources no longer are.
   */
  async recover(attempt: Attempt): Promise<{ republish: boolean; rejoined: boolean }> {
    const session = this.sessionValue;
    if (!this.whole || !session) {
      await this.rejoin(attempt);
      return { republish: true, rejoined: true };
    }
    if (session.lost || this.stalled) {
      if (await this.recoverSignaling(attempt, session)) return { republish: true, rejoined: true };
    }
    if (await attempt.step(this.mediaUp.within(SELF_HEAL_MS))) return { republish: false, rejoined: false };
    return { republish: await this.restartMedia(attempt), rejoined: false };
  }

  /** Resolves with whether every PeerConnection is up within `ms` (publisher and subscriber). */
  whenUp(ms: number): Promise<boolean> {
    return this.mediaUp.within(ms);
  }

  /** Whether the session is the one Janus had (claimed back), or a new one (`true`: rejoined). */
  private async recoverSignaling(attempt: Attempt, session: JanusSession): Promise<boolean> {
    try {
      await attempt.step(session.reclaim(this.options.timeout));
      this.stalled = false;
      // Events sent while the connection was down are lost: catch up, or start afresh.
      if (await attempt.step(this.resync())) return false;
    } catch (error) {
      if (!(error instanceof JanusFailure && error.janusCode === 458)) throw error;
    }
    await this.rejoin(attempt);
    return true;
  }

  /**
   * Catches up on who came and went while the connection was down (Janus does not replay
   * events). Returns false when that is not enough: someone started or stopped publishing, whose
   * streams only a new join would describe.
   */
  private async resync(): Promise<boolean> {
    const roster = resynced(this.events.roster, await this.publisherValue!.participants(this.options.room), this.memberId);
    if (!roster) return false;
    this.events.set(roster);
    return true;
  }

  /**
   * Joins the room again with the same member id on a new session (Janus restarted, or the
   * session expired). The others are kept as `reconnecting` until Janus shows them again, or
   * given up after the reconnection window.
   */
  private async rejoin(attempt: Attempt): Promise<void> {
    this.whole = false;
    this.stopRelay();
    const old = this.sessionValue;
    this.downlink?.close();
    this.downlink = undefined;
    this.publisherValue?.forget();
    this.publisherValue = undefined;
    this.sessionValue = undefined;
    this.pcStates.clear();
    this.stalled = false;
    this.monitor.reset();
    await old?.destroy({ unload: true });
    this.events.reset(carriedOver(this.events.roster, this.memberId));
    this.hooks.changed();
    const joined = await joinSignaling(attempt, this.options, this.memberId, this.signalingHooks());
    this.adopt(joined, this.events.roster);
    clearTimeout(this.expiry);
    this.expiry = setTimeout(() => {
      this.events.set(withoutReconnecting(this.events.roster));
    }, this.options.reconnectWindow);
  }

  /** Restarts what is down; returns whether Janus hung up what we publish (publish again). */
  private async restartMedia(attempt: Attempt): Promise<boolean> {
    const publisher = this.publisherValue!;
    const downlink = this.downlink;
    this.monitor.reset();
    const work: Promise<void>[] = [];
    let republish = false;
    if (!publisher.up) {
      if (publisher.restartable) work.push(publisher.restartIce());
      else republish = true;
    }
    if (downlink && !downlink.up) {
      this.pcStates.delete('subscriber');
      work.push(downlink.restart());
    }
    await attempt.step(Promise.all(work));
    return republish;
  }

  /** One of this client's extra sources joined the room (or left it). */
  addLocal(id: string): void {
    this.events.reset(withMember(this.events.roster, id, this.options.identity, true));
  }

  removeLocal(id: string): void {
    this.events.reset(withoutMember(this.events.roster, id, true));
  }

  /**
   * Ends the join: stops listening, and destroys the session (every handle and PeerConnection).
   * `unload` (the connection is gone, or the page): tell Janus if possible, but wait for nothing.
   */
  async close(options: { unload?: boolean } = {}): Promise<void> {
    this.closed = true;
    this.stopRelay();
    this.liveness.stop();
    clearTimeout(this.expiry);
    this.mediaUp.notify();
    this.events.stop();
    this.monitor.stop();
    this.downlink?.close();
    this.downlink = undefined;
    this.up = false;
    if (!options.unload && this.whole && this.publisherValue) await this.ownership.leaving(this.publisherValue);
    // Destroying the session closes every PeerConnection and tells Janus (and so the others).
    await this.sessionValue?.destroy({ unload: options.unload === true });
    this.publisherValue?.forget();
  }

  private downlinkHooks(): DownlinkHooks {
    const { hooks } = this;
    return {
      roster: () => this.events.roster,
      changed: () => hooks.changed(),
      report: (error) => hooks.report(error),
      subscriptionFailed: (memberId, mid, error) => hooks.subscriptionFailed(memberId, mid, error),
      videoDemand: (memberId) => hooks.videoDemand(memberId),
      connectionState: (state) => this.setPcState('subscriber', state),
      slowLink: () => this.monitor.slowLink(false),
      data: (memberId, data) => hooks.data(memberId, data),
      broken: (error) => {
        if (this.isJoined) hooks.mediaTrouble(error);
      },
    };
  }

  private setPcState(which: 'publisher' | 'subscriber', state: RTCPeerConnectionState): void {
    if (this.closed) return;
    this.pcStates.set(which, state);
    if (this.isJoined) {
      this.up = nextMediaUp(this.up, [...this.pcStates.values()]);
      if (state === 'failed' || state === 'disconnected') {
        this.hooks.mediaTrouble(new MediaConnectionError(`${MediaConnectionError.defaultMessage}: the ${which === 'publisher' ? 'sending' : 'receiving'} PeerConnection is ${state}`));
      }
    }
    this.mediaUp.notify();
    this.hooks.changed();
  }
}

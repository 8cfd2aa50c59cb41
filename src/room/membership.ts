/**
 * One join's life on Janus: the session and the publisher handle (joining.ts), who is in the room
 * (roster.ts, fed by Janus's room events), what we receive (subscriptions.ts), and whether every
 * PeerConnection is up. Created by `RoomSession` for each join, closed when it ends.
 */
import { RoomCompletedError } from '../errors/errors.js';
import { toRoomError } from '../janus/errors.js';
import type { JanusSession } from '../janus/janus-client.js';
import type { ParticipantEvent } from '../janus/videoroom/protocol.js';
import type { VideoRoomPublisher } from '../janus/videoroom/publisher.js';
import { nextMediaUp, type Attempt } from './connection.js';
import { joinSignaling } from './joining.js';
import type { ResolvedOptions } from './options.js';
import { EMPTY_ROSTER, reduceRoster, withMember, withoutMember, type Roster } from './roster.js';
import { LinkMonitor, type Dimensions, type NetworkQuality } from './link-monitor.js';
import { DominantSpeaker } from './speakers.js';
import { Subscriptions, type RemoteTracks } from './subscriptions.js';
import type { LeaveReason, TrackKind } from './types.js';
import type { VideoDemand } from './video-demand.js';

export interface MembershipHooks {
  changed(): void;
  /** A failure that does not end the session. */
  report(error: Error): void;
  /** Something ended the session (kicked, room destroyed, connection lost). */
  fail(reason: LeaveReason, error?: Error): void;
  /** Janus refused a stream we asked for. */
  subscriptionFailed(memberId: string, mid: string, error: Error): void;
  /** How a member's video should be relayed now (video-demand.ts). */
  videoDemand(memberId: string): VideoDemand;
}

const NO_TRACKS: RemoteTracks = new Map();

/**
 * The other participants (Twilio: a person with its extra sources) that talk now, and all of
 * them. A muted member sends nothing, so Janus never hears it stop: muted counts as silent.
 */
function talkersOf(roster: Roster): [talking: Set<string>, present: Set<string>] {
  const talking = new Set<string>();
  const present = new Set<string>();
  for (const record of roster.values()) {
    if (record.local) continue;
    const sid = record.parentId ?? record.id;
    present.add(sid);
    if (record.talking && [...record.streams.values()].some((s) => s.kind === 'audio' && !s.muted)) talking.add(sid);
  }
  return [talking, present];
}

export class Membership {
  readonly options: ResolvedOptions;
  readonly memberId: string;
  /** The room's friendly name (its Janus description), once joined. */
  roomName = '';
  private rosterValue: Roster = EMPTY_ROSTER;
  private sessionValue: JanusSession | undefined;
  private publisherValue: VideoRoomPublisher | undefined;
  private subscriptions: Subscriptions | undefined;
  private readonly pcStates = new Map<'publisher' | 'subscriber', RTCPeerConnectionState>();
  /** Whether `media.connected` holds (only tracked once joined: see `joined()`). */
  private up = false;
  private isJoined = false;
  private closed = false;
  private readonly hooks: MembershipHooks;
  private readonly speakers = new DominantSpeaker(() => this.hooks.changed());
  private readonly monitor: LinkMonitor;

  constructor(options: ResolvedOptions, memberId: string, hooks: MembershipHooks) {
    this.options = options;
    this.memberId = memberId;
    this.hooks = hooks;
    this.monitor = new LinkMonitor(
      {
        localId: memberId,
        publisher: () => this.publisherValue?.peerConnection ?? null,
        subscriber: () => this.subscriptions?.peerConnection ?? null,
        flowing: () => this.flowing(),
      },
      () => hooks.changed(),
    );
  }

  get roster(): Roster {
    return this.rosterValue;
  }

  get session(): JanusSession | undefined {
    return this.sessionValue;
  }

  get publisher(): VideoRoomPublisher | undefined {
    return this.publisherValue;
  }

  get remote(): RemoteTracks {
    return this.subscriptions?.tracks ?? NO_TRACKS;
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
    return this.speakers.current;
  }

  /** The video demand changed (a view, a position, the policy): Janus is told what differs. */
  applyVideoDemand(): void {
    this.subscriptions?.applyDemand();
  }

  /** Silences (or not) everything received. */
  set deaf(deaf: boolean) {
    if (this.subscriptions) this.subscriptions.deaf = deaf;
  }

  /**
   * Connects, joins the room (creating it if allowed) and starts receiving those already there.
   * `onSession` hears as soon as the session exists (what fails after it is a join failure).
   */
  async open(attempt: Attempt, receive: ReadonlySet<TrackKind>, deaf: boolean, onSession: () => void): Promise<VideoRoomPublisher> {
    const { options, memberId } = this;
    const { session, publisher, joined } = await joinSignaling(attempt, options, memberId, {
      session: (created) => {
        this.sessionValue = created;
        onSession();
      },
      roomEvent: (event) => this.onRoomEvent(event),
      publisherState: (state) => this.setPcState('publisher', state),
      lost: (error) => this.hooks.fail('connection_lost', error),
    });
    this.publisherValue = publisher;
    publisher.events.on('slowLink', ({ uplink }) => this.monitor.slowLink(uplink));
    this.roomName = joined.description || options.room;
    this.rosterValue = joined.attendees.reduce((r, a) => withMember(r, a.id, a.display), withMember(EMPTY_ROSTER, memberId, options.identity, true));
    this.subscribe(session, joined.privateId, receive, deaf);
    // Subscribing to those already publishing runs in parallel with publishing.
    this.onRoomEvent({ type: 'publishers', publishers: joined.publishers });
    return publisher;
  }

  /** The join finished: from now on `media.connected` follows the PeerConnections. */
  joined(): void {
    this.isJoined = true;
    this.up = nextMediaUp(false, [...this.pcStates.values()]);
    this.monitor.start();
  }

  /** One of this client's extra sources joined the room (or left it). */
  addLocal(id: string): void {
    this.rosterValue = withMember(this.rosterValue, id, this.options.identity, true);
  }

  removeLocal(id: string): void {
    this.rosterValue = withoutMember(this.rosterValue, id, true);
  }

  /** Ends the join: stops listening, and destroys the session (every handle and PeerConnection). */
  async close(options: { lost?: boolean } = {}): Promise<void> {
    this.closed = true;
    this.speakers.stop();
    this.monitor.stop();
    this.subscriptions?.close();
    this.subscriptions = undefined;
    this.up = false;
    // Destroying the session closes every PeerConnection and tells Janus (and so the others).
    await this.sessionValue?.destroy({ unload: options.lost === true });
  }

  private subscribe(session: JanusSession, privateId: number, receive: ReadonlySet<TrackKind>, deaf: boolean): void {
    const { options } = this;
    const subscriptions = new Subscriptions(
      session,
      { room: options.room, privateId, receive, demand: this.hooks.videoDemand, ...(options.pin ? { pin: options.pin } : {}) },
      () => this.rosterValue,
    );
    this.subscriptions = subscriptions;
    subscriptions.deaf = deaf;
    const context = { server: options.server, room: options.room };
    subscriptions.events.on('changed', () => this.hooks.changed());
    subscriptions.events.on('connectionState', (state) => this.setPcState('subscriber', state));
    subscriptions.events.on('slowLink', () => this.monitor.slowLink(false));
    subscriptions.events.on('error', (error) => this.hooks.report(toRoomError(error, { phase: 'answer', ...context })));
    subscriptions.events.on('failed', ({ memberId, mid, error }) =>
      this.hooks.subscriptionFailed(memberId, mid, toRoomError(error, { phase: 'subscribe', ...context })),
    );
  }

  /** Received tracks that should be flowing now (started, not muted, not switched off): track id -> member id. */
  private flowing(): Map<string, string> {
    const flowing = new Map<string, string>();
    for (const [memberId, byMid] of this.remote) {
      const streams = this.rosterValue.get(memberId)?.streams;
      for (const [mid, { track, started, switchedOff }] of byMid) {
        if (started && !switchedOff && streams?.get(mid)?.muted === false) flowing.set(track.id, memberId);
      }
    }
    return flowing;
  }

  private onRoomEvent(event: ParticipantEvent): void {
    if (this.closed) return;
    if (event.type === 'removed') {
      if (event.reason === 'kicked') this.hooks.fail('kicked');
      else this.hooks.fail('room_destroyed', new RoomCompletedError('Room completed: the room was destroyed. Join another room'));
      return;
    }
    this.rosterValue = reduceRoster(this.rosterValue, event, this.memberId);
    this.speakers.update(...talkersOf(this.rosterValue));
    this.subscriptions?.sync();
    this.hooks.changed();
  }

  private setPcState(which: 'publisher' | 'subscriber', state: RTCPeerConnectionState): void {
    if (this.closed) return;
    this.pcStates.set(which, state);
    if (this.isJoined) this.up = nextMediaUp(this.up, [...this.pcStates.values()]);
    this.hooks.changed();
  }
}

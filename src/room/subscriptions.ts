/**
 * Other members' media: which published streams we want, which we asked Janus for, and which
 * tracks arrived, on one multistream subscriber PeerConnection. Janus reuses subscriber mids for
 * new publishers, so a received track is attributed only through the subscription Janus last
 * described (subscriber mid -> publisher and publisher mid), never on its own. How Janus relays
 * each video stream (switched off, simulcast layer) is video-relay.ts's.
 */
import mitt, { type Emitter } from 'mitt';
import { forgetTracks, type JanusSession } from '../janus/janus-client.js';
import type { FeedStream, SubscriptionStream } from '../janus/videoroom/protocol.js';
import { VideoRoomSubscriber, type SubscriberJoin } from '../janus/videoroom/subscriber.js';
import type { Roster } from './roster.js';
import type { TrackKind } from './types.js';
import type { VideoDemand } from './video-demand.js';
import { VideoRelay, feedKey } from './video-relay.js';

export interface ReceivedTrack {
  readonly track: MediaStreamTrack;
  /** Media has arrived (remote tracks start muted until their first packet). */
  readonly started: boolean;
  /** Janus stopped relaying it, as asked (Twilio `isSwitchedOff`). */
  readonly switchedOff: boolean;
}

/** Member id -> publisher mid -> the track received for it. */
export type RemoteTracks = ReadonlyMap<string, ReadonlyMap<string, ReceivedTrack>>;

export type SubscriptionEvents = {
  /** `tracks` changed. */
  changed: undefined;
  /** Janus refused a stream we asked for. */
  failed: { memberId: string; mid: string; error: unknown };
  /** Something failed outside any request (answering an offer Janus sent by itself). */
  error: unknown;
  connectionState: RTCPeerConnectionState;
  /** Janus reported packets lost on what it sends us. */
  slowLink: undefined;
  /** The PeerConnection no longer matches Janus's view (an offer could not be answered): replace it. */
  broken: undefined;
  /** A member's data message (Twilio data tracks). */
  data: { memberId: string; data: string | ArrayBuffer };
};

export interface SubscriptionOptions extends SubscriberJoin {
  /** Which kinds to receive (SignalWire `receiveAudio` / `receiveVideo`). */
  receive: ReadonlySet<TrackKind>;
  /** How a member's video should be relayed now. */
  demand(memberId: string): VideoDemand;
}


/**
 * The tracks each member's published streams arrived on: a subscriber stream counts when it is
 * active, carries a live track, and its publisher still publishes that mid.
 */
export function resolveTracks(
  subscription: ReadonlyMap<string, SubscriptionStream>,
  received: ReadonlyMap<string, MediaStreamTrack>,
  roster: Roster,
): Map<string, Map<string, MediaStreamTrack>> {
  const tracks = new Map<string, Map<string, MediaStreamTrack>>();
  for (const [mid, stream] of subscription) {
    const track = received.get(mid);
    const member = stream.feedId === undefined ? undefined : roster.get(stream.feedId);
    if (!stream.active || !track || !member || !stream.feedMid || track.readyState === 'ended') continue;
    if (!member.streams.has(stream.feedMid)) continue;
    if (!tracks.has(member.id)) tracks.set(member.id, new Map());
    tracks.get(member.id)!.set(stream.feedMid, track);
  }
  return tracks;
}

/** Received tracks that should be flowing now (started, not muted, not switched off): track id -> member id. */
export function flowingTracks(remote: RemoteTracks, roster: Roster): Map<string, string> {
  const flowing = new Map<string, string>();
  for (const [memberId, byMid] of remote) {
    const streams = roster.get(memberId)?.streams;
    for (const [mid, { track, started, switchedOff }] of byMid) {
      if (started && !switchedOff && streams?.get(mid)?.muted === false) flowing.set(track.id, memberId);
    }
  }
  return flowing;
}

export class Subscriptions {
  readonly events: Emitter<SubscriptionEvents> = mitt<SubscriptionEvents>();
  private readonly session: JanusSession;
  private readonly options: SubscriptionOptions;
  private readonly roster: () => Roster;
  private subscriber: Promise<VideoRoomSubscriber> | undefined;
  /** The subscriber once attached. */
  private attached: VideoRoomSubscriber | undefined;
  /** Feeds asked for (feedKey), so each publication is requested once. */
  private readonly requested = new Set<string>();
  /** The subscription as Janus last described it, by subscriber mid. */
  private subscription = new Map<string, SubscriptionStream>();
  /** Tracks received on the subscriber PeerConnection, by subscriber mid. */
  private readonly received = new Map<string, MediaStreamTrack>();
  /** The track each feed started on (feedKey -> track). */
  private readonly started = new Map<string, MediaStreamTrack>();
  /** How Janus relays each video stream (switched off, simulcast layer). */
  private readonly relay: VideoRelay;
  private current: RemoteTracks = new Map();
  private closed = false;
  /** Answering an offer failed: Janus and this PeerConnection disagree, so it must be replaced. */
  private broken = false;
  private deafValue = false;

  constructor(session: JanusSession, options: SubscriptionOptions, roster: () => Roster) {
    this.session = session;
    this.options = options;
    this.roster = roster;
    this.relay = new VideoRelay({
      subscriber: () => this.subscriber,
      subscription: () => this.subscription,
      demand: options.demand,
      started: (feed) => this.started.has(feed),
      changed: () => this.reconcile(),
      fail: (error) => this.events.emit('error', error),
    });
  }

  /** The video demand changed: Janus is told how to relay what differs. */
  applyDemand(): void {
    if (!this.closed) this.relay.apply();
  }

  get tracks(): RemoteTracks {
    return this.current;
  }

  /** The subscriber PeerConnection, once there is one. */
  get peerConnection(): RTCPeerConnection | null {
    return this.attached?.peerConnection ?? null;
  }

  /** Deaf: every received audio track is silenced here, for any element or code that plays it. */
  get deaf(): boolean {
    return this.deafValue;
  }

  set deaf(deaf: boolean) {
    this.deafValue = deaf;
    for (const track of this.received.values()) this.silence(track);
  }

  private silence(track: MediaStreamTrack): void {
    if (track.kind === 'audio') track.enabled = !this.deafValue;
  }

  /** Asks Janus for every wanted stream not asked for yet, and forgets streams that are gone. */
  sync(): void {
    if (this.closed) return;
    const roster = this.roster();
    const wanted = new Set<string>();
    const missing: FeedStream[] = [];
    for (const member of roster.values()) {
      // A member not back since Janus restarted has nothing to receive yet.
      if (member.local || member.reconnecting) continue;
      const mids = [...member.streams.values()].filter((stream) => this.options.receive.has(stream.kind)).map((stream) => stream.mid);
      // Data (Twilio data tracks) is always received: it is small, and asked for by nobody else.
      if (member.dataMid !== undefined) mids.push(member.dataMid);
      for (const mid of mids) {
        const key = feedKey(member.id, mid);
        wanted.add(key);
        if (this.requested.has(key)) continue;
        this.requested.add(key);
        missing.push({ feed: member.id, mid });
      }
    }
    // A stream that went away is asked for again if it comes back.
    for (const key of this.requested) if (!wanted.has(key)) this.requested.delete(key);
    if (missing.length > 0) this.request(missing);
    this.reconcile();
  }

  /**
   * Nothing to receive yet (no subscription Janus accepted: none asked for, or every request
   * refused), or the subscriber PeerConnection is connected.
   */
  get up(): boolean {
    const subscriber = this.attached;
    if (!subscriber?.negotiating) return true;
    return subscriber.peerConnection?.connectionState === 'connected';
  }

  /** Whether an ICE restart can bring the PeerConnection back (it was not hung up or broken). */
  get restartable(): boolean {
    return !this.broken && this.attached?.restartable === true;
  }

  /** Restarts ICE on the subscriber PeerConnection. */
  async restartIce(): Promise<void> {
    await this.attached?.restartIce();
  }

  /** Stops acting on anything Janus sends; the session's destruction closes the PeerConnection. */
  close(): void {
    this.closed = true;
    forgetTracks(this.received.values());
    this.relay.close();
    this.events.all.clear();
  }

  /** Closes, and also leaves Janus (for subscriptions replaced within a session that lives on). */
  async detach(options: { unreachable?: boolean } = {}): Promise<void> {
    this.close();
    for (const track of this.received.values()) track.stop();
    await this.attached?.detach(options);
  }

  private request(feeds: FeedStream[]): void {
    this.handle()
      .then((subscriber) => subscriber.subscribe(feeds))
      .catch((error: unknown) => {
        if (this.closed) return;
        // Janus fails a whole request when one feed in it is gone (a member leaving meanwhile):
        // ask for each alone, so only that one fails.
        if (feeds.length > 1) {
          for (const feed of feeds) this.request([feed]);
          return;
        }
        for (const { feed, mid } of feeds) {
          this.requested.delete(feedKey(feed, mid));
          if (this.roster().get(feed)?.streams.has(mid)) this.events.emit('failed', { memberId: feed, mid, error });
        }
      });
  }

  private handle(): Promise<VideoRoomSubscriber> {
    this.subscriber ??= VideoRoomSubscriber.attach(this.session, this.options).then(
      (subscriber) => {
        subscriber.events.on('streams', (streams) => {
          if (this.closed) return;
          this.subscription = new Map(streams.map((stream) => [stream.mid, stream]));
          this.reconcile();
          this.relay.apply();
        });
        subscriber.events.on('track', ({ track, mid, on, reason }) => {
          if (this.closed) return;
          if (on) {
            this.received.set(mid, track);
            this.silence(track);
          } else if (reason === 'ended') {
            this.received.delete(mid);
            forgetTracks([track]);
          }
          this.reconcile();
        });
        subscriber.events.on('connectionState', (state) => {
          if (!this.closed) this.events.emit('connectionState', state);
        });
        subscriber.events.on('layer', ({ mid, substream }) => this.relay.layerChanged(mid, substream));
        subscriber.events.on('data', ({ data, label }) => {
          if (!this.closed && this.roster().has(label)) this.events.emit('data', { memberId: label, data });
        });
        subscriber.events.on('slowLink', () => {
          if (!this.closed) this.events.emit('slowLink', undefined);
        });
        this.attached = subscriber;
        subscriber.events.on('failure', (error) => {
          if (this.closed) return;
          this.broken = true;
          this.events.emit('error', error);
          this.events.emit('broken', undefined);
        });
        return subscriber;
      },
      (error: unknown) => {
        this.subscriber = undefined;
        throw error;
      },
    );
    return this.subscriber;
  }

  /** Recomputes `tracks`, watches new ones for their first media, and says so if they changed. */
  private reconcile(): void {
    const off = this.relay.switchedOff();
    const next = new Map<string, Map<string, ReceivedTrack>>();
    for (const [memberId, byMid] of resolveTracks(this.subscription, this.received, this.roster())) {
      const entries = new Map<string, ReceivedTrack>();
      for (const [mid, track] of byMid) {
        const key = feedKey(memberId, mid);
        entries.set(mid, { track, started: this.watchStart(key, track), switchedOff: off.has(key) });
      }
      next.set(memberId, entries);
    }
    if (sameTracks(this.current, next)) return;
    this.current = next;
    this.events.emit('changed', undefined);
  }

  /** Whether `track` has started for `key`; if not yet, watches for its first media. */
  private watchStart(key: string, track: MediaStreamTrack): boolean {
    if (this.started.get(key) === track) return true;
    if (!track.muted) {
      this.started.set(key, track);
      return true;
    }
    track.addEventListener(
      'unmute',
      () => {
        if (this.closed || this.started.get(key) === track) return;
        this.started.set(key, track);
        this.reconcile();
        // Its simulcast layer can be chosen now.
        this.relay.apply();
      },
      { once: true },
    );
    return false;
  }
}

function sameTracks(a: RemoteTracks, b: RemoteTracks): boolean {
  if (a.size !== b.size) return false;
  for (const [member, byMid] of a) {
    const other = b.get(member);
    if (!other || other.size !== byMid.size) return false;
    for (const [mid, entry] of byMid) {
      const next = other.get(mid);
      if (!next || next.track !== entry.track || next.started !== entry.started || next.switchedOff !== entry.switchedOff) return false;
    }
  }
  return true;
}

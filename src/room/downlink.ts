/**
 * What one join receives: the subscriptions (subscriptions.ts) on the join's session, their
 * events turned into the membership's, and a new subscriber PeerConnection in place of one Janus
 * hung up (or one that no longer matches Janus's). Replaced as a whole when the join moves to a
 * new session (Janus restarted).
 */
import { MediaConnectionError } from '../errors/errors.js';
import { toRoomError } from '../janus/errors.js';
import type { JanusSession } from '../janus/janus-client.js';
import type { ResolvedOptions } from './options.js';
import type { Roster } from './roster.js';
import { Subscriptions, type RemoteTracks } from './subscriptions.js';
import type { TrackKind } from './types.js';
import type { VideoDemand } from './video-demand.js';

export interface DownlinkHooks {
  /** Who is in the room now (what to subscribe to). */
  roster(): Roster;
  /** The received tracks changed. */
  changed(): void;
  /** A failure that does not end the session. */
  report(error: Error): void;
  /** Janus refused a stream we asked for. */
  subscriptionFailed(memberId: string, mid: string, error: Error): void;
  /** How a member's video should be relayed now. */
  videoDemand(memberId: string): VideoDemand;
  connectionState(state: RTCPeerConnectionState): void;
  /** Janus reported packets lost on what it sends us. */
  slowLink(): void;
  /** A member's data message. */
  data(memberId: string, data: string | ArrayBuffer): void;
  /** The subscriber PeerConnection no longer matches Janus's: it needs replacing (`restart()`). */
  broken(error: Error): void;
}

export class Downlink {
  private readonly options: ResolvedOptions;
  private readonly session: JanusSession;
  private readonly privateId: number;
  private readonly receive: ReadonlySet<TrackKind>;
  private readonly hooks: DownlinkHooks;
  private subscriptions: Subscriptions;
  private deafValue: boolean;

  constructor(options: ResolvedOptions, session: JanusSession, join: { privateId: number; receive: ReadonlySet<TrackKind>; deaf: boolean }, hooks: DownlinkHooks) {
    this.options = options;
    this.session = session;
    this.privateId = join.privateId;
    this.receive = join.receive;
    this.deafValue = join.deaf;
    this.hooks = hooks;
    this.subscriptions = this.subscribe();
  }

  get tracks(): RemoteTracks {
    return this.subscriptions.tracks;
  }

  get peerConnection(): RTCPeerConnection | null {
    return this.subscriptions.peerConnection;
  }

  /** Nothing asked for yet, or the subscriber PeerConnection is connected. */
  get up(): boolean {
    return this.subscriptions.up;
  }

  set deaf(deaf: boolean) {
    this.deafValue = deaf;
    this.subscriptions.deaf = deaf;
  }

  /** Asks for what the roster publishes and forgets what went away. */
  sync(): void {
    this.subscriptions.sync();
  }

  applyDemand(): void {
    this.subscriptions.applyDemand();
  }

  /** Brings the subscriber PeerConnection back: an ICE restart, or a new one if that cannot work. */
  async restart(): Promise<void> {
    const old = this.subscriptions;
    if (old.restartable) {
      await old.restartIce();
      return;
    }
    await old.detach();
    if (this.subscriptions === old) this.subscriptions = this.subscribe();
  }

  /** Stops acting on anything Janus sends (the session's end closes the PeerConnection). */
  close(): void {
    this.subscriptions.close();
  }

  private subscribe(): Subscriptions {
    const { options, hooks } = this;
    const subscriptions = new Subscriptions(
      this.session,
      {
        room: options.room,
        privateId: this.privateId,
        receive: this.receive,
        demand: hooks.videoDemand,
        ...(options.pin ? { pin: options.pin } : {}),
        ...(options.access ? { credentials: options.access.credentials } : {}),
      },
      hooks.roster,
    );
    subscriptions.deaf = this.deafValue;
    const context = { server: options.server, room: options.room };
    subscriptions.events.on('changed', () => hooks.changed());
    subscriptions.events.on('connectionState', (state) => hooks.connectionState(state));
    subscriptions.events.on('slowLink', () => hooks.slowLink());
    subscriptions.events.on('data', ({ memberId, data }) => hooks.data(memberId, data));
    subscriptions.events.on('error', (error) => hooks.report(toRoomError(error, { phase: 'answer', ...context })));
    subscriptions.events.on('broken', () =>
      hooks.broken(new MediaConnectionError(`${MediaConnectionError.defaultMessage}: the PeerConnection receiving the others no longer matches Janus's`)),
    );
    subscriptions.events.on('failed', ({ memberId, mid, error }) =>
      hooks.subscriptionFailed(memberId, mid, toRoomError(error, { phase: 'subscribe', ...context })),
    );
    return subscriptions;
  }
}

/**
 * The machinery under `RoomSession`: the connection lifecycle (connection.ts), each join's life
 * on Janus (membership.ts), this client's own media (local-member.ts) and extra sources
 * (local-sources.ts), the layout wishes (layout.ts), and the snapshots and events derived from all
 * of them (views.ts, announcements.ts). `RoomSession` puts SignalWire's method surface on top.
 */
import mitt, { type Emitter } from 'mitt';
import { toRoomError, type JanusPhase } from '../janus/errors.js';
import { JanusFailure, isWebRTCSupported } from '../janus/janus-client.js';
import type { LocalMedia } from '../media/local-media.js';
import { Announcer } from './announcements.js';
import type { RoomSessionEvents } from './room-session-events.js';
import { Connection, type Attempt, type Left } from './connection.js';
import { Reconnection, type Trouble } from './reconnection.js';
import { DEFAULT_SIZE, type LayoutSettings } from './layout.js';
import type { Dimensions, NetworkQuality } from './link-monitor.js';
import { LocalMember } from './local-member.js';
import { LocalOverlay } from './local-overlay.js';
import { LocalSources } from './local-sources.js';
import { Membership } from './membership.js';
import { newMemberId } from './member-types.js';
import { demandPolicy, planJoin, resolveOptions, withTokenClaims, type JoinPlan, type ResolvedOptions } from './options.js';
import { RoomAccess } from '../service/room-access.js';
import type { SharedMember } from '../service/shared-state.js';
import { readRoomToken } from '../service/room-token.js';
import { linkService, type ServiceLinkHooks } from './service-link.js';
import { EMPTY_ROSTER } from './roster.js';
import { TALK_WINDOW_PACKETS, talkThreshold } from './speakers.js';
import type { ConnectionState, JoinOptions, RoomSessionOptions, RoomSnapshot } from './types.js';
import type { ModelParts } from './views.js';
import { videoDemand, type VideoView } from './video-demand.js';

const NO_QUALITY: ReadonlyMap<string, NetworkQuality> = new Map();
const NO_DIMENSIONS: ReadonlyMap<string, Dimensions> = new Map();
const NO_MEMBERS: ReadonlySet<string> = new Set();
const NO_SHARED: ReadonlyMap<string, SharedMember> = new Map();

export type { MemberParams, RoomSessionEvents } from './room-session-events.js';

export abstract class RoomSessionCore {
  readonly events: Emitter<RoomSessionEvents> = mitt<RoomSessionEvents>();
  protected optionsValue: RoomSessionOptions;
  protected joinParams: JoinOptions = {};
  /** The join under way or joined; undefined while disconnected. */
  protected membership: Membership | undefined;
  protected layoutSettings: LayoutSettings = { name: 'auto', positions: new Map(), hideVideoMuted: false, page: 0, size: DEFAULT_SIZE };
  /** What each renderer shows of whose video (see `reportVideoView`). */
  private readonly videoViews = new Map<object, VideoView>();
  /** What the current join publishes and receives (published again after Janus restarts). */
  protected plan: JoinPlan | undefined;
  /** A reconnection try found this client's tracks gone and did not publish them again yet. */
  protected unpublished = false;
  /** Likewise for its screen shares and extra devices (on a session Janus lost). */
  private sourcesAway = false;
  /** Joined with a token: the room service's side of this member (undefined otherwise). */
  protected access: RoomAccess | undefined;
  private unlinkService = () => {};
  /** A promotion or demotion is being carried out (a rejoin in the new role; see room-session-moderation.ts). */
  protected roleChanged = false;
  protected readonly reconnection = new Reconnection({
    attempt: (attempt, limit) => this.recover(attempt, limit),
    // Changing role is no broken connection: it joins anew quietly.
    started: (error, trouble) => {
      if (trouble === 'role') return;
      this.connection.reconnecting();
      this.events.emit('reconnecting', { error });
      this.events.emit('mediaReconnecting', undefined);
    },
    succeeded: (trouble) => {
      if (trouble === 'role') return this.changed();
      this.connection.reconnected();
      this.events.emit('reconnected', undefined);
      this.events.emit('mediaConnected', undefined);
    },
    gaveUp: (error) => this.connection.fail('RECONNECTION_ATTEMPT_TIMEOUT', error),
  });

  protected readonly connection = new Connection({
    connect: (attempt) => this.connect(attempt),
    release: () => this.release(),
    joined: () => this.onJoined(),
    disconnect: (left) => this.disconnect(left),
    changed: () => this.changed(),
  });
  protected readonly local = new LocalMember({
    options: () => this.options,
    changed: () => this.changed(),
    report: (error) => this.report(error),
  });
  protected readonly sources = new LocalSources({
    room: () => {
      const membership = this.membership;
      if (!this.active || !membership?.session) return undefined;
      return { ...membership.options, session: membership.session, ownerId: membership.memberId };
    },
    entered: (source) => this.membership?.addLocal(source.memberId),
    exited: (source) => this.membership?.removeLocal(source.memberId),
    changed: () => this.changed(),
  });
  private readonly announcer = new Announcer(
    () => this.parts(),
    (type, event) => (this.events.emit as (t: string, e: unknown) => void)(type, event),
  );

  /** How the self-view shows (SignalWire `localOverlay`). */
  readonly localOverlay = new LocalOverlay(() => this.membership?.memberId ?? null, () => this.changed());

  constructor(options: RoomSessionOptions) {
    this.optionsValue = options;
    const forward = { camera: 'camera', microphone: 'microphone', speaker: 'speaker' } as const;
    this.localMedia.events.on('device', ({ source, previous, current }) => this.events.emit(`${forward[source]}Updated`, { previous, current }));
    this.localMedia.events.on('deviceLost', ({ source, device }) => this.events.emit(`${forward[source]}Disconnected`, device));
    this.localMedia.events.on('error', ({ error }) => this.report(error));
  }

  /** Camera, microphone and speaker, before, during and between joins. */
  get localMedia(): LocalMedia {
    return this.local.media;
  }

  /** Options for the next `join()` (and for previews and mute now); a change takes effect when joining again. */
  get options(): RoomSessionOptions {
    return this.optionsValue;
  }

  set options(options: RoomSessionOptions) {
    const before = this.optionsValue;
    this.optionsValue = options;
    // What the next join will publish shows in the snapshot (`self`).
    if ((before.audio === false) !== (options.audio === false) || (before.video === false) !== (options.video === false)) this.changed();
    if ((before.applyLocalVideoOverlay === false) !== (options.applyLocalVideoOverlay === false)) this.changed();
    // The talk threshold and the bandwidth profile change a joined session on the spot.
    if (options.inputSensitivity !== undefined && options.inputSensitivity !== before.inputSensitivity && this.active) {
      this.applyInputSensitivity(options.inputSensitivity).catch((error: unknown) => this.report(error));
    }
    if (options.bandwidthProfile !== before.bandwidthProfile) this.membership?.applyVideoDemand();
  }

  get state(): ConnectionState {
    return this.connection.state;
  }

  /** Whether the room is joined (SignalWire `active`), restoring a broken connection included. */
  get active(): boolean {
    return this.connection.joined;
  }

  /** Everything there is to render, as one immutable object (a new one after every change). */
  get snapshot(): RoomSnapshot {
    return this.announcer.snapshot;
  }

  /** Sets this member's Janus talk threshold now (when joined) and for later joins. */
  protected async applyInputSensitivity(value: number): Promise<void> {
    const threshold = talkThreshold(value);
    this.optionsValue = { ...this.optionsValue, inputSensitivity: value };
    const publisher = this.active ? this.membership?.publisher : undefined;
    await publisher?.setTalkDetection(threshold, TALK_WINDOW_PACKETS);
  }

  protected setLayoutSettings(changes: Partial<LayoutSettings>): void {
    this.layoutSettings = { ...this.layoutSettings, ...changes };
    this.changed();
    // An off-canvas position switches a member's video off.
    if (changes.positions) this.membership?.applyVideoDemand();
  }

  /**
   * What a renderer shows of a member's video (`null`: nothing any more): tiles report whether
   * they are on screen and how wide. Video no renderer shows visibly is switched off at Janus, and
   * a simulcast layer fits the largest view (see `bandwidthProfile`). Video of a member no
   * renderer reports on is left alone, so a page that attaches tracks itself keeps them.
   */
  reportVideoView(viewer: object, view: VideoView | null): void {
    const before = this.videoViews.get(viewer);
    if (view === null) this.videoViews.delete(viewer);
    else this.videoViews.set(viewer, { memberId: view.memberId, visible: view.visible, width: view.width });
    if (before?.memberId !== view?.memberId || before?.visible !== view?.visible || before?.width !== view?.width) {
      this.membership?.applyVideoDemand();
    }
  }

  // ------------------------------------------------------------------ joining and leaving

  private async connect(attempt: Attempt): Promise<void> {
    const token = this.options.token;
    const claims = token ? readRoomToken(token) : undefined;
    let options = resolveOptions(claims ? withTokenClaims(this.options, claims) : this.options);
    if (!isWebRTCSupported()) throw new DOMException('This browser does not support WebRTC', 'NotSupportedError');
    if (token) {
      // The room service admits the token's holder and hands out what Janus itself checks.
      const access = await attempt.step(RoomAccess.open(token, options.room, { signal: attempt.signal, timeout: options.timeout }), (late) => late.close());
      this.access = access;
      this.unlinkService = linkService(access, this.serviceHooks());
      // With several Janus servers, the service says which one holds the room.
      options = { ...options, access, server: access.janusUrl ?? options.server };
    }
    const plan = planJoin(options, this.joinParams);
    const membership = new Membership(options, options.access?.memberId || newMemberId(), {
      changed: () => this.changed(),
      report: (error) => this.report(error),
      fail: (reason, error) => this.connection.fail(reason, error),
      lost: (error) => this.trouble('signaling', error),
      mediaTrouble: (error) => this.trouble('media', error),
      subscriptionFailed: (memberId, mid, error) => {
        const record = membership.roster.get(memberId);
        const participant = record && this.snapshot.participants.get(record.parentId ?? record.id);
        const publication = participant?.tracks.get(`${memberId}:${mid}`);
        if (participant && publication) this.events.emit('trackSubscriptionFailed', { participant, publication, error });
      },
      videoDemand: (memberId) =>
        videoDemand(memberId, this.videoViews.values(), this.layoutSettings.positions.get(memberId) === 'off-canvas', demandPolicy(this.options.bandwidthProfile)),
      moderated: (mid, muted) => this.local.moderated(mid, muted).catch((error: unknown) => this.report(error)),
      data: (memberId, data) => this.onData(memberId, data),
      published: (mid, receiving) => {
        const source = this.local.publications.sourceOf(mid);
        if (source) this.events.emit('publishedMedia', { source, trackSid: `${membership.memberId}:${mid}`, receiving });
      },
    });
    this.membership = membership;
    this.plan = plan;
    let phase: JanusPhase = 'connect';
    try {
      await this.local.capture(plan, options.localStream, attempt);
      const publisher = await membership.open(attempt, plan.receive, this.local.publications.deaf, () => {
        phase = 'join';
      });
      phase = 'publish';
      await attempt.step(this.local.publish(publisher, plan));
      if (options.inputSensitivity !== undefined) {
        await attempt.step(publisher.setTalkDetection(talkThreshold(options.inputSensitivity), TALK_WINDOW_PACKETS));
      }
      if (this.local.publications.list.size > 0) await attempt.step(publisher.mediaUp(options.timeout));
    } catch (error) {
      throw toRoomError(error, { phase, server: options.server, room: options.room });
    }
  }

  private onJoined(): void {
    this.local.followVisibility(this.membership?.options.stopCameraInBackground === true);
    this.membership?.joined();
    this.changed();
    const snapshot = this.snapshot;
    this.events.emit('joined', { snapshot, callId: this.membership?.publisher?.id ?? '' });
    this.events.emit('membersChanged', { members: snapshot.members });
    // What arrived while joining (tracks, the media connection, the layout) is announced next.
    this.announcer.start(snapshot);
  }

  /**
   * Trouble with a join: one under way fails at once (Janus went away: 53001, not a timeout
   * later); a joined one starts reconnecting (or goes on doing so).
   */
  private trouble(kind: Trouble, error: Error): void {
    if (this.state === 'connecting') {
      if (kind === 'signaling') this.connection.fail('connection_lost', error);
    } else if (this.connection.joined) {
      this.reconnection.start(kind, error, this.membership?.options.reconnectWindow ?? 0);
    }
  }

  /** One try at restoring the join (see `Membership.recover`), then its media must be up. */
  private async recover(attempt: Attempt, limit: number): Promise<void> {
    const membership = this.membership;
    if (!membership || !this.plan) throw new DOMException('not joined', 'InvalidStateError');
    await this.beforeRecovering(attempt, membership.options);
    const { republish, rejoined } = await membership.recover(attempt);
    const publisher = membership.publisher!;
    // A new publisher (or one Janus hung up): publish the same tracks again, also when an
    // earlier try got that far and no further.
    this.unpublished ||= republish;
    if (this.unpublished) {
      this.local.publications.stop();
      await attempt.step(this.local.publish(publisher, this.plan));
      const sensitivity = this.options.inputSensitivity;
      if (sensitivity !== undefined) await attempt.step(publisher.setTalkDetection(talkThreshold(sensitivity), TALK_WINDOW_PACKETS));
      this.unpublished = false;
    }
    // Screen shares and extra devices were on the session Janus lost: they join it again too.
    this.sourcesAway ||= rejoined;
    if (this.sourcesAway) {
      await this.sources.rejoinAll(attempt);
      this.sourcesAway = false;
    }
    if (!(await attempt.step(membership.whenUp(Math.min(limit, membership.options.timeout))))) {
      throw new JanusFailure('media', 'the PeerConnections did not come back up');
    }
  }

  /** What the room service's word does to this session (room-session-moderation.ts). */
  protected abstract serviceHooks(): ServiceLinkHooks;

  /** Runs before each try at restoring the join (a role change prepares the media here). */
  protected abstract beforeRecovering(attempt: Attempt, options: ResolvedOptions): Promise<void>;

  private async disconnect(left: Left): Promise<void> {
    this.reconnection.stop();
    if (this.announcer.stop()) this.events.emit('mediaDisconnected', undefined);
    const gone = left.reason === 'connection_lost' || left.reason === 'pagehide' || left.reason === 'RECONNECTION_ATTEMPT_TIMEOUT';
    await this.release({ unload: gone });
    this.events.emit('left', left);
  }

  /** Releases whatever a join acquired; safe to call at any point. `unload`: wait for no answers. */
  private async release(options: { unload?: boolean } = {}): Promise<void> {
    this.reconnection.stop();
    this.unlinkService();
    this.access?.close();
    this.access = undefined;
    this.roleChanged = false;
    this.plan = undefined;
    this.unpublished = this.sourcesAway = false;
    // Shares and devices leave first: nothing of this client stays published.
    await this.sources.leaveAll({ unreachable: options.unload === true });
    this.local.release();
    const membership = this.membership;
    this.membership = undefined;
    this.announcer.stop();
    // Positions name this join's members: they mean nothing to the next one.
    this.layoutSettings = { ...this.layoutSettings, positions: new Map(), page: 0 };
    this.changed();
    await membership?.close(options);
  }

  // ------------------------------------------------------------------ events and controls

  /**
   * Runs `operation`; a failure rejects and also reaches the page as an `error` event (an
   * `AbortError` only rejects: leaving cancelled it, which is no failure).
   */
  protected async reporting<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if ((error as Error)?.name !== 'AbortError') this.report(error);
      throw error;
    }
  }

  /** A member's data message (room-session-data.ts makes it `trackMessage`). */
  protected onData(_memberId: string, _data: string | ArrayBuffer): void {}

  protected report(error: unknown): void {
    this.events.emit('error', { error: error instanceof Error ? error : new Error(String(error)) });
  }

  // ------------------------------------------------------------------ snapshots and announcements

  private parts(): ModelParts {
    const membership = this.membership;
    return {
      state: this.state,
      room: membership?.options.room ?? null,
      roomName: membership?.roomName || null,
      memberId: membership?.memberId ?? null,
      roster: membership?.roster ?? EMPTY_ROSTER,
      local: new Map([...(membership ? [[membership.memberId, this.local.publications.list] as const] : []), ...this.sources.publications()]),
      remote: membership?.remote ?? new Map(),
      localStream: this.local.stream,
      // While reconnecting, media counts as connected until the reconnection gives up (SignalWire
      // says `media.reconnecting` meanwhile, and `media.disconnected` only at the end).
      mediaConnected: this.state === 'reconnecting' || (membership?.mediaConnected ?? false),
      reconnecting: this.state === 'connected' ? (membership?.stalledMembers ?? NO_MEMBERS) : NO_MEMBERS,
      dominantSpeaker: membership?.dominantSpeaker ?? null,
      layout: this.layoutSettings,
      networkQuality: membership?.networkQuality ?? NO_QUALITY,
      dimensions: membership?.dimensions ?? NO_DIMENSIONS,
      self: {
        ...this.local.state(this.connection.joined),
        screenShare: this.sources.screenShareState,
        mirrored: this.localOverlay.mirrored,
        overlay: this.options.applyLocalVideoOverlay !== false,
      },
      service: this.access
        ? {
            permissions: this.access.permissions,
            interactivityMode: this.access.mode,
            locked: this.access.locked,
            audienceCount: this.access.audienceCount,
            audience: this.access.audience,
            meta: this.access.shared.meta,
            prioritizeHandraise: this.access.shared.prioritizeHandraise,
            recording: this.access.shared.recording,
          }
        : null,
      shared: this.access?.shared.members ?? NO_SHARED,
    };
  }

  protected changed(): void {
    this.announcer.changed();
  }
}

import { provide } from '@lit/context';
import { html, nothing, type ComplexAttributeConverter, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { audioOutputContext, roomStateContext } from '../../src/context/context.js';
import { AudioOutput } from '../../src/controllers/audio-output.js';
import { dispatchRoomEvent, forwardRoomEvents } from '../../src/events/dom-events.js';
import type { RoomEventMap } from '../../src/events/event-map.js';
import { DEFAULT_TIMEOUT } from '../../src/room/options.js';
import type { MemberParams, RoomSession } from '../../src/room/room-session.js';
import type { JoinOptions, Member, RoomSessionOptions, RoomSnapshot } from '../../src/room/types.js';
import { stringsFor } from '../../src/i18n/strings.js';
import { featuredShare } from '../../src/room/layout.js';
import { VERSION } from '../../src/version.js';
import { RoomSessionElement } from './room-session-element.js';
import { videoRoomStyles } from './video-room.styles.js';

/** A boolean that is on unless the attribute says "false" (or "0", "off", "no"). */
const onUnlessFalse: ComplexAttributeConverter<boolean> = {
  fromAttribute: (value) => value === null || !['false', '0', 'off', 'no'].includes(value.trim().toLowerCase()),
  toAttribute: (value) => (value ? null : 'false'),
};

/** Absent: undefined (the library decides); "false", "0", "off", "no": false; anything else: true. */
const autoBoolean: ComplexAttributeConverter<boolean | undefined> = {
  fromAttribute: (value) => (value === null ? undefined : onUnlessFalse.fromAttribute!(value, Boolean)),
  toAttribute: (value) => (value === undefined ? null : value ? '' : 'false'),
};

/** Properties that decide which room is joined, and how (auto-join rejoins when one changes). */
const JOIN_PROPERTIES = ['server', 'room', 'identity', 'pin', 'audio', 'video', 'create', 'timeout', 'iceServers'] as const;
/** Every property that feeds the room model's options. */
const OPTION_PROPERTIES = [...JOIN_PROPERTIES, 'stopCameraWhileMuted', 'stopMicrophoneWhileMuted', 'stopCameraInBackground', 'inputSensitivity'] as const;

/**
 * @tagname video-room
 * @summary A video room on a Janus server: joins it, publishes camera and microphone, and shows
 * every member in a responsive grid of `<participant-tile>`s (or in your own layout). While a
 * screen is shared, the share is shown large with the others in a strip beside it.
 *
 * Host attributes set by the element (read-only, for CSS): `active` (joined), `layout` (`grid`,
 * or `share` while a screen is shared).
 *
 * Provides its `RoomSession` and its snapshots to descendants through `@lit/context`.
 *
 * @slot - Your own layout; replaces the default grid. Descendant `<participant-tile member-id>`s
 *   find their members through context.
 * @slot controls - Shown below the grid (or your layout): `<room-controls slot="controls">`,
 *   `<device-select slot="controls">`. Anything inside gets the room through context.
 *
 * @csspart grid - The default grid.
 * @csspart share-layout - While a screen is shared: the stage and the strip.
 * @csspart stage - The share, large.
 * @csspart strip - Everyone else, beside the stage (below it on narrow screens).
 * @csspart featured - The tile on the stage (it is a `tile` too).
 * @csspart controls - The `controls` slot.
 * @csspart audio-blocked - The notice shown while the browser holds back the room's sound.
 * @csspart start-audio - Its one-click "Enable audio" button.
 * @csspart tile - Each `<participant-tile>` of the default grid (its parts are exported as
 *   `tile-video`, `tile-placeholder`, `tile-name` and `tile-mute-indicator`).
 *
 * @cssproperty --video-room-gap - Space between tiles.
 * @cssproperty --video-room-tile-min-width - Narrowest a tile gets before the grid wraps.
 * @cssproperty --video-room-background - Background of the room.
 * @cssproperty --video-room-strip-width - Width of the strip beside a shared screen (default 240px).
 * @cssproperty --video-room-stage-aspect-ratio - Aspect ratio of the shared screen's stage (default 16 / 9).
 *
 * @fires room.joined - This client joined (SignalWire). `detail.room_session.members` lists everyone.
 * @fires room.left - This client left; `detail.reason` says why when it was not `leave()`.
 * @fires member.joined - Another member joined (SignalWire).
 * @fires member.left - A member left (SignalWire).
 * @fires memberList.updated - The member list or a member's state changed (SignalWire).
 * @fires media.connected - Every PeerConnection of this client is up.
 * @fires media.disconnected - A PeerConnection of this client went down.
 * @fires participantConnected - Another member joined (Twilio): `detail.participant`.
 * @fires participantDisconnected - A member left (Twilio): `detail.participant`.
 * @fires trackPublished - A member published a track after we joined (Twilio).
 * @fires trackUnpublished - A member unpublished a track (Twilio).
 * @fires trackSubscribed - A member's track arrived (Twilio): `detail.track.mediaStreamTrack`.
 * @fires trackUnsubscribed - A member's track went away (Twilio).
 * @fires trackStarted - Media of a member's track started flowing (Twilio).
 * @fires trackSubscriptionFailed - A member's track could not be subscribed to (Twilio).
 * @fires member.updated - A member's state changed (SignalWire): `detail.member.updated` lists the fields.
 * @fires trackEnabled - A member unmuted a track we receive (Twilio).
 * @fires trackDisabled - A member muted a track we receive (Twilio).
 * @fires camera.updated - This client's camera changed (SignalWire): `detail.previous`, `detail.current`.
 * @fires camera.disconnected - The camera in use went away; the default one replaces it.
 * @fires microphone.updated - This client's microphone changed (SignalWire).
 * @fires microphone.disconnected - The microphone in use went away; the default one replaces it.
 * @fires speaker.updated - The speaker changed (SignalWire).
 * @fires speaker.disconnected - The chosen speaker went away; the default one replaces it.
 * @fires audio.blocked - The browser's autoplay policy holds back the room's sound until the user interacts: call `startAudio()` from a click (the element shows a button for it).
 * @fires audio.unblocked - All of the room's sound plays.
 * @fires disconnected - This client left (Twilio): `detail.error` is set when it was unexpected.
 * @fires error - Joining failed, or something broke without ending the session: `detail.error`.
 *   Cancelable: call `preventDefault()` to keep an auto-join failure out of the console.
 */
export class VideoRoom extends RoomSessionElement {
  static override styles = videoRoomStyles;
  static readonly version = VERSION;

  @provide({ context: roomStateContext })
  @state()
  private snapshot: RoomSnapshot = this.roomSession.snapshot;

  /** Where the room's sound goes: every tile inside plays through it. */
  @provide({ context: audioOutputContext })
  readonly audioOutput: AudioOutput = new AudioOutput({
    blockedChange: (blocked) => {
      this.requestUpdate();
      dispatchRoomEvent(this, blocked ? 'audio.blocked' : 'audio.unblocked', null);
    },
    error: (error) => this.reportError(error),
  });

  @state() private customLayout = false;

  /** Janus API URL: `ws://`/`wss://` (WebSocket transport) or `http://`/`https://`. */
  @property() server = '';

  /** Room name; created on first join when the server allows it and `create` is on. */
  @property() room = '';

  /** This member's name, shown to the others. */
  @property() identity = '';

  /** The room PIN, if it has one. */
  @property() pin = '';

  /** Publish the microphone (default on; `audio="false"` turns it off). */
  @property({ converter: onUnlessFalse }) audio = true;

  /** Publish the camera (default on; `video="false"` turns it off). */
  @property({ converter: onUnlessFalse }) video = true;

  /** Create the room if it does not exist (default on; `create="false"` turns it off). */
  @property({ converter: onUnlessFalse }) create = true;

  /** Join as soon as the element is in the document, and rejoin when the room settings change. */
  @property({ attribute: 'auto-join', type: Boolean, reflect: true }) autoJoin = false;

  /** Release the camera while it is muted, so its light goes off (default on; `="false"` keeps it). */
  @property({ attribute: 'stop-camera-while-muted', converter: onUnlessFalse }) stopCameraWhileMuted = true;

  /** Release the microphone while it is muted (default on; `="false"` keeps it). */
  @property({ attribute: 'stop-microphone-while-muted', converter: onUnlessFalse }) stopMicrophoneWhileMuted = true;

  /**
   * Turn the camera off while the page is hidden, and on again when it shows (mobile browsers give
   * a hidden page no camera frames). Unset: on for mobile browsers only.
   */
  @property({ attribute: 'stop-camera-in-background', converter: autoBoolean }) stopCameraInBackground: boolean | undefined;

  /** Milliseconds allowed for connecting, each Janus request and the media connection. */
  @property({ type: Number }) timeout = DEFAULT_TIMEOUT;

  /**
   * How easily this member counts as talking: 0 (never) to 100 (any sound). Unset: the room's
   * threshold (30 for rooms this library creates). See `setInputSensitivity()`.
   */
  @property({ attribute: 'input-sensitivity', type: Number }) inputSensitivity: number | undefined;

  /** ICE servers (STUN/TURN) for the PeerConnections; none by default. */
  @property({ attribute: false }) iceServers: RTCIceServer[] = [];

  private autoJoinQueued = false;
  private readonly reported = new WeakSet<Error>();

  constructor() {
    super();
    forwardRoomEvents(this.roomSession, this);
    this.roomSession.events.on('state', (snapshot) => {
      this.snapshot = snapshot;
      this.toggleAttribute('active', snapshot.state === 'connected');
      this.setAttribute('layout', featuredShare(snapshot.members) ? 'share' : 'grid');
      this.audioOutput.setSinkId(snapshot.self.speaker?.deviceId ?? '');
    });
  }

  /**
   * Joins with the current attributes. Rejects with a documented error (and fires `error`);
   * afterwards the element can join again. A join cancelled by `leave()` (or by removing the
   * element) rejects with an `AbortError` and fires nothing: it was not a failure.
   */
  async join(params?: JoinOptions): Promise<RoomSession> {
    this.roomSession.options = this.joinOptions();
    try {
      return await this.roomSession.join(params);
    } catch (error) {
      if ((error as Error).name !== 'AbortError') this.reportError(error as Error);
      throw error;
    }
  }

  override async setInputSensitivity(params: MemberParams & { value: number }): Promise<void> {
    await super.setInputSensitivity(params);
    if (params.memberId === undefined || params.memberId === this.memberId) this.inputSensitivity = params.value;
  }

  /**
   * Plays the room's sound that the browser's autoplay policy held back (`audio.blocked`). Call
   * it from a click or key handler: only a user gesture lets sound play.
   */
  startAudio(): Promise<void> {
    return this.audioOutput.startAudio();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.autoJoin) this.queueAutoJoin(false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A move within the document disconnects and reconnects synchronously: leave only if gone.
    queueMicrotask(() => {
      if (!this.isConnected) void this.roomSession.leave();
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The model reads its options when it joins, captures for a preview, or mutes.
    if (OPTION_PROPERTIES.some((name) => changed.has(name))) this.roomSession.options = this.joinOptions();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.autoJoin || !this.isConnected) return;
    const settingsChanged = JOIN_PROPERTIES.some((name) => changed.has(name) && changed.get(name) !== undefined);
    if (changed.has('autoJoin') || settingsChanged) this.queueAutoJoin(settingsChanged);
  }

  protected override render() {
    const strings = stringsFor(this);
    return html`
      ${this.audioOutput.blocked
        ? html`<div part="audio-blocked" role="alert">
            <span>${strings.audioBlocked}</span>
            <button part="start-audio" type="button" @click=${this.startAudio}>${strings.enableAudio}</button>
          </div>`
        : nothing}
      <slot @slotchange=${this.onSlotChange}></slot>
      ${this.customLayout ? nothing : this.renderLayout()}
      <slot name="controls" part="controls"></slot>
    `;
  }

  /**
   * The default layout: a grid of every member; while someone shares a screen, the share large
   * (the stage) and everyone else in a strip beside it, as Zoom, Meet and Teams do.
   */
  private renderLayout() {
    const members = this.snapshot.members;
    const featured = featuredShare(members);
    const tiles = (list: readonly Member[], part: string) =>
      repeat(
        list,
        (member) => member.id,
        (member) =>
          html`<participant-tile
            part=${part}
            exportparts="video: tile-video, placeholder: tile-placeholder, name: tile-name, mute-indicator: tile-mute-indicator"
            .member=${member}
          ></participant-tile>`,
      );
    if (!featured) return html`<div part="grid">${tiles(members, 'tile')}</div>`;
    return html`<div part="share-layout">
      <div part="stage">${tiles([featured], 'tile featured')}</div>
      <div part="strip">${tiles(members.filter((member) => member !== featured), 'tile')}</div>
    </div>`;
  }

  private joinOptions(): RoomSessionOptions {
    return {
      server: this.server,
      room: this.room,
      identity: this.identity,
      ...(this.pin ? { pin: this.pin } : {}),
      audio: this.audio,
      video: this.video,
      create: this.create,
      timeout: this.timeout,
      iceServers: this.iceServers,
      stopCameraWhileMuted: this.stopCameraWhileMuted,
      stopMicrophoneWhileMuted: this.stopMicrophoneWhileMuted,
      ...(this.stopCameraInBackground === undefined ? {} : { stopCameraInBackground: this.stopCameraInBackground }),
      ...(this.inputSensitivity === undefined || Number.isNaN(this.inputSensitivity) ? {} : { inputSensitivity: this.inputSensitivity }),
    };
  }

  /** Joins (or rejoins with new settings) after the current update, once per burst of changes. */
  private queueAutoJoin(rejoin: boolean): void {
    if (this.autoJoinQueued) return;
    this.autoJoinQueued = true;
    queueMicrotask(async () => {
      this.autoJoinQueued = false;
      if (!this.autoJoin || !this.isConnected) return;
      if (rejoin) await this.roomSession.leave();
      // Joined or joining: the same join. Aborted meanwhile (removed and re-added): a fresh one.
      this.join().catch(() => {
        // Reported through the `error` event.
      });
    });
  }

  private reportError(error: Error): void {
    // Callers that shared one join (join() and auto-join) report its failure once.
    if (this.reported.has(error)) return;
    this.reported.add(error);
    const unhandled = dispatchRoomEvent(this, 'error', { error });
    if (unhandled && this.autoJoin) console.error(`<video-room> could not join: ${error.name}: ${error.message}`);
  }

  private onSlotChange(event: Event): void {
    const slot = event.target as HTMLSlotElement;
    this.customLayout = slot
      .assignedNodes({ flatten: true })
      .some((node) => node.nodeType === Node.ELEMENT_NODE || (node.textContent ?? '').trim() !== '');
  }

  // Typed listeners for this element's events (they bubble, so ancestors get them too).
  override addEventListener<K extends keyof RoomEventMap>(
    type: K,
    listener: (this: VideoRoom, event: RoomEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(type: string, listener: unknown, options?: boolean | AddEventListenerOptions): void {
    super.addEventListener(type, listener as EventListenerOrEventListenerObject, options);
  }
}

import { provide } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { audioOutputContext, roomStateContext } from '../../src/context/context.js';
import { AudioOutput } from '../../src/controllers/audio-output.js';
import { dispatchRoomEvent, forwardRoomEvents } from '../../src/events/dom-events.js';
import type { RoomEventMap } from '../../src/events/event-map.js';
import { DEFAULT_RECONNECT_WINDOW, DEFAULT_TIMEOUT } from '../../src/room/options.js';
import type { MemberParams, RoomSession } from '../../src/room/room-session.js';
import type { BandwidthProfile, JoinOptions, RoomSessionOptions, RoomSnapshot } from '../../src/room/types.js';
import { LangController, stringsFor } from '../../src/i18n/strings.js';
import type { LayoutChoice } from '../../src/room/layout.js';
import { VERSION } from '../../src/version.js';
import { autoBoolean, joinOptionsOf, onUnlessFalse } from './converters.js';
import { LayoutView } from './layout-view.js';
import { Announcer } from './announcer.js';
import { renderNotices } from './notices.js';
import { RoomEmitterElement } from './room-emitter-element.js';
import { videoRoomStyles } from './video-room.styles.js';
import { themeStyles } from '../../src/styles/theme.js';

/** Properties that decide which room is joined, and how (auto-join rejoins when one changes). */
const JOIN_PROPERTIES = ['server', 'room', 'identity', 'pin', 'audio', 'video', 'create', 'timeout', 'iceServers'] as const;
/** Every property that feeds the room model's options. */
const OPTION_PROPERTIES = [
  ...JOIN_PROPERTIES,
  // A new token while joined renews it (`updateToken`) rather than joining again.
  'token',
  'stopCameraWhileMuted',
  'stopMicrophoneWhileMuted',
  'stopCameraInBackground',
  'inputSensitivity',
  'simulcast',
  'bandwidthProfile',
  'reconnectWindow',
] as const;

/**
 * A video room on a Janus server: joins it, publishes camera and microphone, and shows
 * every member in a `<participant-tile>`, laid out as SignalWire's layouts are (a responsive grid
 * by default; the share large while a screen is shared), or in your own layout.
 *
 * Host attributes set by the element (read-only, for CSS): `active` (joined), `reconnecting`
 * (the connection broke and is being restored; `active` stays), `layout-name` (the
 * layout shown: `grid-responsive`, `screen-share`, `highlight-1-responsive`...).
 *
 * Provides its `RoomSession` and its snapshots to descendants through `@lit/context`.
 *
 * @tagname video-room
 * @summary A video room on a Janus server: joins it, publishes camera and microphone, and shows every member in a `<participant-tile>`, laid out as SignalWire's layouts are (a responsive grid by default; the share large while a screen is shared), or in your own layout.
 *
 * @slot - Your own layout; replaces the default one. Descendant `<participant-tile member-id>`s
 *   find their members through context.
 * @slot controls - Shown below the grid (or your layout): `<room-controls slot="controls">`,
 *   `<device-select slot="controls">`. Anything inside gets the room through context.
 *
 * @csspart layout - The canvas the layout is drawn on (16:9 unless the room is given a height).
 * @csspart cell - The box of each slot; tiles of members with no slot are hidden (their sound plays).
 * @csspart featured - A tile in a large (reserved) slot: the share, or the speaker (it is a `tile` too).
 * @csspart pagination - Page buttons, shown while the grid has more than one page (over 25 tiles).
 * @csspart page-previous - The previous-page button.
 * @csspart page-next - The next-page button.
 * @csspart page-label - "Page 2 of 3".
 * @csspart controls - The `controls` slot.
 * @csspart audio-blocked - The notice shown while the browser holds back the room's sound.
 * @csspart reconnecting - The notice shown while the room is reconnecting (a live region).
 * @csspart recording - "Recording", shown while the room is being recorded (a live region).
 * @csspart start-audio - Its one-click "Enable audio" button.
 * @csspart announcer - The visually hidden live region that announces joins, leaves, mutes and cameras turned off or on.
 * @csspart tile - Each `<participant-tile>` of the default layout (its parts are exported as
 *   `tile-video`, `tile-placeholder`, `tile-name`, `tile-mute-indicator`, `tile-audio-level`,
 *   `tile-network-quality` and `tile-reconnecting`).
 *
 * @cssproperty --video-room-gap - Space between tiles.
 * @cssproperty --video-room-background - Background of the room.
 * @cssproperty --video-room-recording-background - Behind the recording indicator (default red).
 * @cssproperty --video-room-recording-color - Its text.
 * @cssproperty --video-room-aspect-ratio - Aspect ratio of the canvas when the room has no set height (default 16 / 9).
 * @cssproperty --video-room-notice-background - Behind the notices (audio blocked, reconnecting).
 * @cssproperty --video-room-notice-color - Text of the notices.
 *
 * @fires {RoomJoinedDetail} room.joined - This client joined (SignalWire). `detail.room_session.members` lists everyone.
 * @fires {RoomLeftDetail} room.left - This client left; `detail.reason` says why when it was not `leave()`.
 * @fires {MemberEventDetail} member.joined - Another member joined (SignalWire).
 * @fires {MemberEventDetail} member.left - A member left (SignalWire).
 * @fires {MemberListUpdatedDetail} memberList.updated - The member list or a member's state changed (SignalWire).
 * @fires {null} media.connected - Every PeerConnection of this client is up.
 * @fires {null} media.disconnected - This client left, or its connection broke and did not come back in time.
 * @fires {null} media.reconnecting - The connection broke and is being restored (then media.connected, or media.disconnected).
 * @fires {ParticipantEventDetail} participantConnected - Another member joined (Twilio): `detail.participant`.
 * @fires {ParticipantEventDetail} participantDisconnected - A member left (Twilio): `detail.participant`.
 * @fires {ParticipantEventDetail} participantReconnecting - A member's media stopped arriving, or it is not back yet after Janus restarted (Twilio): `detail.participant`.
 * @fires {ParticipantEventDetail} participantReconnected - That member is back (Twilio).
 * @fires {ReconnectingDetail} reconnecting - The connection to Janus, or the media, broke and is being restored (Twilio): `detail.error` (53001, 53002 or 53405).
 * @fires {null} reconnected - The room is whole again after reconnecting (Twilio).
 * @fires {TrackPublicationEventDetail} trackPublished - A member published a track after we joined (Twilio).
 * @fires {TrackPublicationEventDetail} trackUnpublished - A member unpublished a track (Twilio).
 * @fires {TrackEventDetail} trackSubscribed - A member's track arrived (Twilio): `detail.track.mediaStreamTrack`.
 * @fires {TrackEventDetail} trackUnsubscribed - A member's track went away (Twilio).
 * @fires {TrackEventDetail} trackStarted - Media of a member's track started flowing (Twilio).
 * @fires {TrackMessageDetail} trackMessage - Another member's data-track message (Twilio): `detail.data` (string or ArrayBuffer), `detail.track`, `detail.participant` (the sender).
 * @fires {TrackSubscriptionFailedDetail} trackSubscriptionFailed - A member's track could not be subscribed to (Twilio).
 * @fires {MemberUpdatedDetail} member.updated - A member's state changed (SignalWire): `detail.member.updated` lists the fields (`meta`, `handraised`, ...).
 * @fires {RoomUpdatedDetail} room.updated - The room's state changed (SignalWire; needs a token): `detail.room` (`locked`, `meta`, `prioritize_handraise`, `recording`), `detail.updated`.
 * @fires {AudienceCountDetail} room.audience_count - How many are in the audience (SignalWire; needs a token): `detail.total`.
 * @fires {MemberRoleDetail} member.promoted - This member was made a member from the audience (SignalWire): it now publishes.
 * @fires {MemberRoleDetail} member.demoted - This member was moved to the audience (SignalWire): it now only receives.
 * @fires {TokenAboutToExpireDetail} tokenAboutToExpire - The room token expires soon (Twilio): call `updateToken()`; `detail.expires`.
 * @fires {RecordingEventDetail} recording.started - The room is being recorded (SignalWire): `detail.recording` (`id`, `state`, `stop()`).
 * @fires {RecordingEventDetail} recording.ended - The recording stopped (SignalWire); its file is composed next.
 * @fires {RecordingEventDetail} recording.updated - A stopped recording's file is ready: `detail.recording.state` is `completed` (or `failed`).
 * @fires {RecordingStateDetail} recordingStarted - The room is being recorded (Twilio).
 * @fires {RecordingStateDetail} recordingStopped - The room is no longer being recorded (Twilio).
 * @fires {MemberEventDetail} member.talking - A member started or stopped talking (SignalWire): `detail.member.talking`.
 * @fires {DominantSpeakerChangedDetail} dominantSpeakerChanged - Another participant took the floor, or none holds it (Twilio): `detail.dominantSpeaker`.
 * @fires {LayoutChangedDetail} layout.changed - The layout, or who is where in it, changed (SignalWire): `detail.layout.layers`.
 * @fires {TrackEventDetail} trackEnabled - A member unmuted a track we receive (Twilio).
 * @fires {TrackEventDetail} trackDisabled - A member muted a track we receive (Twilio).
 * @fires {TrackEventDetail} trackSwitchedOff - Janus stopped relaying a video we receive: no tile shows it, or it is off-canvas (Twilio).
 * @fires {TrackEventDetail} trackSwitchedOn - Janus relays it again (Twilio).
 * @fires {TrackEventDetail} trackDimensionsChanged - A received video arrives at another size: its first frames, or another simulcast layer (Twilio).
 * @fires {NetworkQualityLevelChangedDetail} networkQualityLevelChanged - A participant's network quality level (0-5) changed, this client's too (Twilio).
 * @fires {DeviceUpdatedDetail} camera.updated - This client's camera changed (SignalWire): `detail.previous`, `detail.current`.
 * @fires {DeviceDisconnectedDetail} camera.disconnected - The camera in use went away; the default one replaces it.
 * @fires {DeviceUpdatedDetail} microphone.updated - This client's microphone changed (SignalWire).
 * @fires {DeviceDisconnectedDetail} microphone.disconnected - The microphone in use went away; the default one replaces it.
 * @fires {DeviceUpdatedDetail} speaker.updated - The speaker changed (SignalWire).
 * @fires {DeviceDisconnectedDetail} speaker.disconnected - The chosen speaker went away; the default one replaces it.
 * @fires {null} audio.blocked - The browser's autoplay policy holds back the room's sound until the user interacts: call `startAudio()` from a click (the element shows a button for it).
 * @fires {null} audio.unblocked - All of the room's sound plays.
 * @fires {DisconnectedDetail} disconnected - This client left (Twilio): `detail.error` is set when it was unexpected.
 * @fires {ErrorDetail} error - Joining failed, or something broke without ending the session: `detail.error`.
 *   Cancelable: call `preventDefault()` to keep an auto-join failure out of the console.
 */
export class VideoRoom extends RoomEmitterElement {
  static override styles = [themeStyles, videoRoomStyles];
  /** Re-renders the element's strings when the page's language (`lang`) or a string table changes. */
  protected readonly i18n = new LangController(this);
  private readonly announcer = new Announcer(this);
  /** The library's version, the same on every element (for bug reports). */
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

  /**
   * A room token from the room service (`janus-room-elements/server`): it names the server, the
   * room and the identity, so with it those attributes may be left out. Refreshed with `updateToken()`.
   */
  @property() token = '';

  /** Janus API URL: `ws://`/`wss://` (WebSocket transport) or `http://`/`https://` (default: the token's). */
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
   * Milliseconds a broken connection (network, media path, a Janus restart) is given to come
   * back before the room is left with `disconnected` and `room.left`
   * (`RECONNECTION_ATTEMPT_TIMEOUT`). Meanwhile the room is `reconnecting`.
   */
  @property({ attribute: 'reconnect-window', type: Number }) reconnectWindow = DEFAULT_RECONNECT_WINDOW;

  /**
   * How easily this member counts as talking: 0 (never) to 100 (any sound). Unset: the room's
   * threshold (30 for rooms this library creates). See `setInputSensitivity()`.
   */
  @property({ attribute: 'input-sensitivity', type: Number }) inputSensitivity: number | undefined;

  /**
   * The layout to show: one of `getLayouts()` (`grid-responsive`, `highlight-1-responsive` for a
   * speaker view, `screen-share`, `2x2`...). Unset: the grid, or the share layout while a screen
   * is shared. `setLayout()` sets it too.
   */
  @property({ reflect: true }) layout: LayoutChoice | '' = '';

  /**
   * Send the camera in simulcast layers (full, half and quarter size), so that small tiles on the
   * others' screens cost less (default on; `simulcast="false"` sends one stream). From the next join.
   */
  @property({ converter: onUnlessFalse }) simulcast = true;

  /**
   * What received video may cost (Twilio's `bandwidthProfile`): `{ video: {
   * clientTrackSwitchOffControl: 'auto' | 'manual', contentPreferencesMode: 'auto' | 'manual' } }`.
   * By default video no tile shows is switched off, and each tile gets the layer its size needs.
   */
  @property({ attribute: false }) bandwidthProfile: BandwidthProfile | undefined;

  /** ICE servers (STUN/TURN) for the PeerConnections; none by default. */
  @property({ attribute: false }) iceServers: RTCIceServer[] = [];

  private autoJoinQueued = false;
  private syncedLayout: LayoutChoice | '' = '';
  private readonly reported = new WeakSet<Error>();
  private readonly layoutView = new LayoutView(this, this.roomSession);

  constructor() {
    super();
    forwardRoomEvents(this.roomSession, this);
    this.roomSession.events.on('state', (snapshot) => {
      this.snapshot = snapshot;
      this.toggleAttribute('active', snapshot.state === 'connected' || snapshot.state === 'reconnecting');
      this.toggleAttribute('reconnecting', snapshot.state === 'reconnecting');
      this.setAttribute('layout-name', snapshot.layout.name);
      // A layout asked of the model (setLayout, a share's layout) shows in the attribute; only a
      // new choice does, so that a value the page just set is not overwritten before it applies.
      const chosen = this.chosenLayout();
      if (chosen !== this.syncedLayout) this.layout = this.syncedLayout = chosen;
      this.audioOutput.setSinkId(snapshot.self.speaker?.deviceId ?? '');
    });
  }

  /**
   * Joins with the current attributes. Rejects with a documented error (and fires `error`);
   * afterwards the element can join again. A join cancelled by `leave()` (or by removing the
   * element) rejects with an `AbortError` and fires nothing: it was not a failure.
   */
  async join(params?: JoinOptions): Promise<RoomSession> {
    this.roomSession.options = joinOptionsOf(this);
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
    const renew = changed.has('token') && this.token !== '' && this.roomSession.active && this.token !== this.roomSession.options.token;
    if (OPTION_PROPERTIES.some((name) => changed.has(name))) this.roomSession.options = joinOptionsOf(this);
    if (renew) {
      this.roomSession.updateToken(this.token).catch(() => {
        // Reported through the `error` event.
      });
    }
    if (changed.has('layout') && this.layout !== this.chosenLayout()) {
      this.roomSession.setLayout({ name: this.layout || 'auto' }).catch(() => {
        // A bad value is reported through the `error` event; the attribute goes back.
        this.layout = this.chosenLayout();
      });
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.autoJoin || !this.isConnected) return;
    const settingsChanged = JOIN_PROPERTIES.some((name) => changed.has(name) && changed.get(name) !== undefined);
    if (changed.has('autoJoin') || settingsChanged) this.queueAutoJoin(settingsChanged);
  }

  protected override render() {
    return html`
      ${renderNotices(stringsFor(this), this.snapshot, this.audioOutput.blocked, () => this.startAudio(), this.announcer.text)}
      <slot @slotchange=${this.onSlotChange}></slot>
      ${this.customLayout ? nothing : this.layoutView.render(this.snapshot)}
      <slot name="controls" part="controls"></slot>
    `;
  }

  private chosenLayout(): LayoutChoice | '' {
    const choice = this.roomSession.layoutChoice;
    return choice === 'auto' ? '' : choice;
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

  /** Typed listeners for this element's events (they bubble, so ancestors get them too). */
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

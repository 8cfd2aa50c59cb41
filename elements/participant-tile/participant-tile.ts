import { consume, provide } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { audioOutputContext, memberContext, roomContext, roomStateContext, type MemberContextValue } from '../../src/context/context.js';
import type { AudioOutput } from '../../src/controllers/audio-output.js';
import { MediaElementController } from '../../src/controllers/media-element-controller.js';
import { VideoViewController } from '../../src/controllers/video-view-controller.js';
import type { RoomSession } from '../../src/room/room-session.js';
import { LangController, stringsFor } from '../../src/i18n/strings.js';
import { handIcon, microphoneOffIcon } from '../../src/icons/icons.js';
import type { MemberLike, MemberMedia, RoomSnapshot } from '../../src/room/types.js';
import { VERSION } from '../../src/version.js';
import { participantTileStyles } from './participant-tile.styles.js';
import { themeStyles } from '../../src/styles/theme.js';

const NO_MEDIA: MemberMedia = Object.freeze({ audio: null, video: null, videoSwitchedOff: false, sources: new Map() });

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words
    .slice(0, 2)
    .map((word) => [...word][0])
    .join('');
}

/**
 * One member of a room: their video (or a placeholder), their audio, and their name.
 *
 * Inside a `<video-room>` the tile finds the member and its tracks through context; give it the
 * member with the `member-id` attribute or the `member` property (which wins). The local member's
 * camera is mirrored and its audio is never played back. A screen share shows whole (not cropped)
 * and is named after its owner ("Alice's screen").
 *
 * Host attributes set by the tile (read-only, for CSS): `local`, `unmirrored` (the room's `localOverlay.setMirror(false)`), `type` (`member`, `screen` or
 * `device`), `audio-muted`, `video-muted`, `deaf`, `talking` (Janus hears the member talk), `handraised`,
 * `dominant` (the room's dominant speaker), `reconnecting` (its media is being restored: this
 * client's room is reconnecting, or the member's media stopped arriving), `network-quality` (0-5, once measured), `switched-off` (its video is not relayed: the tile is
 * off screen or hidden, so it costs no bandwidth or decoding; it shows the placeholder), and
 * `audio-blocked` (the browser's autoplay policy holds the audio until the next click or key).
 *
 * Inside a room the tile tells it whether it is on screen and how large, so that video nobody can
 * see is switched off at Janus and small tiles get a small simulcast layer.
 *
 * @tagname participant-tile
 * @summary One member of a room: their video (or a placeholder), their audio, and their name.
 *
 * @csspart video - The `<video>` element (reused for the tile's whole life).
 * @csspart placeholder - Shown instead of the video when the member has none (their initials).
 * @csspart name - The member's name.
 * @csspart mute-indicator - The microphone-off icon, shown while the member's microphone is muted.
 * @csspart overlay - The layer over the video that holds slotted content.
 * @csspart network-quality - Five bars for the member's network quality (0-5), once measured.
 * @csspart audio-level - The live level of the member's audio beside the name (an `<audio-level>`; hidden while muted).
 * @csspart hand - The raised-hand badge, shown while the member's hand is up (SignalWire `handraised`).
 * @csspart reconnecting - "Reconnecting…", shown while the member's media is being restored (a live region).
 *
 * @slot - Overlays drawn over the tile (badges, controls); they get the member through context.
 *
 * @cssproperty --participant-tile-background - Tile background.
 * @cssproperty --participant-tile-radius - Corner radius.
 * @cssproperty --participant-tile-aspect-ratio - Aspect ratio (default 16 / 9).
 * @cssproperty --participant-tile-object-fit - How the video fills the tile (default cover).
 * @cssproperty --participant-tile-local-mirror - -1 mirrors the self-view (default), 1 does not.
 * @cssproperty --participant-tile-placeholder-color - Colour of the initials.
 * @cssproperty --participant-tile-name-background - Name label background.
 * @cssproperty --participant-tile-name-color - Name label colour.
 *
 * @cssproperty --participant-tile-screen-object-fit - How a screen share fills the tile (default contain).
 * @cssproperty --participant-tile-talking-color - The ring drawn while the member talks.
 * @cssproperty --participant-tile-talking-width - Its width (default 3px).
 * @cssproperty --participant-tile-quality-color - Lit bars at levels 4 and 5.
 * @cssproperty --participant-tile-quality-fair-color - Lit bars at level 3.
 * @cssproperty --participant-tile-quality-poor-color - Lit bars at levels 0 to 2.
 * @cssproperty --participant-tile-hand-background - Behind the raised-hand badge.
 * @cssproperty --participant-tile-reconnecting-background - Behind "Reconnecting…" (default translucent black).
 * @cssproperty --participant-tile-color - Text colour.
 * @cssproperty --participant-tile-font - Font (default inherit).
 * @cssproperty --participant-tile-placeholder-size - Size of the initials (default 2.5rem).
 * @cssproperty --participant-tile-name-size - Font size of the name label.
 * @cssproperty --participant-tile-mute-color - Colour of the microphone-off icon.
 */
export class ParticipantTile extends LitElement {
  static override styles = [themeStyles, participantTileStyles];
  /** Re-renders the element's strings when the page's language (`lang`) or a string table changes. */
  protected readonly i18n = new LangController(this);
  /** The library's version, the same on every element (for bug reports). */
  static readonly version = VERSION;

  private readonly videoController = new MediaElementController(this, () => this.videoElement);
  private readonly audioController = new MediaElementController(this, () => this.audioElement, () => this.audioOutput);
  private readonly viewController = new VideoViewController(this, () => this.reportView());
  /** The room last told what this tile shows. */
  private reportedTo: RoomSession | undefined;

  @query('video') private videoElement?: HTMLVideoElement;
  @query('audio') private audioElement?: HTMLAudioElement;

  @consume({ context: roomStateContext, subscribe: true })
  @state()
  private roomState: RoomSnapshot | undefined;

  @consume({ context: roomContext, subscribe: true })
  @state()
  private roomSession: RoomSession | undefined;

  @consume({ context: audioOutputContext, subscribe: true })
  @state()
  private audioOutput: AudioOutput | undefined;

  @provide({ context: memberContext })
  @state()
  private memberValue: MemberContextValue | undefined;

  /** The id of the member to show (looked up in the enclosing room). */
  @property({ attribute: 'member-id', reflect: true }) memberId = '';

  /** The member to show; wins over `member-id`. Needs at least `id` and `name`. */
  @property({ attribute: false }) member?: MemberLike;

  /** The member shown, after resolving `member` / `member-id` against the room. */
  get resolvedMember(): MemberLike | undefined {
    if (this.member) return this.member;
    if (!this.memberId) return undefined;
    return this.roomState?.members.find((member) => member.id === this.memberId);
  }

  /** Whether the member's microphone is muted (or it sends none). */
  get audioMuted(): boolean {
    return this.resolvedMember?.audio_muted ?? !this.media.audio;
  }

  /** Whether the member's camera is off (or it sends none). */
  get videoMuted(): boolean {
    return this.resolvedMember?.video_muted ?? !this.media.video;
  }

  /** The member's tracks, from the enclosing room. */
  get media(): MemberMedia {
    const id = this.resolvedMember?.id;
    return (id && this.roomState?.media.get(id)) || NO_MEDIA;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const member = this.resolvedMember;
    const media = this.media;
    const local = member?.local === true;
    this.toggleAttribute('local', local);
    // The room's self-view settings (SignalWire `localOverlay`, `applyLocalVideoOverlay`).
    const self = local && member?.type !== 'screen' ? this.roomState?.self : undefined;
    this.toggleAttribute('unmirrored', self?.mirrored === false);
    if (member?.type) this.setAttribute('type', member.type);
    else this.removeAttribute('type');
    this.toggleAttribute('video-muted', this.videoMuted);
    this.toggleAttribute('audio-muted', this.audioMuted);
    this.toggleAttribute('deaf', member?.deaf === true);
    this.toggleAttribute('talking', member?.talking === true);
    this.toggleAttribute('handraised', member?.handraised === true);
    this.toggleAttribute('dominant', member !== undefined && this.roomState?.dominantSpeakerId === member.id);
    this.toggleAttribute('audio-blocked', this.audioController.blocked);
    this.toggleAttribute('switched-off', media.videoSwitchedOff);
    this.toggleAttribute('reconnecting', this.reconnecting);
    const quality = this.networkQuality;
    if (quality === null) this.removeAttribute('network-quality');
    else this.setAttribute('network-quality', String(quality));
    if (!this.hasAttribute('role')) this.setAttribute('role', 'group');
    // The group's name says what the picture cannot: "Alice, microphone muted, camera off".
    const strings = stringsFor(this);
    const screen = member?.type === 'screen';
    // A share that sends no sound is not "muted": it just has none.
    const states = [
      this.reconnecting && strings.reconnecting,
      this.audioMuted && !screen && strings.microphoneMuted,
      this.videoMuted && !screen && strings.cameraOff,
      member?.handraised && strings.handRaised,
    ].filter(Boolean);
    if (member?.name) this.setAttribute('aria-label', [this.label, ...states].join(', '));
    else this.removeAttribute('aria-label');
    if (member !== this.memberValue?.member || media !== this.memberValue?.media) {
      this.memberValue = member && { member, media };
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const media = this.media;
    const hiddenSelf = this.resolvedMember?.local === true && this.resolvedMember.type !== 'screen' && this.roomState?.self.overlay === false;
    this.videoController.show(this.videoMuted || hiddenSelf ? null : media.video);
    // Never play our own microphone back.
    this.audioController.show(this.resolvedMember?.local ? null : media.audio);
    this.reportView();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.reportedTo?.reportVideoView(this, null);
    this.reportedTo = undefined;
  }

  /** Tells the room whether this tile shows a remote member's video on screen, and how wide. */
  private reportView(): void {
    const session = this.isConnected ? this.roomSession : undefined;
    if (this.reportedTo && this.reportedTo !== session) this.reportedTo.reportVideoView(this, null);
    this.reportedTo = session;
    const member = this.resolvedMember;
    const view = this.viewController.state;
    session?.reportVideoView(this, member && !member.local && view ? { memberId: member.id, ...view } : null);
  }

  /**
   * Whether the member's media is being restored: this client's own while its room reconnects,
   * another member's while Twilio would call it `reconnecting` (its media stopped arriving, or it
   * is not back yet after Janus restarted).
   */
  get reconnecting(): boolean {
    const member = this.resolvedMember;
    const state = this.roomState;
    if (!member || !state) return false;
    if (member.local) return state.state === 'reconnecting';
    return state.participants.get(member.parent_id ?? member.id)?.state === 'reconnecting';
  }

  /** The member's network quality level (0-5), null until measured. */
  get networkQuality(): number | null {
    const id = this.resolvedMember?.id;
    return id ? (this.roomState?.networkQuality.get(id)?.level ?? null) : null;
  }

  /** The member's name as shown: a screen share is "Alice's screen". */
  private get label(): string {
    const member = this.resolvedMember;
    if (!member?.name) return '';
    return member.type === 'screen' ? stringsFor(this).screenOf(member.name) : member.name;
  }

  private renderQuality() {
    const level = this.networkQuality;
    if (level === null) return nothing;
    const label = stringsFor(this).networkQuality(level);
    return html`<span part="network-quality" role="img" aria-label=${label} title=${label}>
      ${[1, 2, 3, 4, 5].map((bar) => html`<span class="bar" ?data-on=${bar <= level}></span>`)}
    </span>`;
  }

  protected override render() {
    const member = this.resolvedMember;
    const name = member?.name ?? '';
    const showMute = this.audioMuted && member !== undefined && member.type !== 'screen';
    // Switched off, the video would freeze on its last frame: the placeholder shows instead.
    const hasVideo = this.media.video !== null && !this.videoMuted && !this.media.videoSwitchedOff;
    return html`
      <video part="video" ?hidden=${!hasVideo} autoplay playsinline muted aria-hidden="true"></video>
      ${hasVideo ? nothing : html`<div part="placeholder" aria-hidden="true">${initials(name)}</div>`}
      <audio></audio>
      <span part="name"
        >${showMute
          ? html`<span part="mute-indicator">${microphoneOffIcon}</span>`
          : this.media.audio
            ? html`<audio-level part="audio-level" aria-hidden="true" bars="3" .track=${this.media.audio}></audio-level>`
            : nothing}${this.label}</span
      >
      ${this.renderQuality()}
      ${member?.handraised ? html`<span part="hand" aria-hidden="true">${handIcon}</span>` : nothing}
      <span part="reconnecting" role="status">${this.reconnecting ? stringsFor(this).reconnecting : nothing}</span>
      <div part="overlay"><slot></slot></div>
    `;
  }
}

import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { MediaElementController } from '../../src/controllers/media-element-controller.js';
import { LevelController } from '../../src/controllers/level-controller.js';
import { RoomController } from '../../src/controllers/room-controller.js';
import { LangController, stringsFor } from '../../src/i18n/strings.js';
import type { RoomSession } from '../../src/room/room-session.js';
import { VERSION } from '../../src/version.js';
import { localPreviewStyles } from './local-preview.styles.js';
import { themeStyles } from '../../src/styles/theme.js';

/**
 * The check before joining: your camera (mirrored) and a live microphone level, for
 * the room it sits in or the `<video-room>` its `for` attribute names.
 *
 * While on the page it captures camera and microphone as the room's next join would (muted
 * sources stay off), so the user sees that both work, as Twilio's best practices advise; `join()`
 * then publishes these very tracks (no second capture). Removing it releases the devices unless
 * the room is using them. A capture failure shows its reason, and the room fires `error`.
 *
 * @tagname local-preview
 * @summary The check before joining: your camera (mirrored) and a live microphone level, for the room it sits in or the `<video-room>` its `for` attribute names.
 *
 * @csspart video - The camera picture.
 * @csspart placeholder - Shown when there is no camera picture.
 * @csspart meter - The microphone level meter (`role="meter"`, 0-100).
 * @csspart meter-level - The meter's bar; its width is `--level` (0 to 1).
 * @csspart error - Why capturing failed.
 *
 * @cssproperty --local-preview-aspect-ratio - Aspect ratio (default 16 / 9).
 * @cssproperty --local-preview-mirror - -1 mirrors the picture (default), 1 does not.
 * @cssproperty --local-preview-object-fit - How the picture fills the box (default cover).
 * @cssproperty --local-preview-background - Background.
 * @cssproperty --local-preview-meter-color - Colour of the level bar.
 * @cssproperty --local-preview-meter-height - Height of the level meter.
 * @cssproperty --local-preview-radius - Corner radius.
 * @cssproperty --local-preview-color - Text colour.
 * @cssproperty --local-preview-placeholder-color - Colour of "Camera off".
 * @cssproperty --local-preview-error-background - Behind an error message over the preview.
 * @cssproperty --local-preview-meter-background - The unlit part of the microphone meter.
 */
export class LocalPreview extends LitElement {
  static override styles = [themeStyles, localPreviewStyles];
  /** Re-renders the element's strings when the page's language (`lang`) or a string table changes. */
  protected readonly i18n = new LangController(this);
  /** The library's version, the same on every element (for bug reports). */
  static readonly version = VERSION;

  private readonly room = new RoomController(this, () => this.for);
  private readonly video = new MediaElementController(this, () => this.videoElement);
  private holding: RoomSession | undefined;
  /** The microphone's level, written straight to the meter (no re-render per sample). */
  private readonly meter = new LevelController(this, (level) => {
    this.meterElement?.style.setProperty('--level', String(level));
    this.meterElement?.setAttribute('aria-valuenow', String(Math.round(level * 100)));
  });

  @query('video') private videoElement?: HTMLVideoElement;
  @query('[part="meter"]') private meterElement?: HTMLElement;

  @state() private failure: Error | undefined;

  /** The id of the `<video-room>` to preview for, when not inside it. */
  @property({ reflect: true }) for = '';

  /** The microphone's current level, 0 (silence) to 1. */
  get level(): number {
    return this.meter.level;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.hold(undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('for')) this.room.resolve();
    if (this.isConnected) this.hold(this.room.session);
  }

  protected override updated(): void {
    const self = this.room.snapshot?.self;
    this.video.show(self?.camera ?? null);
    this.meter.follow(self?.microphone ?? null);
  }

  protected override render() {
    const strings = stringsFor(this);
    const self = this.room.snapshot?.self;
    const camera = self?.camera ?? null;
    return html`
      <video part="video" ?hidden=${!camera} autoplay playsinline muted aria-hidden="true"></video>
      ${camera ? nothing : html`<div part="placeholder">${strings.previewOff}</div>`}
      ${self?.microphone
        ? html`<div part="meter" role="meter" aria-label=${strings.microphoneLevel} aria-valuemin="0" aria-valuemax="100" aria-valuenow="0">
            <div part="meter-level"></div>
          </div>`
        : nothing}
      ${this.failure ? html`<div part="error" role="alert" title=${this.failure.message}>${strings.mediaError(this.failure.name)}</div>` : nothing}
    `;
  }

  /** Holds the local media of `session` (and lets go of any other). */
  private hold(session: RoomSession | undefined): void {
    if (session === this.holding) return;
    this.holding?.releaseLocalMedia(this);
    this.holding = session;
    this.failure = undefined;
    session?.holdLocalMedia(this).catch((error: Error) => {
      if (this.holding === session) this.failure = error;
    });
  }
}

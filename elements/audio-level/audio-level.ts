import { consume } from '@lit/context';
import { LitElement, html, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { memberContext, roomStateContext, type MemberContextValue } from '../../src/context/context.js';
import { LevelController } from '../../src/controllers/level-controller.js';
import { RoomController } from '../../src/controllers/room-controller.js';
import { LangController, stringsFor } from '../../src/i18n/strings.js';
import type { RoomSnapshot } from '../../src/room/types.js';
import { VERSION } from '../../src/version.js';
import { audioLevelStyles } from './audio-level.styles.js';
import { themeStyles } from '../../src/styles/theme.js';

/**
 * A live audio level as a few bars: of a track you give it, of the member whose tile it
 * sits in, or of a member of a room (`member-id`), for example beside a name.
 *
 * Every meter on the page shares one `AudioContext` and one timer; a new level sets one CSS
 * custom property, so the bars re-render nothing. Where to read from, first found: the `track`
 * property; `member-id` in the `<video-room>` it sits in (or the one `for` names); the member of
 * the `<participant-tile>` it is slotted into.
 *
 * @tagname audio-level
 * @summary A live audio level as a few bars: of a track you give it, of the member whose tile it sits in, or of a member of a room (`member-id`), for example beside a name.
 *
 * @csspart meter - The bars (`role="meter"`, `aria-valuenow` 0-100).
 * @csspart bar - Each bar.
 *
 * @cssproperty --audio-level-color - Colour of the bars.
 * @cssproperty --audio-level-off-opacity - Opacity of an unlit bar (default 0.3).
 * @cssproperty --audio-level-height - Height of the tallest bar (default 1em).
 * @cssproperty --audio-level-bar-width - Width of a bar (default 3px).
 * @cssproperty --audio-level-gap - Space between bars (default 2px).
 */
export class AudioLevel extends LitElement {
  static override styles = [themeStyles, audioLevelStyles];
  /** Re-renders the element's strings when the page's language (`lang`) or a string table changes. */
  protected readonly i18n = new LangController(this);
  /** The library's version, the same on every element (for bug reports). */
  static readonly version = VERSION;

  /** The room `for` names (made only then: a meter in a tile follows no room). */
  private forRoom: RoomController | undefined;
  private readonly meter = new LevelController(this, (level) => {
    this.style.setProperty('--level', String(level));
    this.meterElement?.setAttribute('aria-valuenow', String(Math.round(level * 100)));
  });

  @query('[part="meter"]') private meterElement?: HTMLElement;

  @consume({ context: memberContext, subscribe: true })
  @state()
  private tileMember: MemberContextValue | undefined;

  @consume({ context: roomStateContext, subscribe: true })
  @state()
  private roomState: RoomSnapshot | undefined;

  /** The audio track to meter; wins over `member-id`. */
  @property({ attribute: false }) track: MediaStreamTrack | null = null;

  /** The member whose audio to meter, in the room this element is in (or the one `for` names). */
  @property({ attribute: 'member-id', reflect: true }) memberId = '';

  /** The id of a `<video-room>` to find `member-id` in, when not inside it. */
  @property({ reflect: true }) for = '';

  /** How many bars (default 5). */
  @property({ type: Number }) bars = 5;

  /** The current level, 0 (silence) to 1 (full scale), on a logarithmic scale. */
  get level(): number {
    return this.meter.level;
  }

  /** The track metered now, if any. */
  get meteredTrack(): MediaStreamTrack | null {
    if (this.track) return this.track;
    const snapshot = this.for ? this.forRoom?.snapshot : this.roomState;
    if (this.memberId) return snapshot?.media.get(this.memberId)?.audio ?? null;
    return this.tileMember?.media.audio ?? null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('for') || !this.for) return;
    this.forRoom ??= new RoomController(this, () => this.for);
    this.forRoom.resolve();
  }

  protected override updated(): void {
    this.meter.follow(this.isConnected ? this.meteredTrack : null);
  }

  protected override render() {
    const bars = Math.max(1, Math.min(20, Math.round(this.bars) || 5));
    return html`<div
      part="meter"
      role="meter"
      aria-label=${stringsFor(this).audioLevel}
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow=${Math.round(this.meter.level * 100)}
      style=${`--bars: ${bars}`}
    >
      ${Array.from({ length: bars }, (_, i) => html`<span part="bar" style=${`--i: ${i + 1}`}></span>`)}
    </div>`;
  }
}

import { provide } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { roomStateContext } from '../../src/context/context.js';
import { RoomController } from '../../src/controllers/room-controller.js';
import { LangController, stringsFor } from '../../src/i18n/strings.js';
import { screenShareIcon } from '../../src/icons/icons.js';
import { supportsScreenShare } from '../../src/media/devices.js';
import { featuredShare } from '../../src/room/layout.js';
import type { Member, RoomSnapshot } from '../../src/room/types.js';
import { VERSION } from '../../src/version.js';
import { screenShareStyles } from './screen-share.styles.js';
import { themeStyles } from '../../src/styles/theme.js';

export type ScreenShareMode = 'button' | 'view' | 'both';

const MODES: readonly ScreenShareMode[] = ['button', 'view', 'both'];

/**
 * A button that starts and stops this client's screen share, and a large view of a share,
 * for the room it sits in or the `<video-room>` its `for` attribute names.
 *
 * The button is a native toggle (`aria-pressed`: sharing). Where the browser cannot share a
 * screen (mobile browsers have no `getDisplayMedia`) it is disabled and says why in its title and
 * tooltip; before joining it says to join first. A cancelled picker changes nothing (the room
 * fires `error` with a `NotAllowedError`). The view shows the share `member-id` names, or the
 * latest share (another member's before this client's own), and nothing while there is none.
 *
 * Host attributes set by the element (read-only, for CSS): `sharing` (this client shares a
 * screen), `showing` (the view shows a share).
 *
 * @tagname screen-share
 * @summary A button that starts and stops this client's screen share, and a large view of a share, for the room it sits in or the `<video-room>` its `for` attribute names.
 *
 * @csspart button - The start/stop button.
 * @csspart tooltip - Its tooltip.
 * @csspart view - The `<participant-tile>` showing the share (its parts are exported as
 *   `view-video`, `view-placeholder` and `view-name`).
 *
 * @cssproperty --screen-share-button-size - Diameter of the button (default 2.75rem).
 * @cssproperty --screen-share-button-background - Background of the button while not sharing.
 * @cssproperty --screen-share-active-background - Background of the button while sharing.
 * @cssproperty --screen-share-gap - Space between the view and the button (mode `both`).
 * @cssproperty --screen-share-font - Font (default inherit).
 * @cssproperty --screen-share-color - Icon colour of the button while not sharing.
 */
export class ScreenShare extends LitElement {
  static override styles = [themeStyles, screenShareStyles];
  /** Re-renders the element's strings when the page's language (`lang`) or a string table changes. */
  protected readonly i18n = new LangController(this);
  /** The library's version, the same on every element (for bug reports). */
  static readonly version = VERSION;

  private readonly room = new RoomController(this, () => this.for);

  /** The room's snapshot, for the view's tile (which finds its media through this context). */
  @provide({ context: roomStateContext })
  @state()
  protected snapshot: RoomSnapshot | undefined;

  @state() private pending = false;

  /** The id of the `<video-room>` to work with, when this element is not inside it. */
  @property({ reflect: true }) for = '';

  /** What to show: `button` (default), `view` (the share, large), or `both`. */
  @property({ reflect: true }) mode: ScreenShareMode = 'button';

  /** The screen-share member to show; empty: the latest share. */
  @property({ attribute: 'member-id', reflect: true }) memberId = '';

  /** Share the screen's (or tab's) sound too, where the browser offers it. */
  @property({ type: Boolean, reflect: true }) audio = false;

  /** The share the view shows, if any. */
  get share(): Member | undefined {
    const members = this.room.snapshot?.members ?? [];
    return this.memberId ? members.find((member) => member.id === this.memberId && member.type === 'screen') : featuredShare(members);
  }

  /**
   * Starts sharing (the browser's picker), or stops every share of this client. Resolves once
   * done; a cancelled picker or a failure resolves too (the room fires `error`).
   */
  async toggle(): Promise<void> {
    const session = this.room.session;
    if (!session || this.pending || !supportsScreenShare()) return;
    this.pending = true;
    try {
      const shares = session.screenShareList;
      if (shares.length > 0) await Promise.all(shares.map((share) => share.leave()));
      else await session.startScreenShare({ audio: this.audio });
    } catch {
      // The room reports it (its `error` event); the button shows the state as it is.
    } finally {
      this.pending = false;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('for')) this.room.resolve();
    if (!MODES.includes(this.mode)) this.mode = 'button';
    this.snapshot = this.room.snapshot;
    this.toggleAttribute('sharing', this.room.snapshot?.self.screenShare === 'on');
    this.toggleAttribute('showing', this.mode !== 'button' && this.share !== undefined);
  }

  protected override render() {
    return html`${this.mode === 'button' ? nothing : this.renderView()}${this.mode === 'view' ? nothing : this.renderButton()}`;
  }

  private renderView() {
    const share = this.share;
    return share
      ? html`<participant-tile part="view" exportparts="video: view-video, placeholder: view-placeholder, name: view-name" .member=${share}></participant-tile>`
      : nothing;
  }

  private renderButton() {
    const strings = stringsFor(this);
    const sharing = this.room.snapshot?.self.screenShare ?? 'off';
    const joined = this.room.snapshot?.state === 'connected';
    const supported = supportsScreenShare();
    const label = sharing === 'on' ? strings.stopSharing : sharing === 'starting' ? strings.startingShare : strings.shareScreen;
    const why = !supported ? strings.screenShareUnsupported : !joined ? strings.joinToShare : '';
    return html`<span class="control">
      <button
        part="button"
        type="button"
        aria-label=${label}
        aria-pressed=${sharing === 'on' ? 'true' : 'false'}
        aria-busy=${sharing === 'starting' || this.pending ? 'true' : 'false'}
        aria-disabled=${why || this.pending ? 'true' : 'false'}
        ?disabled=${!supported}
        title=${why || label}
        @click=${() => (why ? undefined : this.toggle())}
      >
        ${screenShareIcon}
      </button>
      <span part="tooltip" aria-hidden="true">${why || label}</span>
    </span>`;
  }
}

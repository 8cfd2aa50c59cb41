import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RoomController } from '../../src/controllers/room-controller.js';
import { LangController, stringsFor } from '../../src/i18n/strings.js';
import { cameraIcon, cameraOffIcon, handIcon, leaveIcon, microphoneIcon, microphoneOffIcon } from '../../src/icons/icons.js';
import { VERSION } from '../../src/version.js';
import { roomControlsStyles } from './room-controls.styles.js';
import { themeStyles } from '../../src/styles/theme.js';

type Action = 'microphone' | 'camera' | 'hand' | 'leave';

/**
 * Microphone and camera toggles and a Leave button, for the room it sits in or the
 * `<video-room>` its `for` attribute names. Works before joining too (join muted).
 *
 * Native buttons: Tab moves between them, Space or Enter presses one. The toggles say their state
 * with `aria-pressed` (pressed: muted); every button has a name and a tooltip (on hover and on
 * keyboard focus). Leave cancels a join under way, and only shows while joining or joined. The
 * hand toggle (SignalWire `setRaisedHand`, pressed: raised) shows while joined with a room token
 * that lets this member raise its hand.
 * Failures reach the page through the room's `error` event.
 *
 * @tagname room-controls
 * @summary Microphone and camera toggles and a Leave button, for the room it sits in or the `<video-room>` its `for` attribute names. Works before joining too (join muted).
 *
 * @csspart bar - The group holding the buttons.
 * @csspart button - Every button (also `microphone`, `camera`, `leave`).
 * @csspart microphone - The microphone toggle.
 * @csspart camera - The camera toggle.
 * @csspart hand - The raise-hand toggle.
 * @csspart leave - The Leave (or Cancel joining) button.
 * @csspart tooltip - The tooltips.
 *
 * @cssproperty --room-controls-size - Diameter of the round buttons (default 2.75rem).
 * @cssproperty --room-controls-gap - Space between buttons.
 * @cssproperty --room-controls-background - Background of the bar.
 * @cssproperty --room-controls-color - Icon colour.
 * @cssproperty --room-controls-button-background - Background of a toggle that is on.
 * @cssproperty --room-controls-muted-background - Background of a toggle that is muted.
 * @cssproperty --room-controls-leave-background - Background of the Leave button.
 * @cssproperty --room-controls-hand-background - Background of the hand toggle while the hand is raised.
 * @cssproperty --room-controls-font - Font (default inherit).
 * @cssproperty --room-controls-padding - Space around the buttons (default 0.5rem).
 * @cssproperty --room-controls-muted-color - Icon colour of a toggle while muted.
 */
export class RoomControls extends LitElement {
  static override styles = [themeStyles, roomControlsStyles];
  /** Re-renders the element's strings when the page's language (`lang`) or a string table changes. */
  protected readonly i18n = new LangController(this);
  /** The library's version, the same on every element (for bug reports). */
  static readonly version = VERSION;

  private readonly room = new RoomController(this, () => this.for);

  /** Buttons whose action is under way (they stay focusable, but refuse a second press). */
  @state() private pending = new Set<Action>();

  /** The id of the `<video-room>` to control, when the controls are not inside it. */
  @property({ reflect: true }) for = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('for')) this.room.resolve();
  }

  protected override render() {
    const strings = stringsFor(this);
    const self = this.room.snapshot?.self;
    const state = this.room.snapshot?.state ?? 'disconnected';
    const noRoom = !this.room.session;
    const toggle = (action: 'microphone' | 'camera' | 'hand', label: string, muted: boolean, on: unknown, off: unknown) =>
      html`<span class="control">
        <button
          part="button ${action}"
          type="button"
          aria-label=${label}
          aria-pressed=${muted ? 'true' : 'false'}
          aria-disabled=${this.pending.has(action) || noRoom ? 'true' : 'false'}
          @click=${() => this.run(action)}
        >
          ${muted ? off : on}
        </button>
        <span part="tooltip" aria-hidden="true">${label}</span>
      </span>`;
    const leaveLabel = state === 'connecting' ? strings.cancelJoin : strings.leave;
    return html`<div part="bar" role="group" aria-label=${strings.roomControls}>
      ${toggle('microphone', strings.muteMicrophone, self?.audioMuted ?? false, microphoneIcon, microphoneOffIcon)}
      ${toggle('camera', strings.muteCamera, self?.videoMuted ?? false, cameraIcon, cameraOffIcon)}
      ${this.canRaiseHand() ? toggle('hand', this.handRaised ? strings.lowerHand : strings.raiseHand, this.handRaised, handIcon, handIcon) : nothing}
      ${state === 'disconnected'
        ? nothing
        : html`<span class="control">
            <button part="button leave" type="button" aria-disabled=${this.pending.has('leave') ? 'true' : 'false'} @click=${() => this.run('leave')}>
              ${leaveIcon}<span>${leaveLabel}</span>
            </button>
          </span>`}
    </div>`;
  }

  /** This member's hand is up. */
  private get handRaised(): boolean {
    const snapshot = this.room.snapshot;
    return snapshot?.members.find((m) => m.id === snapshot.memberId)?.handraised ?? false;
  }

  private canRaiseHand(): boolean {
    const snapshot = this.room.snapshot;
    const permissions = snapshot?.state === 'connected' ? snapshot.service?.permissions : undefined;
    return !!permissions?.includes(this.handRaised ? 'video.member.lowerhand' : 'video.member.raisehand');
  }

  private async run(action: Action): Promise<void> {
    const session = this.room.session;
    const self = this.room.snapshot?.self;
    if (!session || !self || this.pending.has(action)) return;
    this.pending = new Set(this.pending).add(action);
    try {
      if (action === 'leave') await session.leave();
      else if (action === 'hand') await session.setRaisedHand({ raised: !this.handRaised });
      else if (action === 'microphone') await (self.audioMuted ? session.audioUnmute() : session.audioMute());
      else await (self.videoMuted ? session.videoUnmute() : session.videoMute());
    } catch {
      // The room reports it (its `error` event); the buttons show the state as it is.
    } finally {
      const pending = new Set(this.pending);
      pending.delete(action);
      this.pending = pending;
    }
  }
}

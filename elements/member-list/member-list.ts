import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RoomController } from '../../src/controllers/room-controller.js';
import { handIcon } from '../../src/icons/icons.js';
import { LangController, stringsFor, type Strings } from '../../src/i18n/strings.js';
import type { Member } from '../../src/room/types.js';
import { VERSION } from '../../src/version.js';
import { memberListStyles } from './member-list.styles.js';
import { themeStyles } from '../../src/styles/theme.js';

type MemberAction = 'audio' | 'video' | 'hand' | 'remove' | 'demote';

/**
 * Who is in the room, with their state (muted, camera off, deaf, talking, hand raised), how many are
 * in the audience (whose members are not listed, not even to themselves) and whether the room is
 * locked; and, where the viewer's room token grants it, the moderation actions (mute, camera
 * off, remove, move to the audience, lock) and the audience, each with Promote.
 *
 * Sits inside a `<video-room>` or names one with `for`. Names are shown as text, never as markup.
 * Native buttons, each named after its member ("Mute Bob"): Tab moves between them, Space or
 * Enter presses one; the toggles (mute, camera off, lock) keep their name and say their state with
 * `aria-pressed` (pressed: muted, off, locked), as `<room-controls>` does. Talking is shown by a
 * coloured edge and said in the member's state text. Failures reach the page through the room's
 * `error` event (and the method's rejection).
 *
 * @tagname member-list
 * @summary Who is in the room, with their state (muted, camera off, deaf, talking, hand raised), how many are in the audience (whose members are not listed, not even to themselves) and whether the room is locked; and, where the viewer's room token grants it, the moderation actions (mute, camera off, remove, move to the audience, lock) and the audience, each with Promote.
 *
 * @csspart header - The heading row (heading and lock toggle).
 * @csspart heading - The "Members" heading.
 * @csspart lock - The lock / unlock toggle (with `room.lock` / `room.unlock`).
 * @csspart list - The list of members.
 * @csspart member - One member's row (`data-talking` while it talks, `data-local` for this client, `data-handraised` while its hand is up).
 * @csspart hand - The raised-hand icon before a member's name.
 * @csspart name - A member's name.
 * @csspart state - A member's state text (muted, camera off, deaf, talking, role).
 * @csspart actions - A member's moderation buttons.
 * @csspart action - Every moderation button (also `audio`, `video`, `remove`, `demote`).
 * @csspart audience - The audience count line.
 * @csspart audience-heading - The heading of the audience list (shown to those who may promote).
 * @csspart audience-list - The audience list.
 * @csspart audience-member - One audience member's row.
 * @csspart promote - The Promote button of an audience member (also `action`).
 *
 * @cssproperty --member-list-background - Background of the list.
 * @cssproperty --member-list-color - Text colour.
 * @cssproperty --member-list-padding - Padding around the list.
 * @cssproperty --member-list-radius - Corner radius.
 * @cssproperty --member-list-gap - Space between rows.
 * @cssproperty --member-list-hand-color - The raised-hand icon.
 * @cssproperty --member-list-talking-color - The edge of a talking member's row.
 * @cssproperty --member-list-button-background - Background of the buttons.
 * @cssproperty --member-list-danger-background - Background of Remove and of pressed mute toggles.
 * @cssproperty --member-list-font - Font (default inherit).
 */
export class MemberList extends LitElement {
  static override styles = [themeStyles, memberListStyles];
  /** Re-renders the element's strings when the page's language (`lang`) or a string table changes. */
  protected readonly i18n = new LangController(this);
  /** The library's version, the same on every element (for bug reports). */
  static readonly version = VERSION;

  private readonly room = new RoomController(this, () => this.for);

  /** Buttons whose action is under way, by `memberId:action` (a second press is refused). */
  @state() private pending = new Set<string>();

  /** The id of the `<video-room>` to list, when the list is not inside it. */
  @property({ reflect: true }) for = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('for')) this.room.resolve();
  }

  private can(permission: string): boolean {
    return this.room.snapshot?.service?.permissions.includes(permission) ?? false;
  }

  protected override render() {
    const strings = stringsFor(this);
    const snapshot = this.room.snapshot;
    const service = snapshot?.service ?? null;
    // People, not their extra sources (a screen share is shown on its owner's tile).
    const people = (snapshot?.members ?? []).filter((m) => m.type === 'member');
    const lockable = service !== null && this.can(service.locked ? 'room.unlock' : 'room.lock');
    return html`
      <div part="header">
        <h2 part="heading" id="heading">${strings.members} (${people.length})</h2>
        ${lockable
          ? html`<button
              part="lock"
              type="button"
              aria-pressed=${service!.locked ? 'true' : 'false'}
              aria-disabled=${this.pending.has('room:lock') ? 'true' : 'false'}
              @click=${() => this.run('room:lock', () => (service!.locked ? this.room.session!.unlock() : this.room.session!.lock()))}
            >
              ${strings.lockRoom}
            </button>`
          : service?.locked
            ? html`<span part="state">${strings.roomLocked}</span>`
            : nothing}
      </div>
      <ul part="list" aria-labelledby="heading">
        ${people.map((member) => this.renderMember(member, strings))}
      </ul>
      ${service && service.audienceCount > 0 ? html`<p part="audience" role="status">${strings.inAudience(service.audienceCount)}</p>` : nothing}
      ${service?.audience.length && this.can('room.member.promote') ? this.renderAudience(service.audience, strings) : nothing}
    `;
  }

  /** Who is in the audience (told only to those who may promote them), each with Promote. */
  private renderAudience(audience: ReadonlyArray<{ id: string; name: string }>, strings: Strings) {
    const session = this.room.session!;
    return html`<h3 part="audience-heading" id="audience-heading">${strings.audienceHeading}</h3>
      <ul part="audience-list" aria-labelledby="audience-heading">
        ${audience.map(
          ({ id, name }) =>
            html`<li part="audience-member">
              <span part="name">${name}</span>
              <span part="actions">
                <button
                  part="action promote"
                  type="button"
                  aria-disabled=${this.pending.has(`${id}:promote`) ? 'true' : 'false'}
                  @click=${() => this.run(`${id}:promote`, () => session.promote({ memberId: id }))}
                >
                  ${strings.promoteMember(name)}
                </button>
              </span>
            </li>`,
        )}
      </ul>`;
  }

  private renderMember(member: Member, strings: Strings) {
    const states = [
      member.local ? strings.you : '',
      member.audio_muted ? strings.microphoneMuted : '',
      member.video_muted ? strings.cameraOff : '',
      member.deaf ? strings.deafened : '',
      member.talking ? strings.talking : '',
      member.handraised ? strings.handRaised : '',
    ].filter(Boolean);
    return html`<li part="member" ?data-talking=${member.talking} ?data-local=${member.local} ?data-handraised=${member.handraised}>
      ${member.handraised ? html`<span part="hand" aria-hidden="true">${handIcon}</span>` : nothing}
      <span part="name">${member.name}</span>
      <span part="state">${states.join(', ')}</span>
      ${member.local ? nothing : this.renderActions(member, strings)}
    </li>`;
  }

  private renderActions(member: Member, strings: Strings) {
    const session = this.room.session!;
    const id = member.id;
    const buttons: Array<{ action: MemberAction; label: string; pressed?: boolean; run: () => Promise<void> }> = [];
    // The mute toggles: audio (microphone) and video (camera), each with its own permission per direction.
    const toggles = [
      { kind: 'audio', muted: member.audio_muted, label: strings.muteMember },
      { kind: 'video', muted: member.video_muted, label: strings.stopVideoOf },
    ] as const;
    for (const { kind, muted, label } of toggles) {
      const verb = muted ? 'unmute' : 'mute';
      if (!this.can(`room.member.${kind}_${verb}`)) continue;
      const method = `${kind}${muted ? 'Unmute' : 'Mute'}` as const;
      buttons.push({ action: kind, label: label(member.name), pressed: muted, run: () => session[method]({ memberId: id }) });
    }
    if (member.handraised && this.can('video.member.lowerhand') && this.can('room.member.set_meta')) {
      buttons.push({ action: 'hand', label: strings.lowerHandOf(member.name), run: () => session.setRaisedHand({ memberId: id, raised: false }) });
    }
    if (this.can('room.member.demote')) buttons.push({ action: 'demote', label: strings.demoteMember(member.name), run: () => session.demote({ memberId: id }) });
    if (this.can('room.member.remove')) buttons.push({ action: 'remove', label: strings.removeMember(member.name), run: () => session.removeMember({ memberId: id }) });
    if (!buttons.length) return nothing;
    return html`<span part="actions">
      ${buttons.map(
        ({ action, label, pressed, run }) =>
          html`<button
            part="action ${action}"
            type="button"
            aria-pressed=${pressed === undefined ? nothing : pressed ? 'true' : 'false'}
            aria-disabled=${this.pending.has(`${id}:${action}`) ? 'true' : 'false'}
            @click=${() => this.run(`${id}:${action}`, run)}
          >
            ${label}
          </button>`,
      )}
    </span>`;
  }

  private async run(key: string, action: () => Promise<void>): Promise<void> {
    if (this.pending.has(key) || !this.room.session) return;
    this.pending = new Set(this.pending).add(key);
    try {
      await action();
    } catch {
      // The room reports it (its `error` event); the list shows the state as it is.
    } finally {
      const pending = new Set(this.pending);
      pending.delete(key);
      this.pending = pending;
    }
  }
}

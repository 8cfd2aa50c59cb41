import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { stringsFor } from '../../src/i18n/strings.js';
import type { VideoLayoutLayer } from '../../src/room/layout.js';
import type { RoomSession } from '../../src/room/room-session.js';
import type { RoomSnapshot } from '../../src/room/types.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

const TILE_PARTS =
  'video: tile-video, placeholder: tile-placeholder, name: tile-name, mute-indicator: tile-mute-indicator, audio-level: tile-audio-level, network-quality: tile-network-quality, reconnecting: tile-reconnecting';

/**
 * `<video-room>`'s own rendering of the layout its model computed: every member has a tile (so
 * everyone is heard), placed in its slot, or hidden when it has none (off-canvas, another page,
 * no room left in the layout); page buttons while the grid has pages; and the canvas size, which
 * the model's responsive layouts need.
 */
export class LayoutView implements ReactiveController {
  private readonly host: Host;
  private readonly session: RoomSession;
  private readonly resize = new ResizeObserver(([entry]) => {
    if (entry) this.session.setLayoutSize({ width: entry.contentRect.width, height: entry.contentRect.height });
  });
  private canvas: Element | undefined;

  constructor(host: Host, session: RoomSession) {
    this.host = host;
    this.session = session;
    host.addController(this);
  }

  hostUpdated(): void {
    const canvas = this.host.renderRoot.querySelector('[part="layout"]') ?? undefined;
    if (canvas === this.canvas) return;
    if (this.canvas) this.resize.unobserve(this.canvas);
    if (canvas) this.resize.observe(canvas);
    this.canvas = canvas;
  }

  hostDisconnected(): void {
    this.resize.disconnect();
    this.canvas = undefined;
  }

  render(snapshot: RoomSnapshot) {
    const { members, layout, layoutPage } = snapshot;
    const slots = new Map<string, VideoLayoutLayer>();
    for (const layer of layout.layers) if (layer.member_id !== undefined) slots.set(layer.member_id, layer);
    const place = (slot: VideoLayoutLayer | undefined) => (slot ? `left:${slot.x}%;top:${slot.y}%;width:${slot.width}%;height:${slot.height}%` : '');
    const strings = stringsFor(this.host);
    // Kept while empty (hidden), so its size is known before the first member shows.
    // A region named after the room (the Janus description, untrusted: an attribute binding keeps it text).
    return html`<div part="layout" role="region" aria-label=${snapshot.roomName ?? nothing} ?hidden=${members.length === 0}>
        ${repeat(
          members,
          (member) => member.id,
          (member) => {
            const slot = slots.get(member.id);
            return html`<div part="cell" style=${place(slot)} ?hidden=${!slot}>
              <participant-tile part=${slot?.reservation ? 'tile featured' : 'tile'} exportparts=${TILE_PARTS} .member=${member}></participant-tile>
            </div>`;
          },
        )}
      </div>
      ${layoutPage.pages > 1
        ? html`<nav part="pagination" aria-label=${strings.pages}>
            <button part="page-previous" type="button" aria-label=${strings.previousPage} ?disabled=${layoutPage.page <= 1} @click=${() => this.turn(-1)}>‹</button>
            <span part="page-label" aria-live="polite">${strings.pageOf(layoutPage.page, layoutPage.pages)}</span>
            <button part="page-next" type="button" aria-label=${strings.nextPage} ?disabled=${layoutPage.page >= layoutPage.pages} @click=${() => this.turn(1)}>›</button>
          </nav>`
        : nothing}`;
  }

  private turn(step: number): void {
    const { page, pages } = this.session.snapshot.layoutPage;
    this.session.setLayoutPage(Math.min(pages, Math.max(1, page + step)));
  }
}

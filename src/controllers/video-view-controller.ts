import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Whether the host is on screen, and how wide it is in device pixels. */
export interface ViewState {
  readonly visible: boolean;
  readonly width: number;
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Watches whether its host can be seen (an IntersectionObserver, which also reads a host hidden
 * by `display: none` or scrolled out of a scrolling box as not intersecting, and the page's
 * visibility) and how wide it is (a ResizeObserver), and tells `changed` when either changes.
 */
export class VideoViewController implements ReactiveController {
  private readonly host: Host;
  private readonly changed: (state: ViewState) => void;
  private intersecting = false;
  private observed = false;
  private width = 0;
  private last: ViewState | undefined;
  private intersection: IntersectionObserver | undefined;
  private resize: ResizeObserver | undefined;

  constructor(host: Host, changed: (state: ViewState) => void) {
    this.host = host;
    this.changed = changed;
    host.addController(this);
  }

  /** The latest state; undefined until the host has been laid out and observed once. */
  get state(): ViewState | undefined {
    if (!this.observed) return undefined;
    return { visible: this.intersecting && document.visibilityState !== 'hidden', width: this.width };
  }

  hostConnected(): void {
    if (typeof IntersectionObserver === 'undefined' || typeof ResizeObserver === 'undefined') return;
    // A host that only touches the viewport's (or a scrolling box's) edge intersects with no area:
    // it shows nothing. The second threshold makes the observer report when some area shows.
    this.intersection = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1];
        if (!entry) return;
        this.intersecting = entry.isIntersecting && entry.intersectionRatio > 0;
        this.observed = true;
        this.report();
      },
      { threshold: [0, 0.01] },
    );
    this.resize = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (!entry) return;
      this.width = Math.round(entry.contentRect.width * (window.devicePixelRatio || 1));
      this.report();
    });
    this.intersection.observe(this.host);
    this.resize.observe(this.host);
    document.addEventListener('visibilitychange', this.report);
  }

  hostDisconnected(): void {
    this.intersection?.disconnect();
    this.resize?.disconnect();
    this.intersection = this.resize = undefined;
    document.removeEventListener('visibilitychange', this.report);
    this.intersecting = this.observed = false;
    this.last = undefined;
  }

  private readonly report = () => {
    const state = this.state;
    if (!state || (this.last?.visible === state.visible && this.last.width === state.width)) return;
    this.last = state;
    this.changed(state);
  };
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AudioOutput } from './audio-output.js';
import { streamOf } from '../media/track-stream.js';

/**
 * Shows one MediaStreamTrack in one media element. The element is reused across updates (Chrome
 * caps media players per page); `srcObject` is only touched when the track changes, and is
 * cleared when the host leaves the DOM. Inside a room, the room's `AudioOutput` plays it (the
 * chosen speaker, one gesture to start held-back sound); on its own, a blocked element retries on
 * the next click or key. `blocked` is true while the autoplay policy holds it back.
 */
export class MediaElementController implements ReactiveController {
  /** True while the browser's autoplay policy keeps this element from playing. */
  blocked = false;
  private readonly host: ReactiveControllerHost;
  private readonly element: () => HTMLMediaElement | null | undefined;
  private readonly output: () => AudioOutput | undefined;
  private track: MediaStreamTrack | null = null;
  private attachedTo: HTMLMediaElement | null = null;
  private unregister: (() => void) | undefined;

  constructor(
    host: ReactiveControllerHost,
    element: () => HTMLMediaElement | null | undefined,
    output: () => AudioOutput | undefined = () => undefined,
  ) {
    this.host = host;
    this.element = element;
    this.output = output;
    host.addController(this);
  }

  /** Call from the host's `updated()`. */
  show(track: MediaStreamTrack | null): void {
    const element = this.element() ?? null;
    if (track === this.track && element === this.attachedTo) return;
    this.detach();
    this.track = track;
    if (!element || !track) return;
    this.attachedTo = element;
    element.srcObject = streamOf(track);
    const output = this.output();
    if (output) {
      this.unregister = output.register(element, (held) => this.setBlocked(held));
      output.play(element);
    } else {
      this.play(element);
    }
  }

  hostDisconnected(): void {
    this.detach();
    this.track = null;
  }

  private detach(): void {
    this.unregister?.();
    this.unregister = undefined;
    if (this.attachedTo) this.attachedTo.srcObject = null;
    this.attachedTo = null;
    this.setBlocked(false);
    document.removeEventListener('pointerdown', this.retry, true);
    document.removeEventListener('keydown', this.retry, true);
  }

  private play(element: HTMLMediaElement): void {
    element.play().then(
      () => this.setBlocked(false),
      (error: unknown) => {
        if ((error as Error)?.name !== 'NotAllowedError' || element !== this.attachedTo) return;
        this.setBlocked(true);
        document.addEventListener('pointerdown', this.retry, { capture: true, once: true });
        document.addEventListener('keydown', this.retry, { capture: true, once: true });
      },
    );
  }

  private readonly retry = () => {
    if (this.attachedTo) this.play(this.attachedTo);
  };

  private setBlocked(blocked: boolean): void {
    if (this.blocked === blocked) return;
    this.blocked = blocked;
    this.host.requestUpdate();
  }
}

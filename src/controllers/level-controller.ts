import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { watchLevel } from '../media/audio-level.js';

/**
 * Follows the audio level of one track at a time (from the page's shared AudioContext) and hands
 * each new level to `show`, which writes it straight to the DOM: a meter re-renders nothing per
 * sample. Stops when the host leaves the document.
 */
export class LevelController implements ReactiveController {
  private readonly show: (level: number) => void;
  private stop: (() => void) | undefined;
  private track: MediaStreamTrack | null = null;
  private value = 0;

  constructor(host: ReactiveControllerHost, show: (level: number) => void) {
    this.show = show;
    host.addController(this);
  }

  /** The current level, 0 (silence) to 1. */
  get level(): number {
    return this.value;
  }

  /** Follows `track` (or nothing); the level reads 0 until it has one. */
  follow(track: MediaStreamTrack | null): void {
    if (track === this.track) return;
    this.stop?.();
    this.stop = undefined;
    this.track = track;
    this.update(0);
    if (track) this.stop = watchLevel(track, (level) => this.update(level));
  }

  hostDisconnected(): void {
    this.follow(null);
  }

  private update(level: number): void {
    this.value = level;
    this.show(level);
  }
}

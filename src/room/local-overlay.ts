/**
 * SignalWire's `localOverlay`: how this client's own camera shows to itself. Mirrored by default,
 * as in a mirror; `setMirror(false)` shows it as the others see it. With the room option
 * `applyLocalVideoOverlay: false` the self-view is not drawn at all.
 */
export class LocalOverlay {
  private mirroredValue = true;
  private readonly changed: () => void;
  private readonly memberId: () => string | null;

  constructor(memberId: () => string | null, changed: () => void) {
    this.memberId = memberId;
    this.changed = changed;
  }

  /** The local member's id while joined (the overlay shows its camera). */
  get id(): string | null {
    return this.memberId();
  }

  get mirrored(): boolean {
    return this.mirroredValue;
  }

  /** Mirrors the self-view (the default), or not with `false`. */
  setMirror(value = true): void {
    if (typeof value !== 'boolean') throw new RangeError(`setMirror() takes true or false, not ${JSON.stringify(value)}`);
    if (value === this.mirroredValue) return;
    this.mirroredValue = value;
    this.changed();
  }
}

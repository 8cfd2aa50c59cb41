/**
 * Where a room's sound goes. Every element that plays a member's audio registers here, so the
 * chosen speaker applies to all of them, and sound held back by the browser's autoplay policy is
 * known in one place and started by one user gesture (`startAudio()`).
 */

export interface AudioOutputCallbacks {
  /** Some audio is (or no audio is any longer) held back by the autoplay policy. */
  blockedChange(blocked: boolean): void;
  /** The speaker could not be applied to an element. */
  error(error: Error): void;
}

type SinkElement = HTMLMediaElement & { sinkId?: string; setSinkId?: (id: string) => Promise<void> };

export class AudioOutput {
  /** Registered elements, each with the listener told when it is held back or released. */
  private readonly elements = new Map<SinkElement, (held: boolean) => void>();
  private readonly held = new Set<SinkElement>();
  private sinkId = '';
  private readonly callbacks: AudioOutputCallbacks;

  constructor(callbacks: AudioOutputCallbacks) {
    this.callbacks = callbacks;
  }

  /** Whether the browser holds back some of the room's audio until the user interacts. */
  get blocked(): boolean {
    return this.held.size > 0;
  }

  /** Takes `element` in: it plays on the chosen speaker. Returns the release. */
  register(element: HTMLMediaElement, onHeld: (held: boolean) => void = () => {}): () => void {
    this.elements.set(element, onHeld);
    this.applySink(element);
    return () => {
      this.elements.delete(element);
      this.release(element);
    };
  }

  /** Plays `element`; if the autoplay policy refuses, it waits for `startAudio()`. */
  play(element: HTMLMediaElement): void {
    element.play().then(
      () => this.release(element),
      (error: unknown) => {
        if ((error as Error)?.name !== 'NotAllowedError' || !this.elements.has(element) || this.held.has(element)) return;
        this.held.add(element);
        this.elements.get(element)!(true);
        if (this.held.size === 1) this.callbacks.blockedChange(true);
      },
    );
  }

  /**
   * Plays everything held back. Call it from a user gesture (a click or key handler): only then
   * do browsers allow sound. Resolves once done; what still cannot play stays held.
   */
  async startAudio(): Promise<void> {
    await Promise.all(
      [...this.held].map((element) =>
        element.play().then(
          () => this.release(element),
          () => undefined,
        ),
      ),
    );
  }

  /** Sends every registered element to the speaker `deviceId` ('' for the default). */
  setSinkId(deviceId: string): void {
    if (deviceId === this.sinkId) return;
    this.sinkId = deviceId;
    for (const element of this.elements.keys()) this.applySink(element);
  }

  private applySink(element: SinkElement): void {
    if (!element.setSinkId || element.sinkId === this.sinkId) return;
    element.setSinkId(this.sinkId).catch((error: unknown) => {
      if (this.elements.has(element)) this.callbacks.error(error as Error);
    });
  }

  private release(element: HTMLMediaElement): void {
    if (!this.held.delete(element)) return;
    this.elements.get(element)?.(false);
    if (this.held.size === 0) this.callbacks.blockedChange(false);
  }
}

/**
 * Waiting for a condition that no single event announces (say, "every PeerConnection is up"):
 * whoever changes what it depends on calls `notify()`, and waiters re-test it then.
 */
export class Condition {
  private readonly test: () => boolean;
  private readonly waiters = new Set<() => void>();

  constructor(test: () => boolean) {
    this.test = test;
  }

  /** Resolves true as soon as the condition holds, false if it does not within `ms`. */
  within(ms: number): Promise<boolean> {
    if (this.test()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (value: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(value);
      };
      const check = () => {
        if (this.test()) done(true);
      };
      const timer = setTimeout(() => done(false), ms);
      this.waiters.add(check);
    });
  }

  /** Something it depends on changed. */
  notify(): void {
    for (const check of [...this.waiters]) check();
  }
}

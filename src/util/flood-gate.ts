/** A token bucket per sender (the chat's and the data tracks' receiving rate limits). */
/**
 * How many messages a member may bring per second before the rest are dropped: a flood from one
 * member (a bug or an attack) must not freeze everyone's page.
 */
export class FloodGate {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    private readonly perSecond = 10,
    private readonly burst = 30,
  ) {}

  /** Whether a message of `member` at `now` (ms) may pass. */
  admit(member: string, now: number): boolean {
    const bucket = this.buckets.get(member) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    this.buckets.set(member, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

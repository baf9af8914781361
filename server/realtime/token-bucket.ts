/**
 * Token buckets keyed by a string (user and deal): each key may spend `capacity` tokens at once
 * and gets `refillPerSecond` back. Per process; idle full buckets are forgotten.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private takesSinceSweep = 0;

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Spends one token for `key`; false when none is left. */
  take(key: string): boolean {
    if (++this.takesSinceSweep >= 1000) this.sweep();
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(
      this.capacity,
      bucket.tokens + ((now - bucket.at) / 1000) * this.refillPerSecond,
    );
    bucket.at = now;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    return allowed;
  }

  get size(): number {
    return this.buckets.size;
  }

  private sweep(): void {
    this.takesSinceSweep = 0;
    const now = this.now();
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * this.refillPerSecond >= this.capacity) this.buckets.delete(key);
    }
  }
}

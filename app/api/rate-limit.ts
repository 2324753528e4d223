// A token bucket per API key: `burst` requests at once, refilled at `perSecond`. It lives in the
// process's memory (decision 026): a request pays no database write for it, and a deployment of
// N web processes lets a key through at most N times the rate, which still protects the
// database from a runaway script. Real elapsed time, not the app's clock: the sandbox's clock
// stands still until it is moved, and a bucket on it would never refill.
export interface RateLimit {
  perSecond: number;
  burst: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function createRateLimiter({ perSecond, burst }: RateLimit, nowMs: () => number = () => performance.now()) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key: string): RateDecision {
      const now = nowMs();
      const bucket = buckets.get(key) ?? { tokens: burst, at: now };
      bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
      bucket.at = now;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond)) };
    },
  };
}

// autocannon runs: a fixed rate for a while, a fixed number of requests, and a rate ladder.
import autocannon from "autocannon";
import type { Request as CannonRequest } from "autocannon";

export interface LoadResult {
  targetRate: number | null;
  achievedRate: number;
  requests: number;
  p50: number;
  p99: number;
  failures: number;
}

export interface LoadOptions {
  requests: CannonRequest[];
  connections?: number;
  rate?: number;
  seconds?: number;
  amount?: number;
}

/** With both `amount` and `seconds`, whichever comes first ends the run. */
export async function load(url: string, options: LoadOptions): Promise<LoadResult> {
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        requests: options.requests,
        // A connection sends at most one request at a time; below 64/s one per request per second.
        connections: options.connections ?? Math.min(64, options.rate ?? 64),
        ...(options.rate ? { overallRate: options.rate } : {}),
        ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 5 }),
        timeout: 10,
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    if (options.amount && options.seconds) setTimeout(() => instance.stop(), options.seconds * 1000).unref();
  });
  const requests = result.requests.total;
  return {
    targetRate: options.rate ?? null,
    achievedRate: requests / result.duration,
    requests,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

/** Sustained: p99 under the limit, nothing failed, and at least 95 % of the asked rate went out. */
export function sustained(step: LoadResult, p99LimitMs: number) {
  return step.failures === 0 && step.p99 < p99LimitMs && step.achievedRate >= 0.95 * (step.targetRate ?? 0);
}

export const RATE_LADDER = [10, 25, 50, 100, 150, 200, 300, 400, 600, 800, 1200, 1600, 2400, 3200];

/** Steps the rate up until a step is not sustained; the last sustained rate is the result. */
export async function highestSustainedRate(url: string, requests: CannonRequest[], p99LimitMs: number, stepSeconds: number) {
  const steps: LoadResult[] = [];
  let best = 0;
  for (const rate of RATE_LADDER) {
    const step = await load(url, { requests, rate, seconds: stepSeconds });
    steps.push(step);
    if (!sustained(step, p99LimitMs)) break;
    best = rate;
    await new Promise((r) => setTimeout(r, 2_000));
  }
  return { best, steps };
}

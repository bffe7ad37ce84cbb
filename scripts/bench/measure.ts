// Measuring one URL under load with autocannon; every response's latency is
// kept, so the percentiles are exact.
import autocannon from "autocannon";

export type LoadOptions = { connections: number; duration: number; warmup: number };

export type Measurement = {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** What the errors were: answers other than 2xx by status, socket errors, timeouts. */
  failures: { statuses: Record<string, number>; socket: number; timeouts: number };
  requests: number;
  /** When the measured load ran, in µs on the monotonic clock V8's CPU profiles use. */
  window: { startUs: number; endUs: number };
};

/** The `p`th percentile of ascending `sorted` values; NaN when there are none. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Warms up, then loads `url` for `duration` seconds; req/s, p50/p95/p99 ms and errors. */
export async function measure(
  url: string,
  {
    connections,
    duration,
    warmup,
    headers = {},
  }: LoadOptions & { headers?: Record<string, string> },
): Promise<Measurement> {
  await autocannon({ url, connections, duration: warmup, headers });
  const latencies: number[] = [];
  // On the monotonic clock V8's CPU profiles use, for scripts that cut a profile to the load.
  const startedNs = process.hrtime.bigint();
  const instance = autocannon({ url, connections, duration, headers });
  instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  // autocannon's result has it; its types do not say so.
  const byStatus = (result as { statusCodeStats?: Record<string, { count: number }> })
    .statusCodeStats;
  latencies.sort((a, b) => a - b);
  return {
    rps: result.requests.total / (result.duration || duration),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.timeouts + result.non2xx,
    failures: {
      statuses: Object.fromEntries(
        Object.entries(byStatus ?? {})
          .filter(([status]) => !status.startsWith("2"))
          .map(([status, { count }]) => [status, count]),
      ),
      socket: result.errors,
      timeouts: result.timeouts,
    },
    requests: result.requests.total,
    window: { startUs: Number(startedNs / 1000n), endUs: Number(process.hrtime.bigint() / 1000n) },
  };
}

/** A page to measure, what it must show, and the session cookie to load it with (if any). */
export type Target = { name: string; path: string; shows: string; cookie?: string };

/**
 * Checks each target shows what it must (`shows`), then loads it; the
 * results keep each target's fields.
 */
export async function measureTargets<T extends Target>(
  appUrl: string,
  targets: T[],
  load: LoadOptions,
): Promise<(T & Measurement)[]> {
  const results = [];
  for (const t of targets) {
    const headers: Record<string, string> = t.cookie ? { cookie: t.cookie } : {};
    const body = await (await fetch(appUrl + t.path, { headers })).text();
    if (!body.includes(t.shows)) throw new Error(`${t.name} (${t.path}) does not show ${t.shows}`);
    results.push({ ...t, ...(await measure(appUrl + t.path, { ...load, headers })) });
  }
  return results;
}

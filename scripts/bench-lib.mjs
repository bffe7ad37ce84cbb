// Shared by the benchmark scripts: child servers, waiting for them, and
// measuring one URL with autocannon (every response's latency kept, so the
// percentiles are exact).
import { execSync, spawn } from "node:child_process";
import autocannon from "autocannon";

const children = [];
// Each child leads its own process group, so killing the group also ends
// the next-server process that `next start` runs.
process.on("exit", () => children.forEach((c) => killGroup(c)));
process.on("SIGINT", () => process.exit(130));

/** Warms up, then loads `url` for `duration` seconds; req/s, p50/p95/p99 ms and errors. */
export async function measure(url, { connections, duration, warmup, headers = {} }) {
  await autocannon({ url, connections, duration: warmup, headers });
  const latencies = [];
  const instance = autocannon({ url, connections, duration, headers });
  instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const pct = (p) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  return {
    rps: result.requests.total / (result.duration || duration),
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    errors: result.errors + result.timeouts + result.non2xx,
    requests: result.requests.total,
  };
}

/** Starts a child in its own process group, killed when this script exits. */
export function spawnChild(cmd, args, childEnv) {
  const child = spawn(cmd, args, {
    env: childEnv,
    stdio: ["pipe", "ignore", "inherit"],
    detached: true,
  });
  children.push(child);
  return child;
}

export async function answers(url) {
  try {
    await fetch(url);
    return true;
  } catch {
    return false;
  }
}

export async function waitFor(url, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export function killGroup(child) {
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    // already gone
  }
}

/** The resident memory of a server's process group. */
export function rssOf(pgid) {
  try {
    const out = execSync(`ps -o rss= -g ${pgid}`, { encoding: "utf8" });
    const kib = out
      .split(/\s+/)
      .filter(Boolean)
      .map(Number)
      .reduce((a, b) => a + b, 0);
    return `${Math.round(kib / 1024)} MiB`;
  } catch {
    return "unknown";
  }
}

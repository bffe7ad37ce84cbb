// Shared by the benchmark scripts: child servers, waiting for them, and
// measuring one URL with autocannon (every response's latency kept, so the
// percentiles are exact).
import { execSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { withServerNodeOptions } from "./server-node-options.mjs";

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

/** Starts `next start` with `env` (its PORT) in a process group of its own, as `npm start` runs it. */
export function startApp(env) {
  return spawnChild(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(env.PORT)],
    { ...env, NODE_OPTIONS: withServerNodeOptions(env.NODE_OPTIONS) },
  );
}

export async function stopApp(child) {
  const exited = new Promise((r) => child.once("exit", r));
  killGroup(child);
  await exited;
}

/** The database the app uses, for writing rows: Postgres or the PGlite directory (app stopped). */
export async function openBenchDb(env) {
  if (env.DATABASE_URL) {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    return {
      exec: (sql) => client.query(sql),
      rows: async (sql) => (await client.query(sql)).rows,
      close: () => client.end(),
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const client = await PGlite.create(env.PGLITE_DIR);
  return {
    exec: (sql) => client.exec(sql),
    rows: async (sql) => (await client.query(sql)).rows,
    close: () => client.close(),
  };
}

/** Signs in through next-auth's credentials flow; returns the session cookie. */
export async function signInCookie(appUrl, email, password) {
  const csrf = await fetch(`${appUrl}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${appUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: appUrl,
      cookie: csrfCookie.join("; "),
    },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in as ${email} failed (${res.status})`);
  return session;
}

/**
 * The common start of the large-data benchmarks: flags (`--updates`,
 * `--duration`, `--warmup`, `--connections`, `--port`), the server's
 * environment (a fresh PGlite in .data/<name>, or DATABASE_URL's Postgres),
 * and one start and stop of the app so it migrates and seeds before rows
 * are added (PGlite allows one process at a time).
 */
export async function prepareLargeBench(name, defaultPort, defaultRows = 100_000) {
  const { values: opts } = parseArgs({
    options: {
      updates: { type: "string", default: String(defaultRows) },
      duration: { type: "string", default: "10" },
      warmup: { type: "string", default: "2" },
      connections: { type: "string", default: "10" },
      port: { type: "string", default: String(defaultPort) },
    },
  });
  const appUrl = `http://127.0.0.1:${opts.port}`;
  const env = {
    ...process.env,
    PORT: opts.port,
    NODE_ENV: "production",
    SEED_DEMO: "1",
    MAIL_WORKER: "off",
    NEXTAUTH_URL: appUrl,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-only-secret-not-for-production-use-0001",
  };
  if (!env.DATABASE_URL) {
    env.PGLITE_DIR = `.data/${name}/pglite`;
    rmSync(`.data/${name}`, { recursive: true, force: true });
  }
  const app = startApp(env);
  await waitFor(`${appUrl}/api/health`);
  await stopApp(app);
  return { opts, env, appUrl, total: Number(opts.updates) };
}

/**
 * Checks each target shows what it must (`shows`), then loads it; the
 * results keep each target's fields. `cookie` signs a target's requests in.
 */
export async function measureTargets(appUrl, targets, opts) {
  const results = [];
  for (const t of targets) {
    const headers = t.cookie ? { cookie: t.cookie } : {};
    const body = await (await fetch(appUrl + t.path, { headers })).text();
    if (!body.includes(t.shows)) throw new Error(`${t.name} (${t.path}) does not show ${t.shows}`);
    const run = await measure(appUrl + t.path, {
      connections: Number(opts.connections),
      duration: Number(opts.duration),
      warmup: Number(opts.warmup),
      headers,
    });
    results.push({ ...t, ...run });
  }
  return results;
}

/** Prints a run's heading, machine, setting and the results table (Markdown). */
export function printResults(title, setting, results) {
  const cpus = os.cpus();
  console.log(`\n# ${title} ${new Date().toISOString()}`);
  console.log(
    `machine: ${cpus.length} × ${cpus[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  console.log(setting);
  console.log("\n| page | req/s | p50 ms | p95 ms | p99 ms | errors |");
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} |`,
    );
  }
}

// Shared by the benchmark scripts: child servers, waiting for them, and
// measuring one URL with autocannon (every response's latency kept, so the
// percentiles are exact).
import { execFile, execSync, spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import os from "node:os";
import { parseArgs, promisify } from "node:util";
import autocannon from "autocannon";
import { databaseTarget } from "./db-target.mjs";
import { openScriptDb } from "./generate-load.mjs";
import { withServerNodeOptions } from "./server-node-options.mjs";

const execFileAsync = promisify(execFile);
const children = [];
// Each child leads its own process group, so killing the group also ends
// the next-server process that `next start` runs.
process.on("exit", () => children.forEach((c) => killGroup(c)));
process.on("SIGINT", () => process.exit(130));

/** Warms up, then loads `url` for `duration` seconds; req/s, p50/p95/p99 ms and errors. */
export async function measure(url, { connections, duration, warmup, headers = {} }) {
  await autocannon({ url, connections, duration: warmup, headers });
  const latencies = [];
  // On the monotonic clock V8's CPU profiles use, for scripts that cut a profile to the load.
  const startedNs = process.hrtime.bigint();
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
    window: { startUs: Number(startedNs / 1000n), endUs: Number(process.hrtime.bigint() / 1000n) },
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
export function openBenchDb(env) {
  return openScriptDb(databaseTarget(env));
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
  const { env, appUrl } = benchEnv(name, opts.port);
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

/**
 * The whole run's server memory: samples the process group's RSS every second
 * without blocking (a synchronous `ps` would stall the load generator sharing
 * this process and show up as latency); `sample()` reads it now, in MiB.
 */
export function watchMemory(pgid) {
  let peak = 0;
  const read = async () => {
    try {
      const { stdout } = await execFileAsync("ps", ["-o", "rss=", "-g", String(pgid)]);
      const kib = stdout.split(/\s+/).filter(Boolean).map(Number);
      const mib = Math.round(kib.reduce((a, b) => a + b, 0) / 1024);
      peak = Math.max(peak, mib);
      return mib;
    } catch {
      return NaN;
    }
  };
  const timer = setInterval(read, 1000);
  timer.unref();
  return { sample: read, peak: () => peak, stop: () => clearInterval(timer) };
}

/**
 * Starts a plain Node `http` server (scripts/bench-ceiling.mjs) in its own
 * process that sends exactly `body` with `contentType`; resolves to its URL and
 * a stop function.
 */
export async function startCeiling(body, contentType, port) {
  const ceiling = spawnChild(process.execPath, ["scripts/bench-ceiling.mjs"], {
    ...process.env,
    CEILING_PORT: String(port),
    CEILING_TYPE: contentType,
  });
  ceiling.stdin.end(body);
  const url = `http://127.0.0.1:${port}/`;
  await waitFor(url);
  return {
    url,
    stop: async () => {
      const exited = new Promise((r) => ceiling.once("exit", r));
      killGroup(ceiling);
      await exited;
    },
  };
}

/** Server action ids by exported name, from the production build being measured. */
export function actionIds() {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8"));
  const ids = {};
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.exportedName) ids[entry.exportedName] = id;
  }
  return ids;
}

/**
 * Calls a server action over HTTP as Next's browser client does; true when
 * the answer is a success result, "limited" when a rate limit refused it.
 */
export async function postAction(appUrl, page, id, input, person) {
  const res = await fetch(appUrl + page, {
    method: "POST",
    headers: {
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
      "next-action": id,
      origin: appUrl,
      cookie: person.cookie,
      "x-forwarded-for": person.ip,
    },
    body: JSON.stringify([input]),
  });
  const text = await res.text();
  if (res.status !== 200) return false;
  if (text.includes('"ok":true')) return true;
  return /Too many|faster than we allow/.test(text) ? "limited" : false;
}

/**
 * A mixed read/write load for `seconds` with `concurrency` workers: anonymous
 * reads of the article and random city pages, signed-in follow-state reads and
 * comment pages, and writes (follow/unfollow toggles; comments, at most one
 * per person per 15 s so rate limits are not what is measured). Each request's
 * latency is kept; returns per-kind stats. Pass the same `state` to
 * consecutive calls so that they go on where the last one stopped.
 */
export async function mixedLoad({
  appUrl,
  seconds,
  concurrency,
  people,
  citySlugs,
  state = { lastComment: new Map(), following: new Map() },
}) {
  const ids = actionIds();
  const stats = { read: [], write: [] };
  const errors = { read: 0, write: 0 };
  let limited = 0;
  const { lastComment, following } = state;
  const pick = (list) => list[Math.floor(Math.random() * list.length)];
  const deadline = Date.now() + seconds * 1000;
  async function once() {
    const r = Math.random();
    const person = pick(people);
    const city = pick(citySlugs);
    const started = performance.now();
    let kind = "read";
    let ok;
    try {
      if (r < 0.3) {
        ok = (await fetch(`${appUrl}/cities/${city}`).then(drain)) === 200;
      } else if (r < 0.45) {
        ok = (await fetch(`${appUrl}/articles/us-sanctuary-cities`).then(drain)) === 200;
      } else if (r < 0.6) {
        const headers = { cookie: person.cookie, "x-forwarded-for": person.ip };
        ok = (await fetch(`${appUrl}/api/follows?city=${city}`, { headers }).then(drain)) === 200;
      } else if (r < 0.8) {
        ok = (await fetch(`${appUrl}/api/comments?on=city:${city}`).then(drain)) === 200;
      } else if (r < 0.9 || Date.now() - (lastComment.get(person.email) ?? 0) < 15_000) {
        kind = "write";
        const key = `${person.email} ${city}`;
        const action = following.get(key) ? ids.unfollowAction : ids.followAction;
        ok = await postAction(appUrl, `/cities/${city}`, action, { city }, person);
        if (ok === true) following.set(key, !following.get(key));
      } else {
        kind = "write";
        lastComment.set(person.email, Date.now());
        ok = await postAction(
          appUrl,
          `/cities/${city}`,
          ids.postCommentAction,
          { subject: `city:${city}`, body: `Mixed-load comment at ${new Date().toISOString()}` },
          person,
        );
      }
    } catch {
      ok = false;
    }
    if (ok === "limited") limited++;
    else if (ok !== true) errors[kind]++;
    stats[kind].push(performance.now() - started);
  }
  const worker = async () => {
    while (Date.now() < deadline) await once();
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const summary = (latencies) => {
    const sorted = [...latencies].sort((a, b) => a - b);
    const pct = (p) =>
      sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
    return { rps: sorted.length / seconds, p50: pct(50), p95: pct(95), p99: pct(99) };
  };
  return {
    read: { ...summary(stats.read), errors: errors.read },
    write: { ...summary(stats.write), errors: errors.write },
    all: { ...summary([...stats.read, ...stats.write]), errors: errors.read + errors.write },
    limited,
  };
}

async function drain(res) {
  await res.arrayBuffer();
  return res.status;
}

/**
 * The environment of a benchmark's server on `port`: the production build
 * with demo accounts and no mail worker, on a fresh PGlite in .data/<name>
 * (removed first) or on DATABASE_URL's Postgres.
 */
export function benchEnv(name, port) {
  const appUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    PORT: String(port),
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
  return { env, appUrl };
}

/**
 * Signs in `n` of the generated people (scripts/generate-load.mjs): their
 * emails, cookies and client IPs (one each, as people at home have).
 */
export async function signInLoadPeople(appUrl, n, password) {
  const people = [];
  for (let i = 1; i <= n; i++) {
    const email = `load-user-${i * 7}@example.net`;
    people.push({ email, cookie: await signInCookie(appUrl, email, password), ip: `10.0.${i}.1` });
  }
  return people;
}

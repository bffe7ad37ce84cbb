// `npm run bench:profile`: where one page's server time goes, on the large
// data set. Runs the production server under Node's CPU profiler, loads the
// page at 10 connections, then sums the profile's samples per request: by
// package or file, and the busiest functions. Loads the production build (it
// never builds) on 127.0.0.1:
//   npm run build && DATABASE_URL=postgres://…/cw_profile npm run bench:profile -- --page /me --as resident
// On Postgres the data set of `npm run db:generate-load` is added the first
// time and kept, so later runs on the same database start at once; without
// DATABASE_URL a fresh PGlite in .data/profile gets the smaller data set.
// The .cpuprofile file goes to bench-results/ (Chrome DevTools opens it).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  benchEnv,
  measure,
  signInCookie,
  spawnChild,
  startApp,
  stopApp,
  waitFor,
} from "./bench-lib.mjs";
import { databaseTarget } from "./db-target.mjs";
import { generateLoad, loadSizes, openScriptDb } from "./generate-load.mjs";
import { SERVER_NODE_FLAGS } from "./server-node-options.mjs";

const { values: opts } = parseArgs({
  options: {
    page: { type: "string", default: "/me" },
    as: { type: "string", default: "resident" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    port: { type: "string", default: "3260" },
    top: { type: "string", default: "15" },
  },
});
if (!["resident", "moderator", "admin", "anonymous"].includes(opts.as)) {
  console.error("--as is one of resident, moderator, admin, anonymous");
  process.exit(1);
}
const { env, appUrl } = benchEnv("profile", opts.port);
const target = databaseTarget(env);

// 1. One start so the app migrates and seeds, then the data set (once on Postgres).
const setup = startApp(env);
await waitFor(`${appUrl}/api/health`);
await stopApp(setup);
const db = await openScriptDb(target);
const [{ n: loaded }] = await db.rows(
  `select count(*)::int as n from users where email = 'load-user-1@example.net'`,
);
if (!loaded) await generateLoad(db, loadSizes(target.kind, []));
await db.close();

// 2. The server under the profiler (a flag Node refuses in NODE_OPTIONS).
const dir = path.resolve(`bench-results/profile-${new Date().toISOString().replace(/[:.]/g, "-")}`);
const app = spawnChild(
  process.execPath,
  [
    "--cpu-prof",
    `--cpu-prof-dir=${dir}`,
    ...SERVER_NODE_FLAGS,
    "node_modules/next/dist/bin/next",
    "start",
    "-p",
    opts.port,
  ],
  env,
);
await waitFor(`${appUrl}/api/health`);
const cookie =
  opts.as === "anonymous"
    ? undefined
    : await signInCookie(appUrl, `${opts.as}@example.org`, "citywatch-demo");
const page = await fetch(`${appUrl}${opts.page}`, { headers: cookie ? { cookie } : {} });
if (page.status !== 200) {
  console.error(`${opts.page} answered ${page.status} as ${opts.as}`);
  process.exit(1);
}
const result = await measure(`${appUrl}${opts.page}`, {
  connections: Number(opts.connections),
  duration: Number(opts.duration),
  warmup: 3,
  headers: cookie ? { cookie } : {},
});
await stopApp(app);

// 3. The server's profile (its file name carries the process id).
const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile") && f.includes(`.${app.pid}.`));
if (!file) fail(`the server wrote no CPU profile to ${dir}`);
const profile = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
const summary = summarize(profile, result.window);
if (summary.busy === 0) fail("no profile sample fell inside the measured load");
const requests = result.requests;
const perRequest = (us) => (us / 1000 / requests).toFixed(2);

console.log(
  `\n${opts.page} as ${opts.as}, ${opts.connections} connections, ${opts.duration} s (${target.kind})`,
);
console.log(
  `req/s ${result.rps.toFixed(0)}, p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, errors ${result.errors}`,
);
console.log(
  `server main thread: ${(summary.busy / 1000).toFixed(0)} ms busy, ${(summary.idle / 1000).toFixed(0)} ms idle during the measured load: ${perRequest(summary.busy)} ms busy per request (${requests} requests)`,
);
const table = (title, rows) => {
  console.log(`\n${title}\n| ms per request | share | where |\n|---:|---:|---|`);
  for (const [where, us] of rows) {
    console.log(`| ${perRequest(us)} | ${((100 * us) / summary.busy).toFixed(1)} % | ${where} |`);
  }
};
table("Self time by kind of code", summary.byGroup);
table("Self time by package or file", summary.byPlace.slice(0, Number(opts.top)));
table("Busiest functions (self time)", summary.byFunction.slice(0, Number(opts.top)));
console.log(`\nProfile: ${path.join(dir, file)}`);
// Error pages (a 429, a 500) are not the page: say so rather than pass.
if (result.errors > 0)
  fail(`${result.errors} requests failed: the profile is not of the page alone`);
process.exit(0);

function fail(message) {
  console.error(message);
  process.exit(1);
}

/**
 * Self time (µs) per place and per function, and idle and busy totals, of the
 * samples taken during the measured load (`window`, on the same monotonic clock).
 */
function summarize(prof, window) {
  const byNode = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map();
  // timeDeltas[i] is the time from sample i-1 to sample i; as DevTools does, a
  // sample is credited with the time until the next one.
  let at = prof.startTime;
  prof.samples.forEach((id, i) => {
    at += prof.timeDeltas[i] ?? 0;
    const until = prof.timeDeltas[i + 1] ?? 0;
    if (at >= window.startUs && at <= window.endUs) self.set(id, (self.get(id) ?? 0) + until);
  });
  const byPlace = new Map();
  const byFunction = new Map();
  const byGroup = new Map();
  let busy = 0;
  let idle = 0;
  for (const [id, us] of self) {
    const { callFrame } = byNode.get(id);
    if (callFrame.functionName === "(idle)") {
      idle += us;
      continue;
    }
    busy += us;
    const place = placeOf(callFrame);
    const fn = `${callFrame.functionName || "(anonymous)"} · ${place}:${callFrame.lineNumber + 1}`;
    byPlace.set(place, (byPlace.get(place) ?? 0) + us);
    byGroup.set(groupOf(place), (byGroup.get(groupOf(place)) ?? 0) + us);
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  }
  const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]);
  return {
    busy,
    idle,
    byGroup: sorted(byGroup),
    byPlace: sorted(byPlace),
    byFunction: sorted(byFunction),
  };
}

/** Next's server, the app's bundle (its code with drizzle, next-auth, React's SSR), Node, or native. */
function groupOf(place) {
  if (place.startsWith("next/")) return "Next's server runtime (node_modules/next)";
  if (place.endsWith("(app bundle)")) return "the app's bundle (.next/server)";
  if (place === "node internals") return "Node's own JavaScript";
  if (place === "(garbage collector)") return "garbage collector";
  if (place.startsWith("(")) return "native calls (socket writes, crypto, microtasks)";
  return "other packages (pg, …)";
}

/** A package (with its file for Next's big runtime files), the app's own chunk, or Node. */
function placeOf({ url, functionName }) {
  if (!url) return `(${functionName.replace(/[()]/g, "")})`;
  if (url.startsWith("node:")) return "node internals";
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/);
  if (pkg) return pkg[1] === "next" ? `next/${pkg[2].split("/").slice(-1)[0]}` : pkg[1];
  const chunk = url.match(/\.next\/(.*)$/);
  return chunk ? `.next/${chunk[1]} (app bundle)` : url;
}

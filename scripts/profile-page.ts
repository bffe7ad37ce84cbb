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
import type { Profiler } from "node:inspector";
import path from "node:path";
import { benchEnv, startApp, stopApp, waitFor } from "./bench/app-process";
import { summarize, type Breakdown } from "./bench/cpu-profile";
import { measure } from "./bench/measure";
import { signInDemo } from "./bench/people";
import { migrateAndSeed, openBenchDb } from "./bench/setup";
import { generateLoad, hasLoad, loadSizes } from "./lib/data-set";
import { databaseTarget } from "./lib/db-target";
import { stringFlags } from "./lib/flags";

const opts = stringFlags({
  page: "/me",
  as: "resident",
  duration: "10",
  connections: "10",
  port: "3260",
  top: "15",
});
const as = (["resident", "moderator", "admin", "anonymous"] as const).find((r) => r === opts.as);
if (!as) {
  console.error("--as is one of resident, moderator, admin, anonymous");
  process.exit(1);
}
const { env, appUrl } = benchEnv("profile", opts.port);
const target = databaseTarget(env);

// 1. One start so the app migrates and seeds, then the data set (once on Postgres).
await migrateAndSeed(env, appUrl);
const db = await openBenchDb(env);
if (!(await hasLoad(db))) await generateLoad(db, loadSizes(target.kind, []));
await db.close();

// 2. The server under the profiler (a flag Node refuses in NODE_OPTIONS).
const dir = path.resolve(`bench-results/profile-${new Date().toISOString().replace(/[:.]/g, "-")}`);
const app = startApp(env, ["--cpu-prof", `--cpu-prof-dir=${dir}`]);
await waitFor(`${appUrl}/api/health`);
const cookie = as === "anonymous" ? undefined : await signInDemo(appUrl, as);
const headers: Record<string, string> = cookie ? { cookie } : {};
const page = await fetch(`${appUrl}${opts.page}`, { headers });
if (page.status !== 200) {
  console.error(`${opts.page} answered ${page.status} as ${opts.as}`);
  process.exit(1);
}
const result = await measure(`${appUrl}${opts.page}`, {
  connections: Number(opts.connections),
  duration: Number(opts.duration),
  warmup: 3,
  headers,
});
await stopApp(app);

// 3. The server's profile (its file name carries the process id).
const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile") && f.includes(`.${app.pid}.`));
if (!file) fail(`the server wrote no CPU profile to ${dir}`);
const profile = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Profiler.Profile;
const summary = summarize(profile, result.window);
if (summary.busy === 0) fail("no profile sample fell inside the measured load");
const requests = result.requests;
const perRequest = (us: number) => (us / 1000 / requests).toFixed(2);

console.log(
  `\n${opts.page} as ${opts.as}, ${opts.connections} connections, ${opts.duration} s (${target.kind})`,
);
console.log(
  `req/s ${result.rps.toFixed(0)}, p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, errors ${result.errors}`,
);
console.log(
  `server main thread: ${(summary.busy / 1000).toFixed(0)} ms busy, ${(summary.idle / 1000).toFixed(0)} ms idle during the measured load: ${perRequest(summary.busy)} ms busy per request (${requests} requests)`,
);
const table = (title: string, rows: Breakdown) => {
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

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

// `npm run bench:search`: /search on the large data set (db:generate-load's:
// 1,000 jurisdictions and 100,000 updates on Postgres), at 10 connections.
// Loads the production build (it never builds) on 127.0.0.1:
//   npm run build && DATABASE_URL=postgres://…/new_empty_db npm run bench:search [-- --comments 0 --duration 10]
// Uses a fresh embedded database, or Postgres when DATABASE_URL is set (a new,
// empty database: the data set is added to it). The size flags of
// db:generate-load work here (--cities, --users, --updates, --comments);
// search reads no comments, so `--comments 0` saves the longest step.
//
// The queries: a place by name, a state by code, one update among 100,000 by
// two of its words, and the worst case: two words every approved update holds
// (95,000 matches, of which the newest 1,000 are ranked: UPDATE_CANDIDATES).
import { stringFlags } from "./lib/flags";
import { generateLoad, loadSizes } from "./lib/data-set";
import { databaseTarget } from "./lib/db-target";
import { benchEnv, stopApp } from "./bench/app-process";
import { measureTargets } from "./bench/measure";
import { rssOf } from "./bench/memory";
import { printResults } from "./bench/report";
import {
  migrateAndSeed,
  openBenchDb,
  requireBuild,
  requireFreePorts,
  serveApp,
} from "./bench/setup";

const opts = stringFlags(
  { duration: "10", warmup: "3", connections: "10", port: "3300" },
  { strict: false },
);
requireBuild(" (the benchmark never builds)");
await requireFreePorts(Number(opts.port));
const { env, appUrl } = benchEnv("bench-search", opts.port);
const target = databaseTarget(env);
const sizes = loadSizes(target.kind);
await migrateAndSeed(env, appUrl);

const started = performance.now();
const db = await openBenchDb(env);
const totals = await generateLoad(db, sizes);
// What autovacuum does soon after a bulk load: statistics, and the GIN indexes' pending lists merged.
await db.exec("vacuum analyze");
const loadSeconds = (performance.now() - started) / 1000;
await db.close();

const app = await serveApp(env, appUrl);
const results = await measureTargets(
  appUrl,
  [
    { name: "a place: boston", path: "/search?q=boston", shows: "<mark" },
    { name: "a state: CA", path: "/search?q=CA", shows: "Oakland" },
    { name: "one update: rule 4242", path: "/search?q=rule+4242", shows: ">4242</mark>" },
    {
      name: "95,000 matches: immigration detainers",
      path: "/search?q=immigration+detainers",
      shows: "More than 1,000 published updates match",
    },
  ],
  {
    connections: Number(opts.connections),
    duration: Number(opts.duration),
    warmup: Number(opts.warmup),
  },
);
const rss = rssOf(app.pid);
await stopApp(app);
printResults(
  "Search",
  `database: ${target.kind}, ${JSON.stringify(totals)} (added in ${loadSeconds.toFixed(0)} s); ${opts.connections} connections, ${opts.duration} s after ${opts.warmup} s warm-up; app RSS after load: ${rss}`,
  results,
);
process.exit(results.some((r) => r.errors > 0) ? 1 : 0);

// `npm run bench`: CityWatch under load on the large data set, every page
// beside a plain Node `http` server sending the same bytes (the ceiling),
// measured in the same run. Loads the production build (it never builds) on
// 127.0.0.1:
//   npm run build && npm run bench [-- --duration 10 --connections 10 --mixed 30]
// The database is a fresh embedded PGlite in .data/bench, or DATABASE_URL's
// Postgres, which must be a new empty database. `npm run db:generate-load`'s
// data set is added to it (its size flags work here too: --cities, --users,
// --updates, --comments; the defaults depend on the database).
// Prints req/s, p50/p95/p99, errors, the ratio to the ceiling and the server's
// memory for: the article; a city page, anonymous and signed in (the page and
// its follow state); search; /me and /moderation (the cached shell a browser with
// scripts gets, its data, and the page rendered for a browser without); the first and last page of a city's
// comments; then a mixed read/write load. Raw results go to bench-results/.
import { mkdirSync, writeFileSync } from "node:fs";
import { benchEnv, stopApp } from "./bench/app-process";
import { startCeiling } from "./bench/ceiling";
import { measure, type Target } from "./bench/measure";
import { watchMemory } from "./bench/memory";
import { mixedLoad } from "./bench/mixed-load";
import { signInDemo, signInLoadPeople, withScripts } from "./bench/people";
import { machine, ms, printTable } from "./bench/report";
import {
  migrateAndSeed,
  openBenchDb,
  requireBuild,
  requireFreePorts,
  sampleCities,
  serveApp,
} from "./bench/setup";
import { generateLoad, HOT_CITY, loadSizes } from "./lib/data-set";
import { databaseTarget } from "./lib/db-target";
import { stringFlags } from "./lib/flags";

const opts = stringFlags(
  { duration: "10", warmup: "3", connections: "10", mixed: "30", port: "3200" },
  { strict: false },
);
const load = {
  duration: Number(opts.duration),
  warmup: Number(opts.warmup),
  connections: Number(opts.connections),
};
const appPort = Number(opts.port);

requireBuild(" (the benchmark never builds)");
await requireFreePorts(appPort, appPort + 1);
const { env, appUrl } = benchEnv("bench", opts.port);
const target = databaseTarget(env);
const sizes = loadSizes(target.kind);

// 1. Fresh start: from spawning the server on a new database to the first page.
const freshStartMs = await migrateAndSeed(env, appUrl, "/articles/us-sanctuary-cities");

// 2. The large data set, and what the deep pages need to know about it.
console.log(`[bench] adding ${JSON.stringify(sizes)} to ${target.kind}…`);
const started = performance.now();
const db = await openBenchDb(env);
const totals = await generateLoad(db, sizes);
const loadSeconds = (performance.now() - started) / 1000;
// The last page of comments: after the 11th-oldest thread come the 10 oldest.
const last = await db.one<{ ms: string; id: number }>(`
  select (extract(epoch from created_at) * 1000)::bigint as ms, id from comments
  where subject_type = 'city' and parent_id is null
    and subject_id = (select id from jurisdictions where slug = '${HOT_CITY}')
  order by created_at asc, id asc offset 10 limit 1`);
const threads = await db.one<{ n: number }>(`
  select count(*)::int as n from comments where subject_type = 'city' and parent_id is null
    and subject_id = (select id from jurisdictions where slug = '${HOT_CITY}')`);
const citySlugs = await sampleCities(db);
await db.close();

// 3. The server under test, and people signed in.
const app = await serveApp(env, appUrl);
const memory = watchMemory(app.pid);
const resident = await signInDemo(appUrl, "resident");
const moderator = await signInDemo(appUrl, "moderator");
const people = await signInLoadPeople(appUrl, 20);

const comments = `/api/comments?on=city:${HOT_CITY}`;
const TARGETS: Target[] = [
  { name: "article", path: "/articles/us-sanctuary-cities", shows: "sanctuary" },
  { name: "city page, anonymous", path: `/cities/${HOT_CITY}`, shows: "Boston" },
  { name: "city page, signed in", path: `/cities/${HOT_CITY}`, shows: "Boston", cookie: resident },
  {
    name: "city page's follow state, signed in",
    path: `/api/follows?city=${HOT_CITY}`,
    shows: '"following":',
    cookie: resident,
  },
  // A browser that runs scripts gets the cached shell and asks the API for its part
  // (lib/pages/shells.ts); one without gets the page rendered on the server.
  {
    name: "/me (cached shell)",
    path: "/me",
    shows: "Loading your cities",
    cookie: withScripts(resident),
  },
  { name: "/me's data (JSON)", path: "/api/me", shows: "Load update", cookie: resident },
  { name: "/me without scripts", path: "/me", shows: "Load update", cookie: resident },
  {
    name: "/moderation (cached shell)",
    path: "/moderation",
    shows: "Loading the review queue",
    cookie: withScripts(moderator),
  },
  {
    name: "/moderation's data (JSON)",
    path: "/api/moderation/queue",
    shows: "Load update",
    cookie: moderator,
  },
  {
    name: "/moderation without scripts",
    path: "/moderation",
    shows: "Load update",
    cookie: moderator,
  },
  // Search (npm run bench:search has more queries): a place, and a word every update holds.
  { name: "search: a place", path: "/search?q=boston", shows: "<mark" },
  {
    name: "search: 95,000 matches",
    path: "/search?q=immigration+detainers",
    shows: "More than 1,000 published updates match",
  },
  { name: "comments, first page", path: comments, shows: "Load thread" },
  {
    name: `comments, last page (of ${Math.ceil(threads.n / 10)})`,
    path: `${comments}&after=${last.ms}.${last.id}`,
    shows: "Load thread 1:",
  },
];

const results = [];
for (const t of TARGETS) {
  const headers: Record<string, string> = t.cookie ? { cookie: t.cookie } : {};
  const first = await fetch(appUrl + t.path, { headers });
  const body = Buffer.from(await first.arrayBuffer());
  if (!body.toString().includes(t.shows)) throw new Error(`${t.name} does not show ${t.shows}`);
  const ceiling = await startCeiling(
    body,
    first.headers.get("content-type") ?? "text/html",
    appPort + 1,
  );
  const run = await measure(appUrl + t.path, { ...load, headers });
  const rssMiB = await memory.sample();
  const ceilingRun = await measure(ceiling.url, load);
  await ceiling.stop();
  results.push({
    name: t.name,
    path: t.path,
    bytes: body.length,
    app: run,
    ceiling: ceilingRun,
    rssMiB,
  });
  console.log(`[bench] ${t.name}: ${run.rps.toFixed(0)} req/s, p99 ${run.p99.toFixed(1)} ms`);
}

console.log(`[bench] mixed read/write load for ${opts.mixed} s…`);
const mixed = await mixedLoad({
  appUrl,
  seconds: Number(opts.mixed),
  concurrency: load.connections,
  people,
  citySlugs,
});
const mixedRss = await memory.sample();
memory.stop();
await stopApp(app);

// 4. The report (Markdown) and the raw figures.
console.log(`\n# CityWatch benchmark ${new Date().toISOString()}`);
console.log(`machine: ${machine()}`);
console.log(
  `database: ${target.kind}, ${JSON.stringify(totals)} (added in ${loadSeconds.toFixed(0)} s); ` +
    `${load.connections} connections, ${load.duration} s per page after ${load.warmup} s warm-up`,
);
console.log(`fresh start to the first article page: ${(freshStartMs / 1000).toFixed(1)} s`);
console.log(
  "\n| page | req/s | p50 ms | p95 ms | p99 ms | errors | ceiling req/s | ratio | server RSS MiB |",
);
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const r of results) {
  const ratio = r.app.rps / r.ceiling.rps;
  console.log(
    `| ${r.name} | ${r.app.rps.toFixed(0)} | ${ms(r.app.p50)} | ${ms(r.app.p95)} | ${ms(r.app.p99)} | ${r.app.errors} | ${r.ceiling.rps.toFixed(0)} | 1/${(1 / ratio).toFixed(1)} | ${r.rssMiB} |`,
  );
}
console.log(
  `\nmixed load (${load.connections} workers, ${opts.mixed} s; reads: article, city pages, follow states, comments; writes: follow/unfollow, comments):`,
);
printTable("requests", [
  { name: "reads", ...mixed.read },
  { name: "writes", ...mixed.write },
  { name: "all", ...mixed.all },
]);
console.log(
  `\nrefused by rate limits (expected, not errors): ${mixed.limited}; server RSS after the mixed load: ${mixedRss} MiB; peak: ${memory.peak()} MiB`,
);
mkdirSync("bench-results", { recursive: true });
const file = `bench-results/bench-${Date.now()}.json`;
const raw = {
  date: new Date().toISOString(),
  machine: machine(),
  totals,
  freshStartMs,
  results,
  mixed,
};
writeFileSync(file, JSON.stringify({ ...raw, peakRssMiB: memory.peak() }, null, 2));
console.log(`raw results: ${file}`);
const failed = results.some((r) => r.app.errors > 0) || mixed.all.errors > 0;
process.exit(failed ? 1 : 0);

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
// its follow state); /me; /moderation; the first and last page of a city's
// comments; then a mixed read/write load. Raw results go to bench-results/.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import {
  answers,
  benchEnv,
  measure,
  mixedLoad,
  signInCookie,
  signInLoadPeople,
  startApp,
  startCeiling,
  stopApp,
  waitFor,
  watchMemory,
} from "./bench-lib.mjs";
import { databaseTarget } from "./db-target.mjs";
import {
  generateLoad,
  HOT_CITY,
  LOAD_PASSWORD,
  loadSizes,
  openScriptDb,
} from "./generate-load.mjs";

const { values: opts } = parseArgs({
  strict: false,
  options: {
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "3" },
    connections: { type: "string", default: "10" },
    mixed: { type: "string", default: "30" },
    port: { type: "string", default: "3200" },
  },
});
const [duration, warmup, connections] = [opts.duration, opts.warmup, opts.connections].map(Number);
const appPort = Number(opts.port);

if (!existsSync(".next/BUILD_ID")) {
  console.error("No production build: run `npm run build` first (the benchmark never builds).");
  process.exit(1);
}
for (const port of [appPort, appPort + 1]) {
  if (await answers(`http://127.0.0.1:${port}/`)) {
    console.error(`Port ${port} is already in use: stop that server or pass --port.`);
    process.exit(1);
  }
}
const { env, appUrl } = benchEnv("bench", appPort);
const target = databaseTarget(env);
const sizes = loadSizes(target.kind);

// 1. Fresh start: from spawning the server on a new database to the first page.
let started = performance.now();
let app = startApp(env);
await waitFor(`${appUrl}/articles/us-sanctuary-cities`);
const freshStartMs = performance.now() - started;
await stopApp(app);

// 2. The large data set, and what the deep pages need to know about it.
console.log(`[bench] adding ${JSON.stringify(sizes)} to ${target.kind}…`);
started = performance.now();
const db = await openScriptDb(target);
const totals = await generateLoad(db, sizes);
const loadSeconds = (performance.now() - started) / 1000;
// The last page of comments: after the 11th-oldest thread come the 10 oldest.
const [last] = await db.rows(`
  select (extract(epoch from created_at) * 1000)::bigint as ms, id from comments
  where subject_type = 'city' and parent_id is null
    and subject_id = (select id from jurisdictions where slug = '${HOT_CITY}')
  order by created_at asc, id asc offset 10 limit 1`);
const [threads] = await db.rows(`
  select count(*)::int as n from comments where subject_type = 'city' and parent_id is null
    and subject_id = (select id from jurisdictions where slug = '${HOT_CITY}')`);
const citySlugs = (await db.rows(`select slug from jurisdictions order by random() limit 200`)).map(
  (r) => r.slug,
);
await db.close();

// 3. The server under test, and people signed in.
app = startApp(env);
await waitFor(`${appUrl}/api/health`);
const memory = watchMemory(app.pid);
const resident = await signInCookie(appUrl, "resident@example.org", "citywatch-demo");
const moderator = await signInCookie(appUrl, "moderator@example.org", "citywatch-demo");
const people = await signInLoadPeople(appUrl, 20, LOAD_PASSWORD);

const comments = `/api/comments?on=city:${HOT_CITY}`;
const TARGETS = [
  { name: "article", path: "/articles/us-sanctuary-cities", shows: "sanctuary" },
  { name: "city page, anonymous", path: `/cities/${HOT_CITY}`, shows: "Boston" },
  { name: "city page, signed in", path: `/cities/${HOT_CITY}`, shows: "Boston", cookie: resident },
  {
    name: "city page's follow state, signed in",
    path: `/api/follows?city=${HOT_CITY}`,
    shows: '"following":',
    cookie: resident,
  },
  { name: "/me", path: "/me", shows: "Load update", cookie: resident },
  { name: "/moderation", path: "/moderation", shows: "Load update", cookie: moderator },
  { name: "comments, first page", path: comments, shows: "Load thread" },
  {
    name: `comments, last page (of ${Math.ceil(threads.n / 10)})`,
    path: `${comments}&after=${last.ms}.${last.id}`,
    shows: "Load thread 1:",
  },
];

const results = [];
for (const t of TARGETS) {
  const headers = t.cookie ? { cookie: t.cookie } : {};
  const first = await fetch(appUrl + t.path, { headers });
  const body = Buffer.from(await first.arrayBuffer());
  if (!body.toString().includes(t.shows)) throw new Error(`${t.name} does not show ${t.shows}`);
  const ceiling = await startCeiling(
    body,
    first.headers.get("content-type") ?? "text/html",
    appPort + 1,
  );
  const run = await measure(appUrl + t.path, { connections, duration, warmup, headers });
  const rssMiB = await memory.sample();
  const ceilingRun = await measure(ceiling.url, { connections, duration, warmup });
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
  concurrency: connections,
  people,
  citySlugs,
});
const mixedRss = await memory.sample();
memory.stop();
await stopApp(app);

// 4. The report (Markdown) and the raw figures.
const cpus = os.cpus();
const machine = `${cpus.length} × ${cpus[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const f = (n) => n.toFixed(1);
console.log(`\n# CityWatch benchmark ${new Date().toISOString()}`);
console.log(`machine: ${machine}`);
console.log(
  `database: ${target.kind}, ${JSON.stringify(totals)} (added in ${loadSeconds.toFixed(0)} s); ` +
    `${connections} connections, ${duration} s per page after ${warmup} s warm-up`,
);
console.log(`fresh start to the first article page: ${(freshStartMs / 1000).toFixed(1)} s`);
console.log(
  "\n| page | req/s | p50 ms | p95 ms | p99 ms | errors | ceiling req/s | ratio | server RSS MiB |",
);
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const r of results) {
  const ratio = r.app.rps / r.ceiling.rps;
  console.log(
    `| ${r.name} | ${r.app.rps.toFixed(0)} | ${f(r.app.p50)} | ${f(r.app.p95)} | ${f(r.app.p99)} | ${r.app.errors} | ${r.ceiling.rps.toFixed(0)} | 1/${(1 / ratio).toFixed(1)} | ${r.rssMiB} |`,
  );
}
console.log(
  `\nmixed load (${connections} workers, ${opts.mixed} s; reads: article, city pages, follow states, comments; writes: follow/unfollow, comments):`,
);
console.log("\n| requests | req/s | p50 ms | p95 ms | p99 ms | errors |");
console.log("|---|---:|---:|---:|---:|---:|");
for (const [kind, s] of Object.entries({
  reads: mixed.read,
  writes: mixed.write,
  all: mixed.all,
})) {
  console.log(
    `| ${kind} | ${s.rps.toFixed(0)} | ${f(s.p50)} | ${f(s.p95)} | ${f(s.p99)} | ${s.errors} |`,
  );
}
console.log(
  `\nrefused by rate limits (expected, not errors): ${mixed.limited}; server RSS after the mixed load: ${mixedRss} MiB; peak: ${memory.peak()} MiB`,
);
mkdirSync("bench-results", { recursive: true });
const file = `bench-results/bench-${Date.now()}.json`;
const raw = { date: new Date().toISOString(), machine, totals, freshStartMs, results, mixed };
writeFileSync(file, JSON.stringify({ ...raw, peakRssMiB: memory.peak() }, null, 2));
console.log(`raw results: ${file}`);
const failed = results.some((r) => r.app.errors > 0) || mixed.all.errors > 0;
process.exit(failed ? 1 : 0);

// `npm run bench:soak [-- --minutes 10 --connections 10 --max-growth 150]`:
// a long mixed read/write load (the benchmark's, scripts/bench/mixed-load.ts)
// on the generated data set, one line per minute: req/s, p99, errors and the
// server's memory. Passes when no request failed and the server's RSS at the
// end is at most --max-growth MiB above its RSS after the first minute (the
// warm-up: caches and JIT fill during it).
// Loads the production build on 127.0.0.1 (npm run build first), on a fresh
// PGlite in .data/soak or on DATABASE_URL's Postgres (a new, empty database).
import { benchEnv, stopApp } from "./bench/app-process";
import { watchMemory } from "./bench/memory";
import { mixedLoad, type MixedResult, type MixedState } from "./bench/mixed-load";
import { signInLoadPeople } from "./bench/people";
import { machine } from "./bench/report";
import { migrateAndSeed, openBenchDb, requireBuild, sampleCities, serveApp } from "./bench/setup";
import { generateLoad, loadSizes } from "./lib/data-set";
import { databaseTarget } from "./lib/db-target";
import { stringFlags } from "./lib/flags";

const opts = stringFlags(
  { minutes: "10", connections: "10", "max-growth": "150", port: "3250" },
  { strict: false },
);
requireBuild();
const { env, appUrl } = benchEnv("soak", opts.port);
const target = databaseTarget(env);
const sizes = loadSizes(target.kind);

await migrateAndSeed(env, appUrl);
const db = await openBenchDb(env);
const totals = await generateLoad(db, sizes, () => {});
const citySlugs = await sampleCities(db);
await db.close();

const app = await serveApp(env, appUrl);
const memory = watchMemory(app.pid);
const people = await signInLoadPeople(appUrl, 20);
const state: MixedState = { lastComment: new Map(), following: new Map() };
console.log(`# CityWatch soak ${new Date().toISOString()}`);
console.log(`machine: ${machine()}`);
console.log(
  `database: ${target.kind}, ${JSON.stringify(totals)}; ${opts.connections} workers, ${opts.minutes} min`,
);
console.log(
  "\n| minute | req/s | reads p99 ms | writes p99 ms | errors | rate-limited | RSS MiB |",
);
console.log("|---:|---:|---:|---:|---:|---:|---:|");
const minutes: (MixedResult & { rss: number })[] = [];
for (let m = 1; m <= Number(opts.minutes); m++) {
  const run = await mixedLoad({
    appUrl,
    seconds: 60,
    concurrency: Number(opts.connections),
    people,
    citySlugs,
    state,
  });
  const rss = await memory.sample();
  minutes.push({ ...run, rss });
  console.log(
    `| ${m} | ${run.all.rps.toFixed(0)} | ${run.read.p99.toFixed(1)} | ${run.write.p99.toFixed(1)} | ${run.all.errors} | ${run.limited} | ${rss} |`,
  );
}
memory.stop();
await stopApp(app);

const errors = minutes.reduce((n, m) => n + m.all.errors, 0);
const firstRss = minutes[0]?.rss ?? NaN;
const lastRss = minutes.at(-1)?.rss ?? NaN;
const growth = lastRss - firstRss;
const bound = Number(opts["max-growth"]);
console.log(
  `\nerrors: ${errors}; RSS after minute 1: ${firstRss} MiB, at the end: ${lastRss} MiB ` +
    `(growth ${growth} MiB, bound ${bound} MiB), peak ${memory.peak()} MiB`,
);
const ok = errors === 0 && growth <= bound;
console.log(ok ? "soak passed" : "soak FAILED");
process.exit(ok ? 0 : 1);

// `npm run bench:soak [-- --minutes 10 --connections 10 --max-growth 150]`:
// a long mixed read/write load (the benchmark's, scripts/bench-lib.mjs
// mixedLoad) on the generated data set, one line per minute: req/s, p99,
// errors and the server's memory. Passes when no request failed and the
// server's RSS at the end is at most --max-growth MiB above its RSS after
// the first minute (the warm-up: caches and JIT fill during it).
// Loads the production build on 127.0.0.1 (npm run build first), on a fresh
// PGlite in .data/soak or on DATABASE_URL's Postgres (a new, empty database).
import { existsSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import {
  benchEnv,
  mixedLoad,
  signInLoadPeople,
  startApp,
  stopApp,
  waitFor,
  watchMemory,
} from "./bench-lib.mjs";
import { databaseTarget } from "./db-target.mjs";
import { generateLoad, LOAD_PASSWORD, loadSizes, openScriptDb } from "./generate-load.mjs";

const { values: opts } = parseArgs({
  strict: false,
  options: {
    minutes: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    "max-growth": { type: "string", default: "150" },
    port: { type: "string", default: "3250" },
  },
});
if (!existsSync(".next/BUILD_ID")) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}
const { env, appUrl } = benchEnv("soak", Number(opts.port));
const target = databaseTarget(env);
const sizes = loadSizes(target.kind);

let app = startApp(env);
await waitFor(`${appUrl}/api/health`);
await stopApp(app);
const db = await openScriptDb(target);
const totals = await generateLoad(db, sizes, () => {});
const citySlugs = (await db.rows(`select slug from jurisdictions order by random() limit 200`)).map(
  (r) => r.slug,
);
await db.close();

app = startApp(env);
await waitFor(`${appUrl}/api/health`);
const memory = watchMemory(app.pid);
const people = await signInLoadPeople(appUrl, 20, LOAD_PASSWORD);
const state = { lastComment: new Map(), following: new Map() };
const cpus = os.cpus();
console.log(`# CityWatch soak ${new Date().toISOString()}`);
console.log(
  `machine: ${cpus.length} × ${cpus[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
console.log(
  `database: ${target.kind}, ${JSON.stringify(totals)}; ${opts.connections} workers, ${opts.minutes} min`,
);
console.log(
  "\n| minute | req/s | reads p99 ms | writes p99 ms | errors | rate-limited | RSS MiB |",
);
console.log("|---:|---:|---:|---:|---:|---:|---:|");
const minutes = [];
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
const growth = minutes.at(-1).rss - minutes[0].rss;
const bound = Number(opts["max-growth"]);
console.log(
  `\nerrors: ${errors}; RSS after minute 1: ${minutes[0].rss} MiB, at the end: ${minutes.at(-1).rss} MiB ` +
    `(growth ${growth} MiB, bound ${bound} MiB), peak ${memory.peak()} MiB`,
);
const ok = errors === 0 && growth <= bound;
console.log(ok ? "soak passed" : "soak FAILED");
process.exit(ok ? 0 : 1);

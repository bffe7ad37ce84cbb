// `npm run bench`: load-tests the production build (it never builds) on
// 127.0.0.1 and, in the same run, a plain Node `http` server sending the same
// bytes (the ceiling). Prints req/s, p50/p95/p99 and errors, and the ratio.
//   npm run build && npm run bench [-- --duration 10 --connections 10]
// Uses a fresh embedded database, or Postgres when DATABASE_URL is set.
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { answers, killGroup, measure, rssOf, spawnChild, startApp, waitFor } from "./bench-lib.mjs";

const { values: opts } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "3" },
    connections: { type: "string", default: "10" },
    port: { type: "string", default: "3200" },
  },
});
const duration = Number(opts.duration);
const connections = Number(opts.connections);
const appPort = Number(opts.port);
const ceilingPort = appPort + 1;
const TARGETS = [
  { name: "article", path: "/articles/us-sanctuary-cities" },
  { name: "city page", path: "/cities/boston-ma" },
];

if (!existsSync(".next/BUILD_ID")) {
  console.error("No production build: run `npm run build` first (the benchmark never builds).");
  process.exit(1);
}

const env = {
  ...process.env,
  PORT: String(appPort),
  NODE_ENV: "production",
  NEXTAUTH_URL: `http://127.0.0.1:${appPort}`,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-only-secret-not-for-production-use-0001",
};
if (!env.DATABASE_URL) {
  env.PGLITE_DIR = ".data/bench/pglite";
  rmSync(".data/bench", { recursive: true, force: true });
}

if (await answers(`http://127.0.0.1:${appPort}/`)) {
  console.error(`Port ${appPort} is already in use: stop that server or pass --port.`);
  process.exit(1);
}

// Fresh start: from spawning the server on a new database to the first page.
const started = performance.now();
const app = startApp(env);
const appUrl = `http://127.0.0.1:${appPort}`;
await waitFor(`${appUrl}${TARGETS[0].path}`);
const freshStartMs = performance.now() - started;

const results = [];
for (const target of TARGETS) {
  const first = await fetch(appUrl + target.path);
  const body = Buffer.from(await first.arrayBuffer());
  const contentType = first.headers.get("content-type") ?? "text/html";
  // The ceiling: a plain Node server in its own process sending the same bytes.
  const ceiling = spawnChild(process.execPath, ["scripts/bench-ceiling.mjs"], {
    ...process.env,
    CEILING_PORT: String(ceilingPort),
    CEILING_TYPE: contentType,
  });
  ceiling.stdin.end(body);
  const ceilingUrl = `http://127.0.0.1:${ceilingPort}/`;
  await waitFor(ceilingUrl);

  const appRun = await load(appUrl + target.path);
  const ceilingRun = await load(ceilingUrl);
  const exited = new Promise((r) => ceiling.once("exit", r));
  killGroup(ceiling);
  await exited;
  results.push({
    target: target.name,
    path: target.path,
    bytes: body.length,
    app: appRun,
    ceiling: ceilingRun,
  });
}
const memory = rssOf(app.pid);

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`\n# CityWatch benchmark ${new Date().toISOString()}`);
console.log(`machine: ${machine}`);
console.log(
  `database: ${process.env.DATABASE_URL ? "postgres" : "pglite (fresh)"}; ${connections} connections, ${duration} s after ${opts.warmup} s warm-up`,
);
console.log(
  `fresh start to first article page: ${(freshStartMs / 1000).toFixed(1)} s; app RSS after load: ${memory}`,
);
console.log("\n| page | server | req/s | p50 ms | p95 ms | p99 ms | errors | ratio to ceiling |");
console.log("|---|---|---:|---:|---:|---:|---:|---:|");
for (const r of results) {
  const ratio = r.app.rps / r.ceiling.rps;
  console.log(
    row(
      r.target,
      "CityWatch (next start)",
      r.app,
      `1/${(1 / ratio).toFixed(1)} (${ratio.toFixed(3)})`,
    ),
  );
  console.log(row(r.target, "plain Node http, same bytes", r.ceiling, "1"));
}
mkdirSync("bench-results", { recursive: true });
const file = `bench-results/bench-${Date.now()}.json`;
writeFileSync(
  file,
  JSON.stringify(
    { date: new Date().toISOString(), machine, freshStartMs, memory, results },
    null,
    2,
  ),
);
console.log(`\nraw results: ${file}`);
process.exit(results.some((r) => r.app.errors > 0) ? 1 : 0);

function load(url) {
  return measure(url, { connections, duration, warmup: Number(opts.warmup) });
}

function row(target, server, run, ratio) {
  return `| ${target} | ${server} | ${run.rps.toFixed(0)} | ${run.p50.toFixed(1)} | ${run.p95.toFixed(1)} | ${run.p99.toFixed(1)} | ${run.errors} | ${ratio} |`;
}

// `npm run bench:cluster`: throughput with 1, 2 and 3 instances behind nginx
// (deploy/nginx/citywatch.conf) on the large Postgres data set, beside one
// instance served directly and the plain-Node ceiling, all in one run. Loads the
// production build (it never builds) on 127.0.0.1:
//   npm run build && DATABASE_URL=postgres://…/cw_cluster npm run bench:cluster
// The data set of `npm run db:generate-load` is added the first time and kept.
// The load generator (autocannon) runs in this process, on the same 2 cores.
import { startApp, stopApp, waitFor, benchEnv } from "./bench/app-process";
import { startCeiling } from "./bench/ceiling";
import { measure, type Measurement } from "./bench/measure";
import { signInDemo, withScripts } from "./bench/people";
import { machine, ms } from "./bench/report";
import { migrateAndSeed, openBenchDb, requireBuild, requireFreePorts } from "./bench/setup";
import { generateLoad, hasLoad, HOT_CITY, loadSizes } from "./lib/data-set";
import { databaseTarget } from "./lib/db-target";
import { stringFlags } from "./lib/flags";
import { startNginx } from "./lib/nginx";

const opts = stringFlags({ duration: "10", warmup: "3", connections: "10", port: "3280" });
const load = {
  duration: Number(opts.duration),
  warmup: Number(opts.warmup),
  connections: Number(opts.connections),
};
const nginxPort = Number(opts.port);
const ports = [nginxPort + 1, nginxPort + 2, nginxPort + 3];

requireBuild(" (the benchmark never builds)");
if (!process.env.DATABASE_URL) {
  console.error("bench:cluster needs DATABASE_URL: several instances need a database server.");
  process.exit(1);
}
await requireFreePorts(nginxPort, ...ports, nginxPort + 4);

const first = benchEnv("cluster", String(ports[0]));
await migrateAndSeed(first.env, first.appUrl);
const db = await openBenchDb(first.env);
if (!(await hasLoad(db))) await generateLoad(db, loadSizes(databaseTarget(first.env).kind, []));
await db.close();

const apps = ports.map((port) => {
  const { env, appUrl } = benchEnv("cluster", String(port));
  return { appUrl, child: startApp(env) };
});
await Promise.all(apps.map((a) => waitFor(`${a.appUrl}/api/health`)));
const resident = await signInDemo(apps[0]!.appUrl, "resident");
const moderator = await signInDemo(apps[0]!.appUrl, "moderator");

const pages = [
  { name: "article", path: "/articles/us-sanctuary-cities" },
  { name: "city page", path: `/cities/${HOT_CITY}` },
  // A browser that runs scripts: the cached shell, then its data (lib/pages/shells.ts).
  { name: "/me (cached shell)", path: "/me", cookie: withScripts(resident) },
  { name: "/me's data (JSON)", path: "/api/me", cookie: resident },
  { name: "/moderation (cached shell)", path: "/moderation", cookie: withScripts(moderator) },
  { name: "/moderation's data (JSON)", path: "/api/moderation/queue", cookie: moderator },
];

type Row = { page: string; setup: string; run: Measurement };
const rows: Row[] = [];
const ceilings = new Map<string, Measurement>();

async function measureAll(setup: string, baseUrl: string) {
  for (const p of pages) {
    const headers: Record<string, string> = p.cookie ? { cookie: p.cookie } : {};
    const res = await fetch(baseUrl + p.path, { headers });
    if (res.status !== 200) throw new Error(`${setup}: ${p.path} answered ${res.status}`);
    const body = Buffer.from(await res.arrayBuffer());
    if (!ceilings.has(p.name)) {
      const ceiling = await startCeiling(
        body,
        res.headers.get("content-type") ?? "text/html",
        nginxPort + 4,
      );
      ceilings.set(p.name, await measure(ceiling.url, load));
      await ceiling.stop();
    }
    const run = await measure(baseUrl + p.path, { ...load, headers });
    rows.push({ page: p.name, setup, run });
    console.log(`[bench] ${setup}, ${p.name}: ${run.rps.toFixed(0)} req/s, p95 ${ms(run.p95)} ms`);
    if (run.errors > 0) console.log(`[bench]   errors: ${JSON.stringify(run.failures)}`);
  }
}

await measureAll("1 instance, direct", apps[0]!.appUrl);
for (const n of [1, 2, 3]) {
  const nginx = await startNginx(
    nginxPort,
    ports.slice(0, n).map((port) => ({ port })),
  );
  await measureAll(`${n} behind nginx`, nginx.url);
  await nginx.stop();
}
await Promise.all(apps.map((a) => stopApp(a.child)));

console.log(`\n# CityWatch cluster benchmark ${new Date().toISOString()}`);
console.log(`machine: ${machine()}`);
console.log(
  `${load.connections} connections, ${load.duration} s per page after ${load.warmup} s warm-up; ceiling: plain Node sending the same bytes`,
);
console.log(
  "\n| page | setup | req/s | p50 ms | p95 ms | p99 ms | errors | ceiling req/s | ratio |",
);
console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|");
for (const r of rows) {
  const ceiling = ceilings.get(r.page)!;
  console.log(
    `| ${r.page} | ${r.setup} | ${r.run.rps.toFixed(0)} | ${ms(r.run.p50)} | ${ms(r.run.p95)} | ${ms(r.run.p99)} | ${r.run.errors} | ${ceiling.rps.toFixed(0)} | 1/${(ceiling.rps / r.run.rps).toFixed(1)} |`,
  );
}
process.exit(rows.some((r) => r.run.errors > 0) ? 1 : 0);

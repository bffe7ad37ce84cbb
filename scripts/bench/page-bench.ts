// The shape of `bench:deep`, `bench:me` and `bench:comments`: rows added
// straight into a fresh database, then a few pages measured one after the
// other, each checked to show what it must.
import { stringFlags } from "../lib/flags";
import type { ScriptDb } from "../lib/script-db";
import { benchEnv } from "./app-process";
import { measureTargets, type Target } from "./measure";
import { rssOf } from "./memory";
import { signInDemo, type DemoRole } from "./people";
import { printResults } from "./report";
import { migrateAndSeed, openBenchDb, serveApp } from "./setup";

/** A page to measure; `signedIn` loads it as the benchmark's demo account. */
export type PageTarget = Omit<Target, "cookie"> & { signedIn?: boolean };

export type PageBench = {
  /** The data folder (.data/<name>) for PGlite. */
  name: string;
  /** The heading of the results. */
  title: string;
  port: number;
  /** The default of --updates: how many rows `rows` adds. */
  defaultRows?: number;
  /** Who the `signedIn` targets are. */
  signInAs?: DemoRole;
  /** The SQL that adds `total` rows (timed). */
  rows(total: number): string;
  /** What to measure (cursors read from the rows) and what the database holds, for the heading. */
  inspect(db: ScriptDb, total: number): Promise<{ targets: PageTarget[]; holds: string }>;
};

/**
 * Runs one: flags (`--updates`, `--duration`, `--warmup`, `--connections`,
 * `--port`), the app's environment (a fresh PGlite in .data/<name>, or
 * DATABASE_URL's Postgres), one start so it migrates and seeds, the rows, then
 * the pages; prints the table and exits 1 when any request failed.
 */
export async function runPageBench(bench: PageBench): Promise<never> {
  const opts = stringFlags({
    updates: String(bench.defaultRows ?? 100_000),
    duration: "10",
    warmup: "2",
    connections: "10",
    port: String(bench.port),
  });
  const total = Number(opts.updates);
  const { env, appUrl } = benchEnv(bench.name, opts.port);
  await migrateAndSeed(env, appUrl);

  const started = performance.now();
  const db = await openBenchDb(env);
  await db.exec(bench.rows(total));
  const loadSeconds = (performance.now() - started) / 1000;
  const { targets, holds } = await bench.inspect(db, total);
  await db.close();

  const app = await serveApp(env, appUrl);
  const cookie = bench.signInAs && (await signInDemo(appUrl, bench.signInAs));
  const results = await measureTargets(
    appUrl,
    targets.map(({ signedIn, ...t }) => (signedIn ? { ...t, cookie } : t)),
    {
      connections: Number(opts.connections),
      duration: Number(opts.duration),
      warmup: Number(opts.warmup),
    },
  );
  printResults(
    bench.title,
    `database: ${process.env.DATABASE_URL ? "postgres" : "pglite (fresh)"}, ${holds} (rows added in ${loadSeconds.toFixed(1)} s); ${opts.connections} connections, ${opts.duration} s after ${opts.warmup} s warm-up; app RSS after load: ${rssOf(app.pid)}`,
    results,
  );
  process.exit(results.some((r) => r.errors > 0) ? 1 : 0);
}

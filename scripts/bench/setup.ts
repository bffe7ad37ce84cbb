// The start every benchmark on the large data set shares: a production build,
// free ports, one start of the app so it migrates and seeds its fresh
// database, the rows added while it is stopped (PGlite allows one process at a
// time), then the server under test.
import { existsSync } from "node:fs";
import { databaseTarget } from "../lib/db-target";
import { openScriptDb, type ScriptDb } from "../lib/script-db";
import { answers, startApp, stopApp, waitFor, type AppEnv } from "./app-process";

/** Exits with a sentence when there is no production build (`hint` says why it never builds). */
export function requireBuild(hint = ""): void {
  if (!existsSync(".next/BUILD_ID")) {
    console.error(`No production build: run \`npm run build\` first${hint}.`);
    process.exit(1);
  }
}

/** Exits with a sentence when something already answers on one of `ports`. */
export async function requireFreePorts(...ports: number[]): Promise<void> {
  for (const port of ports) {
    if (await answers(`http://127.0.0.1:${port}/`)) {
      console.error(`Port ${port} is already in use: stop that server or pass --port.`);
      process.exit(1);
    }
  }
}

/**
 * Starts the app once and stops it, so that it migrates and seeds its fresh
 * database before rows are added; the ms from spawning it until `firstPage`
 * answered.
 */
export async function migrateAndSeed(
  env: AppEnv,
  appUrl: string,
  firstPage = "/api/health",
): Promise<number> {
  const started = performance.now();
  const app = startApp(env);
  await waitFor(appUrl + firstPage);
  const ms = performance.now() - started;
  await stopApp(app);
  return ms;
}

/** The database the app uses, for writing rows: Postgres or the PGlite directory (app stopped). */
export function openBenchDb(env: AppEnv): Promise<ScriptDb> {
  return openScriptDb(databaseTarget(env));
}

/** Up to 200 random city slugs, for loads that visit many cities. */
export async function sampleCities(db: ScriptDb): Promise<string[]> {
  const rows = await db.rows<{ slug: string }>(
    `select slug from jurisdictions order by random() limit 200`,
  );
  return rows.map((r) => r.slug);
}

/** Starts the server under test and waits until its database answers. */
export async function serveApp(env: AppEnv, appUrl: string) {
  const app = startApp(env);
  await waitFor(`${appUrl}/api/health`);
  return app;
}

// Starts the production build for Playwright on a fresh database, so every
// run begins from the seed: embedded PGlite in .data/e2e, or with
// DATABASE_URL a new Postgres database "<that database>_e2e" on the same
// server. The unit tests write into DATABASE_URL's own database (edits to
// seeded cities, future-dated audit rows, long queues); the journeys must not
// see that.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import pg from "pg";
import { withServerNodeOptions } from "./lib/server-node-options";

const port = process.env.E2E_PORT || "3100";
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: port,
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  NODE_OPTIONS: withServerNodeOptions(process.env.NODE_OPTIONS),
};
// Playwright stands where a proxy would: each test's browser says which client it is
// with X-Forwarded-For, so one test's per-IP limits never refuse another's requests.
env.TRUSTED_PROXIES ??= "127.0.0.1,::1";
// Postgres runs need a secret; a fresh one per run is fine for tests.
env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
// The journeys sign in as the demo accounts, on Postgres too.
env.SEED_DEMO ??= "1";
let dropE2eDatabase = async () => {};
if (env.DATABASE_URL) {
  const url = new URL(env.DATABASE_URL);
  const name = `${decodeURIComponent(url.pathname.slice(1))}_e2e`;
  if (!/^[A-Za-z0-9_]{1,63}$/.test(name)) throw new Error(`cannot derive a database name: ${name}`);
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${name}"`);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  // Best effort: Playwright may kill this process before it gets here; the next run
  // replaces the database anyway, and .ci/run drops it.
  dropE2eDatabase = () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
} else {
  env.PGLITE_DIR = ".data/e2e/pglite";
  rmSync(".data/e2e", { recursive: true, force: true });
}
// Emails become files here (no SMTP_URL); the journeys read them. Sent within a second.
env.MAIL_OUTBOX_DIR = ".data/e2e-outbox";
env.MAIL_INTERVAL_MS ??= "500";
rmSync(env.MAIL_OUTBOX_DIR, { recursive: true, force: true });
const child = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", async (code) => {
  await dropE2eDatabase();
  process.exit(code ?? 0);
});

import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLITE_EXTENSIONS } from "./pglite-extensions";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { Client, Pool } from "pg";
import { noteIfDatabaseUnavailable } from "../lib/database-unavailable";
import { acquireDirLock } from "./pglite-lock";
import * as schema from "./schema";
import { seedDatabase } from "./seed";
import { demoAccountsEnabled, seedDemoAccounts } from "./seed/demo-accounts";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle, as `db.transaction` passes it. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type DatabaseKind = "pglite" | "postgres";
export type OpenedDatabase = { db: Database; kind: DatabaseKind; close: () => Promise<void> };

const MIGRATIONS = { migrationsFolder: path.join(process.cwd(), "drizzle") };
// Any constant works; it only has to be the same in every app instance.
const MIGRATION_LOCK_ID = 727_001;

/**
 * Opens Postgres when DATABASE_URL is set, embedded PGlite in PGLITE_DIR
 * otherwise; applies the committed migrations and seeds an empty database.
 */
export async function openDatabase(env: NodeJS.ProcessEnv): Promise<OpenedDatabase> {
  if (env.DATABASE_URL) return openPostgres(env.DATABASE_URL);
  return openPglite(env.PGLITE_DIR || path.join(".data", "pglite"));
}

// A request fails within seconds when Postgres is down or restarting, rather
// than waiting on it (README › Database outages): a connection gets 3 s, a
// statement 10 s on the server, and an answer 11 s on the client (a server
// that stopped answering without closing the connection).
const CONNECT_TIMEOUT_MS = 3_000;
const STATEMENT_TIMEOUT_MS = 10_000;

async function openPostgres(url: string): Promise<OpenedDatabase> {
  // Several app instances may start together: migrate and seed under an
  // advisory lock held on one connection, so exactly one of them does it. Its
  // own connection, without the pool's statement timeout: a migration may be long.
  const client = new Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on("error", (error) => console.error("[db] migration connection error", error.message));
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    const lockedDb = drizzlePg(client, { schema });
    await migratePg(lockedDb, MIGRATIONS);
    await seedDatabase(lockedDb as unknown as Database);
    if (demoAccountsEnabled(process.env)) await seedDemoAccounts(lockedDb as unknown as Database);
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => {});
    await client.end().catch(() => {});
  }
  const pool = new Pool({
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    query_timeout: STATEMENT_TIMEOUT_MS + 1_000,
    keepAlive: true,
  });
  // A connection that breaks is dropped by the pool (it is no longer queryable),
  // and the next query opens a new one: once Postgres is back, the app is too.
  // An idle connection's error comes here; without a listener it would end the process.
  pool.on("error", (error) => console.error("[db] idle connection error:", error.message));
  pool.on("connect", (connection) => {
    // A connection lent out (a transaction between two statements) has no listener of the
    // pool's: its error would end the process. Its statements fail and are answered instead.
    connection.on("error", () => {});
    noteWhenUnavailable(connection, "query");
  });
  noteWhenUnavailable(pool, "query");
  noteWhenUnavailable(pool, "connect");
  const db = drizzlePg(pool, { schema }) as unknown as Database;
  return { db, kind: "postgres", close: () => pool.end() };
}

/**
 * Makes a failed call of `target[method]` that means "no database" note so on
 * the request that made it (lib/database-unavailable.ts), so the request's 500
 * goes out as a 503. The promise's handler runs in the caller's async context,
 * whichever request's connection did the work. Callback calls (pg's own) pass.
 */
function noteWhenUnavailable(target: object, method: "query" | "connect"): void {
  // pg's methods are overloaded (callbacks, streams): wrapped as the untyped calls they are.
  const methods = target as Record<string, (...args: unknown[]) => unknown>;
  const original = methods[method]!;
  methods[method] = function (this: unknown, ...args: unknown[]) {
    const result = original.apply(this, args);
    if (result instanceof Promise) result.catch(noteIfDatabaseUnavailable);
    return result;
  };
}

async function openPglite(dir: string): Promise<OpenedDatabase> {
  // "memory://" (used by tests) is private to this process and needs no lock.
  const release = dir.startsWith("memory://") ? () => {} : acquireDirLock(dir);
  try {
    const client = await PGlite.create(dir, { extensions: PGLITE_EXTENSIONS });
    const db = drizzlePglite(client, { schema });
    await migratePglite(db, MIGRATIONS);
    await seedDatabase(db as unknown as Database);
    if (demoAccountsEnabled(process.env)) await seedDemoAccounts(db as unknown as Database);
    return {
      db: db as unknown as Database,
      kind: "pglite",
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

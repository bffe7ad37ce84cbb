import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { Pool } from "pg";
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

async function openPostgres(url: string): Promise<OpenedDatabase> {
  const pool = new Pool({
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    connectionTimeoutMillis: 5_000,
  });
  pool.on("error", (error) => console.error("[db] idle client error", error.message));
  // Several app instances may start together: migrate and seed under an
  // advisory lock held on one connection, so exactly one of them does it.
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    const lockedDb = drizzlePg(client, { schema });
    await migratePg(lockedDb, MIGRATIONS);
    await seedDatabase(lockedDb as unknown as Database);
    if (demoAccountsEnabled(process.env)) await seedDemoAccounts(lockedDb as unknown as Database);
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => {});
    client.release();
  }
  const db = drizzlePg(pool, { schema }) as unknown as Database;
  return { db, kind: "postgres", close: () => pool.end() };
}

async function openPglite(dir: string): Promise<OpenedDatabase> {
  // "memory://" (used by tests) is private to this process and needs no lock.
  const release = dir.startsWith("memory://") ? () => {} : acquireDirLock(dir);
  try {
    const client = await PGlite.create(dir);
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

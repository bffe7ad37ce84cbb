// A database opened by a script (the app stopped, for PGlite): just enough to
// run SQL and read rows, the same on Postgres and PGlite.
import { acquireDirLock } from "../../db/pglite-lock";
import { PGLITE_EXTENSIONS } from "../../db/pglite-extensions";
import type { DatabaseTarget } from "./db-target";

export type Row = Record<string, unknown>;

export type ScriptDb = {
  /** Runs one or more statements. */
  exec(sql: string): Promise<unknown>;
  rows<T = Row>(sql: string): Promise<T[]>;
  /** The first row of a query that always returns one. */
  one<T = Row>(sql: string): Promise<T>;
  close(): Promise<void>;
};

/** Opens the target database for a script: `exec`, `rows`, `one`, `close`. */
export async function openScriptDb(target: DatabaseTarget): Promise<ScriptDb> {
  const db = await openTarget(target);
  return {
    ...db,
    async one<T>(sql: string) {
      const [row] = await db.rows<T>(sql);
      if (!row) throw new Error(`no row from: ${sql}`);
      return row;
    },
  };
}

async function openTarget(target: DatabaseTarget): Promise<Omit<ScriptDb, "one">> {
  if (target.kind === "postgres") {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    return {
      exec: (sql) => client.query(sql),
      rows: async <T>(sql: string) => (await client.query(sql)).rows as T[],
      close: () => client.end(),
    };
  }
  const release = acquireDirLock(target.dir);
  const { PGlite } = await import("@electric-sql/pglite");
  const client = await PGlite.create(target.dir, { extensions: PGLITE_EXTENSIONS });
  return {
    exec: (sql) => client.exec(sql),
    rows: async <T>(sql: string) => (await client.query<T>(sql)).rows,
    close: async () => {
      await client.close();
      release();
    },
  };
}

// A fresh, empty database for one system test: a new PGlite folder, or with
// DATABASE_URL a new database on that Postgres server. The servers a test
// starts migrate and seed it themselves, as `npm start` does.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLITE_EXTENSIONS } from "../db/pglite-extensions";
import { Client } from "pg";

export type SystemDb = {
  kind: "pglite" | "postgres";
  /** The environment that points a server (or a script) at this database. */
  env: { DATABASE_URL: string } | { PGLITE_DIR: string };
  /** Runs one query on the database (for PGlite: only while no server has it open). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs several queries on one connection (PGlite opens the folder once instead of per query). */
  session<R>(fn: (query: Query) => Promise<R>): Promise<R>;
  drop(): Promise<void>;
};

export type Query = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

export const onPostgres = Boolean(process.env.DATABASE_URL);

async function onServer<T>(connectionString: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function freshDatabase(): Promise<SystemDb> {
  const base = process.env.DATABASE_URL;
  if (base) {
    const url = new URL(base);
    const name = `${url.pathname.slice(1)}_own_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
    await onServer(base, (c) => c.query(`create database "${name}"`));
    url.pathname = `/${name}`;
    const href = url.href;
    return {
      kind: "postgres",
      env: { DATABASE_URL: href },
      query: async (sql, params) => onServer(href, async (c) => (await c.query(sql, params)).rows),
      session: (fn) =>
        onServer(href, (c) => fn(async (sql, params) => (await c.query(sql, params)).rows)),
      drop: () =>
        onServer(base, (c) => c.query(`drop database if exists "${name}" with (force)`)).then(
          () => undefined,
        ),
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "citywatch-system-"));
  const dataDir = path.join(dir, "pglite");
  const session = async <R>(fn: (query: Query) => Promise<R>): Promise<R> => {
    const db = await PGlite.create(dataDir, { extensions: PGLITE_EXTENSIONS });
    try {
      return await fn(async (sql, params) => (await db.query(sql, params)).rows as never);
    } finally {
      await db.close();
    }
  };
  return {
    kind: "pglite",
    env: { PGLITE_DIR: dataDir },
    query: (sql, params) => session((q) => q(sql, params)),
    session,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

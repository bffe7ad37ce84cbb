// For test files whose code works on whole tables (the mailer sends every due
// email): on Postgres, where test files otherwise share one database, point
// this file at a fresh database of its own. PGlite files are private already.
import { Client } from "pg";
import { unique } from "./users";

/**
 * Call at the top level of a test file, before anything opens the database.
 * Returns the function that drops the database again (for afterAll).
 */
export async function createOwnDatabase(): Promise<() => Promise<void>> {
  const base = process.env.DATABASE_URL;
  if (!base) return async () => {};
  const url = new URL(base);
  const name = `${url.pathname.slice(1)}_own_${unique()}`;
  const run = async (sql: string) => {
    const client = new Client({ connectionString: base });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`create database "${name}"`);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.href;
  return () => run(`drop database if exists "${name}" with (force)`);
}

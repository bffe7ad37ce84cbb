// A Postgres server of the test's own, in a temporary folder on its own port, so
// a test can really stop and start Postgres (the machine's own serves other
// tests and people). Uses the binaries of the installed Postgres (Debian's
// /usr/lib/postgresql/<version>/bin); as root, runs them as the `postgres` user,
// since Postgres refuses to run as root.
import { execFile } from "node:child_process";
import { chownSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { Client } from "pg";
import type { SystemDb } from "./database";

const run = promisify(execFile);

export type PrivatePostgres = {
  /** postgres://postgres@127.0.0.1:<port>/citywatch: an empty database, made at start. */
  url: string;
  db: SystemDb;
  /** `pg_ctl stop -m fast`: every connection is closed, new ones are refused. */
  stop(): Promise<void>;
  /** `pg_ctl start`, waiting until it accepts connections. */
  start(): Promise<void>;
  /** Stops it (if running) and deletes its folder. */
  destroy(): Promise<void>;
};

function binDir(): string {
  const root = "/usr/lib/postgresql";
  const version = readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
  if (!version) throw new Error(`no Postgres under ${root}`);
  return path.join(root, version, "bin");
}

export async function startPrivatePostgres(port: number): Promise<PrivatePostgres> {
  const bin = binDir();
  const dir = mkdtempSync(path.join(os.tmpdir(), "citywatch-pg-"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    chownSync(dir, Number(stdout), Number(gid));
  }
  const pg = (tool: string, args: string[]) =>
    asRoot
      ? run("runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args])
      : run(path.join(bin, tool), args);
  const data = path.join(dir, "data");
  await pg("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = async () => {
    await pg("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "log"), "-w", "start"]);
  };
  const stop = async () => {
    await pg("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
  };
  await start();

  const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const url = `postgres://postgres@127.0.0.1:${port}/citywatch`;
  const onServer = async <T>(href: string, fn: (c: Client) => Promise<T>) => {
    const client = new Client({ connectionString: href });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  await onServer(admin, (c) => c.query("create database citywatch"));
  const db: SystemDb = {
    kind: "postgres",
    env: { DATABASE_URL: url },
    query: (sql, params) => onServer(url, async (c) => (await c.query(sql, params)).rows),
    session: (fn) =>
      onServer(url, (c) => fn(async (sql, params) => (await c.query(sql, params)).rows)),
    drop: async () => undefined, // the whole server goes with destroy()
  };
  return {
    url,
    db,
    stop,
    start,
    async destroy() {
      await stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

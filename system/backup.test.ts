// `npm run db:backup` and `npm run db:restore`, tested by a round trip on the
// run's database (PGlite, or Postgres with DATABASE_URL): back up, change
// things, restore, and every table holds exactly what it held at the backup.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, onPostgres, type SystemDb } from "./database";
import { startServer, type AppServer } from "./server";

const PORT = 3221;

/** Runs one of the package's database commands against `db`; its exit status and output. */
function dbCommand(db: SystemDb, script: string, args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", `scripts/${script}`, ...args], {
    env: { ...process.env, DATABASE_URL: "", PGLITE_DIR: "", ...db.env },
    encoding: "utf8",
  });
  return { status: result.status, output: result.stdout + result.stderr };
}

/** Every table's row count and a digest of its rows: equal fingerprints, equal contents. */
async function fingerprint(db: SystemDb) {
  const tables = await db.query<{ name: string }>(
    `select format('%I.%I', schemaname, tablename) as name from pg_tables
      where schemaname in ('public', 'drizzle') order by 1`,
  );
  const result: Record<string, string> = {};
  await db.session(async (query) => {
    for (const { name } of tables) {
      const [row] = await query<{ n: string; digest: string | null }>(
        `select count(*)::text as n, md5(string_agg(t::text, '|' order by t::text)) as digest from ${name} t`,
      );
      result[name] = `${row!.n} rows, ${row!.digest}`;
    }
  });
  return result;
}

describe("backup and restore", () => {
  let db: SystemDb;
  let server: AppServer | undefined;
  const dir = mkdtempSync(path.join(os.tmpdir(), "citywatch-backup-"));
  const file = path.join(dir, onPostgres ? "backup.dump" : "backup.tar.gz");

  beforeAll(async () => {
    db = await freshDatabase();
    // The app creates, migrates and seeds the database, as on a first start.
    server = await startServer(db, PORT);
    expect((await fetch(`${server.url}/cities/boston-ma`)).status).toBe(200);
    await server.stop();
  });

  afterAll(async () => {
    await server?.stop("SIGKILL");
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("restores exactly what was backed up, after later changes", async () => {
    const before = await fingerprint(db);
    expect(Number(before["public.jurisdictions"]!.split(" ")[0])).toBeGreaterThan(10);

    const backup = dbCommand(db, "db-backup.ts", ["--out", file]);
    expect(backup.output).toContain("backed up");
    expect(backup.status).toBe(0);

    // Changes after the backup: a new user, a renamed city, a removed audit trail.
    await db.query(
      `insert into users (email, name, password_hash) values ('late@example.test', 'Late', 'x')`,
    );
    await db.query(`update jurisdictions set name = 'Renamed' where slug = 'boston-ma'`);
    await db.query(`delete from audit_log`);
    expect(await fingerprint(db)).not.toEqual(before);

    const restore = dbCommand(db, "db-restore.ts", [file]);
    expect(restore.output).toContain("restored");
    expect(restore.status).toBe(0);
    expect(await fingerprint(db)).toEqual(before);

    // The app opens the restored database and serves it.
    server = await startServer(db, PORT);
    const page = await fetch(`${server.url}/cities/boston-ma`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Boston");
    expect(await (await fetch(`${server.url}/api/health`)).json()).toMatchObject({
      status: "ok",
    });
    await server.stop();
  });

  it("refuses files that are not a backup of this kind of database, changing nothing", async () => {
    const before = await fingerprint(db);
    const junk = path.join(dir, "junk.bin");
    writeFileSync(junk, "hello");
    const other = path.join(dir, "other-kind.bin");
    // The other kind's first bytes: gzip (a PGlite tarball) or pg_dump's custom format.
    writeFileSync(other, onPostgres ? Buffer.from([0x1f, 0x8b, 8, 0]) : "PGDMP\u0001");

    const wrongFile = dbCommand(db, "db-restore.ts", [junk]);
    expect(wrongFile.status).toBe(1);
    expect(wrongFile.output).toContain("is not a CityWatch backup");
    const wrongKind = dbCommand(db, "db-restore.ts", [other]);
    expect(wrongKind.status).toBe(1);
    expect(wrongKind.output).toContain(
      onPostgres
        ? "is a pglite backup, but this would restore into postgres"
        : "is a postgres backup",
    );
    expect(await fingerprint(db)).toEqual(before);
  });

  if (onPostgres) {
    it("backs up Postgres while the app is serving", async () => {
      server = await startServer(db, PORT);
      const backup = dbCommand(db, "db-backup.ts", ["--out", path.join(dir, "live.dump")]);
      expect(backup.status).toBe(0);
      expect(backup.output).toContain("backed up the postgres database");
      await server.stop();
    });
  } else {
    it("will not copy the embedded database while the app has it open", async () => {
      server = await startServer(db, PORT);
      const backup = dbCommand(db, "db-backup.ts", ["--out", path.join(dir, "running.tar.gz")]);
      expect(backup.status).toBe(1);
      expect(backup.output).toContain("open in another process");
      expect(backup.output).toContain("Stop the app");
      await server.stop();
    });
  }
});

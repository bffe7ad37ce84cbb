// `npm run db:restore -- FILE`: replaces the database with a backup made by
// `npm run db:backup` from the same kind of database.
//   Postgres (DATABASE_URL): pg_restore --clean in one transaction, so a failed
//   restore leaves the database as it was. Stop the app first (or restart it after).
//   PGlite: the app must be stopped (the folder's lock says so). The current
//   folder is kept beside it as `<folder>.before-restore-<time>` until you delete it.
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  readFileSync,
  renameSync,
  closeSync,
} from "node:fs";
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { PGLITE_EXTENSIONS } from "../db/pglite-extensions";
import { acquireDirLock } from "../db/pglite-lock";
import { backupKind, databaseTarget, describeUrl, fail } from "./lib/db-target";

const { positionals } = parseArgs({ allowPositionals: true });
const file = positionals[0];
if (!file) fail("usage: npm run db:restore -- <backup file>");
if (!existsSync(file)) fail(`no such file: ${file}`);
const head = Buffer.alloc(8);
const fd = openSync(file, "r");
readSync(fd, head, 0, 8, 0);
closeSync(fd);

const target = databaseTarget();
const kind = backupKind(head);
if (kind === "unknown") fail(`${file} is not a CityWatch backup (neither pg_dump nor PGlite).`);
if (kind !== target.kind) {
  fail(
    `${file} is a ${kind} backup, but this would restore into ${target.kind}` +
      (target.kind === "postgres" ? " (DATABASE_URL is set)." : " (DATABASE_URL is not set)."),
  );
}

if (target.kind === "postgres") {
  const restore = spawnSync(
    "pg_restore",
    [
      "--clean",
      "--if-exists",
      "--no-owner",
      "--no-privileges",
      "--single-transaction",
      "--exit-on-error",
      "--dbname",
      target.url,
      file,
    ],
    { stdio: "inherit" },
  );
  if (restore.error) fail(`could not run pg_restore (${restore.error.message}).`);
  if (restore.status !== 0) fail(`pg_restore failed; ${describeUrl(target.url)} is unchanged.`);
} else {
  let release: () => void;
  try {
    release = acquireDirLock(target.dir);
  } catch (error) {
    fail(`${(error as Error).message} Stop the app, then restore again.`);
  }
  const stamp = new Date()
    .toISOString()
    .replaceAll(":", "-")
    .replace(/\.\d+Z$/, "Z");
  const previous = `${target.dir}.before-restore-${stamp}`;
  const hadDatabase = existsSync(target.dir);
  try {
    if (hadDatabase) renameSync(target.dir, previous);
    mkdirSync(target.dir, { recursive: true });
    const db = await PGlite.create(target.dir, {
      extensions: PGLITE_EXTENSIONS,
      loadDataDir: new Blob([readFileSync(file)]),
    });
    // Opens clean and holds CityWatch's tables, or the restore is undone below.
    await db.query("select count(*) from users");
    await db.close();
  } catch (error) {
    if (hadDatabase) {
      renameSync(target.dir, `${previous}.failed`);
      renameSync(previous, target.dir);
    }
    release();
    fail(`restore failed (${(error as Error).message}); the database is unchanged.`);
  }
  release();
  if (hadDatabase) console.log(`[db] the database it replaced is kept in ${previous}`);
}
console.log(`[db] restored the ${target.kind} database from ${file}`);

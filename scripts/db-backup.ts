// `npm run db:backup [-- --out FILE]`: one file holding the whole database.
//   Postgres (DATABASE_URL): pg_dump's custom format; the app may keep running.
//   PGlite: the data folder as a gzipped tarball (PGlite's dumpDataDir). Exactly
//   one process may open the folder, so stop the app first; the lock says so.
// Restore with `npm run db:restore -- FILE`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { PGLITE_EXTENSIONS } from "../db/pglite-extensions";
import { acquireDirLock } from "../db/pglite-lock";
import { databaseTarget, describeUrl, fail } from "./lib/db-target";

const { values } = parseArgs({ options: { out: { type: "string" } } });
const target = databaseTarget();
const stamp = new Date()
  .toISOString()
  .replaceAll(":", "-")
  .replace(/\.\d+Z$/, "Z");
const out = path.resolve(
  values.out ??
    path.join(
      ".data",
      "backups",
      `citywatch-${target.kind}-${stamp}.${target.kind === "postgres" ? "dump" : "tar.gz"}`,
    ),
);
mkdirSync(path.dirname(out), { recursive: true });
// Written beside the target and renamed at the end: a failed backup never leaves half a file.
const partial = `${out}.partial`;

if (target.kind === "postgres") {
  const dump = spawnSync(
    "pg_dump",
    ["--format=custom", "--no-owner", "--no-privileges", "--file", partial, target.url],
    { stdio: "inherit" },
  );
  if (dump.error)
    fail(`could not run pg_dump (${dump.error.message}); install the Postgres client tools.`);
  if (dump.status !== 0) fail(`pg_dump failed for ${describeUrl(target.url)}.`);
} else {
  if (!existsSync(path.join(target.dir, "PG_VERSION")))
    fail(`no embedded database in ${target.dir}.`);
  let release: () => void;
  try {
    release = acquireDirLock(target.dir);
  } catch (error) {
    fail(`${(error as Error).message} Stop the app, then back up again.`);
  }
  try {
    const db = await PGlite.create(target.dir, { extensions: PGLITE_EXTENSIONS });
    const tarball = await db.dumpDataDir("gzip");
    await db.close();
    writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()));
  } finally {
    release();
  }
}
renameSync(partial, out);
const mib = (statSync(out).size / 1024 / 1024).toFixed(1);
console.log(`[db] backed up the ${target.kind} database to ${out} (${mib} MiB)`);

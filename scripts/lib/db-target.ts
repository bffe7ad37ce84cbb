// Which database the command-line database tools work on: Postgres when
// DATABASE_URL is set, otherwise the embedded PGlite folder (PGLITE_DIR, by
// default .data/pglite), the same choice the app makes (db/open.ts).
import path from "node:path";

export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dir: string };

export function databaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  if (env.DATABASE_URL) return { kind: "postgres", url: env.DATABASE_URL };
  return { kind: "pglite", dir: path.resolve(env.PGLITE_DIR || path.join(".data", "pglite")) };
}

/** A backup's format, from its first bytes: pg_dump's custom format or PGlite's gzipped tarball. */
export function backupKind(firstBytes: Buffer): DatabaseTarget["kind"] | "unknown" {
  if (firstBytes.subarray(0, 5).toString("latin1") === "PGDMP") return "postgres";
  if (firstBytes[0] === 0x1f && firstBytes[1] === 0x8b) return "pglite";
  return "unknown";
}

/** Prints the message and exits with 1: these tools fail with a sentence, not a stack. */
export function fail(message: string): never {
  console.error(`[db] ${message}`);
  process.exit(1);
}

/** Postgres URL without its password, for messages. */
export function describeUrl(url: string): string {
  const u = new URL(url);
  u.password = "";
  return u.href;
}

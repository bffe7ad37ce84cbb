import { noteIfDatabaseUnavailable } from "../lib/database-unavailable";
import { openDatabase, type Database, type DatabaseKind } from "./open";

type Holder = { promise?: Promise<{ db: Database; kind: DatabaseKind }> };

// One Pool (or one PGlite) per process, kept on globalThis so dev reloads and
// the separately bundled instrumentation hook share it.
const holder = ((globalThis as { __citywatchDb?: Holder }).__citywatchDb ??= {});

/** The app's database, migrated and seeded; opened once per process. */
export async function getDb(): Promise<Database> {
  try {
    return (await ready()).db;
  } catch (error) {
    // Every request waiting on a failed opening, not only the one that began it.
    noteIfDatabaseUnavailable(error);
    throw error;
  }
}

/** Which database this process uses: embedded PGlite or Postgres. */
export async function getDatabaseKind(): Promise<DatabaseKind> {
  return (await ready()).kind;
}

function ready() {
  if (process.env.NEXT_PHASE === "phase-production-build") {
    throw new Error("The database is not opened during `next build`; this page must be dynamic.");
  }
  holder.promise ??= openDatabase(process.env).catch((error: unknown) => {
    // Let the next request try again (for example once Postgres is back).
    holder.promise = undefined;
    throw error;
  });
  return holder.promise;
}

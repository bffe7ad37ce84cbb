// Holding an app's query open on a lock this test holds (Postgres only).
import { Client } from "pg";
import type { SystemDb } from "./database";
import type { AppServer } from "./server";

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until a query of the app waits for a lock `locker` holds; fails after 30 s. */
async function untilAppWaitsOnLock(locker: Client, server: AppServer): Promise<void> {
  // Inside the locking transaction, pg_stat_activity is read once and kept: clear it first.
  const activity = async () => {
    await locker.query("select pg_stat_clear_snapshot()");
    return locker.query<{ state: string | null; wait: string | null; query: string }>(
      `select state, wait_event_type as wait, query from pg_stat_activity
       where datname = current_database() and pid <> pg_backend_pid()`,
    );
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if ((await activity()).rows.some((r) => r.wait === "Lock")) return;
    await pause(50);
  }
  const { rows } = await activity();
  throw new Error(
    `the page never waited on the lock:\n${JSON.stringify(rows, null, 1)}\n${server.output()}`,
  );
}

/**
 * Starts a render of `/cities/<city>` on `server` and holds it open: the render
 * reads the city and its updates, then waits in the comments section on a lock of
 * `comment_counts` this holds. Resolves once the render waits; `release()` lets it
 * finish. `html` is the held render's page (a failure kept as text, to be
 * reported where it is awaited).
 */
export async function holdCityRender(
  db: SystemDb,
  server: AppServer,
  city: string,
): Promise<{ html: Promise<string>; release(): Promise<void> }> {
  const locker = new Client({
    connectionString: (db.env as { DATABASE_URL: string }).DATABASE_URL,
  });
  await locker.connect();
  const release = async () => {
    await locker.query("commit");
    await locker.end();
  };
  try {
    await locker.query("begin");
    await locker.query("lock table comment_counts in access exclusive mode");
    const html = fetch(`${server.url}/cities/${city}`).then(
      (r) => r.text(),
      (e: unknown) => `the held request failed: ${String(e)}`,
    );
    await untilAppWaitsOnLock(locker, server);
    return { html, release };
  } catch (error) {
    await release();
    throw error;
  }
}

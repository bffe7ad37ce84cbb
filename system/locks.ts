// Holding an app's query open on a lock this test holds (Postgres only).
import type { Client } from "pg";
import type { AppServer } from "./server";

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until a query of the app waits for a lock `locker` holds; fails after 30 s. */
export async function untilAppWaitsOnLock(locker: Client, server: AppServer): Promise<void> {
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

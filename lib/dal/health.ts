import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";

/** Runs `select 1`, failing after `timeoutMs`. Public: it reads nothing. */
export async function pingDatabase(timeoutMs: number): Promise<void> {
  const db = await getDb();
  await withTimeout(db.execute(sql`select 1`), timeoutMs);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

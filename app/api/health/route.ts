import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { logError } from "@/lib/log";

const TIMEOUT_MS = 3_000;

/** Liveness and database check for load balancers and people. */
export async function GET() {
  const database = process.env.DATABASE_URL ? "postgres" : "pglite";
  try {
    const db = await getDb();
    await withTimeout(db.execute(sql`select 1`), TIMEOUT_MS);
    return Response.json({ status: "ok", database }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    logError("health check failed", error);
    return Response.json(
      { status: "error", database },
      { status: 503, headers: { "cache-control": "no-store" } },
    );
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

import { pingDatabase } from "@/lib/dal/health";
import { logError } from "@/lib/log";

const TIMEOUT_MS = 3_000;

/** Liveness and database check for load balancers and people. */
export async function GET() {
  const database = process.env.DATABASE_URL ? "postgres" : "pglite";
  try {
    await pingDatabase(TIMEOUT_MS);
    return Response.json({ status: "ok", database }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    logError("health check failed", error);
    return Response.json(
      { status: "error", database },
      { status: 503, headers: { "cache-control": "no-store" } },
    );
  }
}

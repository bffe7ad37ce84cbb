import "server-only";
import type { Database, Transaction } from "@/db/open";
import { follows } from "@/db/schema";

// Kept apart from follows.ts, which checks callers: sign-up and the account
// page (which checked theirs) add follows here without importing the session.

/** Adds a follow inside the caller's transaction (or not); following twice is one follow. */
export async function addFollow(
  db: Database | Transaction,
  userId: number,
  jurisdictionId: number,
): Promise<void> {
  await db.insert(follows).values({ userId, jurisdictionId }).onConflictDoNothing();
}

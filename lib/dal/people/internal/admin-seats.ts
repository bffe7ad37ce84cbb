import "server-only";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Transaction } from "@/db/open";
import { users } from "@/db/schema";

/** The advisory lock that serializes changes to who is an active admin. */
const ADMIN_SEATS_LOCK = 727_002;

/**
 * Serializes every change that could leave no active admin (a role change, a
 * ban, an admin deleting their account) until the caller's transaction ends.
 */
export async function lockAdminSeats(tx: Transaction): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${ADMIN_SEATS_LOCK})`);
}

/** Active (not banned, not deleted) admins other than `exceptId`; call under lockAdminSeats. */
export async function otherActiveAdmins(tx: Transaction, exceptId: number): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(
      and(
        eq(users.role, "admin"),
        ne(users.id, exceptId),
        isNull(users.bannedAt),
        isNull(users.deletedAt),
      ),
    );
  return row?.n ?? 0;
}

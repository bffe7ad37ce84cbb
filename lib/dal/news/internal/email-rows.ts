import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/open";
import { emails, notifications } from "@/db/schema";

// Unchecked helpers: the account, email-settings and moderation DAL change the
// outbox inside their own transactions.

/**
 * Cancels a person's emails that have not gone out (they unsubscribed or left);
 * on deletion also erases the address and text of every email kept for them.
 */
export async function forgetEmailsOf(
  tx: Database | Transaction,
  userId: number,
  { erase }: { erase: boolean },
): Promise<void> {
  await tx
    .update(emails)
    .set({ status: "cancelled", lockedUntil: null, claimToken: null })
    .where(and(eq(emails.userId, userId), eq(emails.status, "pending")));
  if (erase) {
    await tx
      .update(emails)
      .set({ toAddress: "", subject: "", textBody: "" })
      .where(eq(emails.userId, userId));
  }
}

/**
 * Cancels emails not yet sent that tell of notifications about `updateId`
 * (hidden by a moderator). The other notifications a cancelled digest carried
 * wait for the next one.
 */
export async function withdrawEmailsAbout(tx: Transaction, updateId: number): Promise<void> {
  const about = sql`(select coalesce(array_agg(n.id), '{}') from ${notifications} n where n.update_id = ${updateId})`;
  const cancelled = await tx
    .update(emails)
    .set({ status: "cancelled", lockedUntil: null, claimToken: null })
    .where(and(eq(emails.status, "pending"), sql`${emails.notificationIds} && ${about}`))
    .returning({ ids: emails.notificationIds });
  const others = cancelled.flatMap((c) => c.ids);
  if (others.length > 0) {
    await tx
      .update(notifications)
      .set({ emailPending: true })
      .where(
        and(
          inArray(notifications.id, others),
          sql`${notifications.updateId} is distinct from ${updateId}`,
        ),
      );
  }
}

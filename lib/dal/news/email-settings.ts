import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import type { Database } from "@/db/open";
import { notifications, users } from "@/db/schema";
import type { DalResult } from "@/lib/refusals";
import { requireUser } from "@/lib/auth/current-user";
import { userOfUnsubscribeToken } from "@/lib/auth/unsubscribe-token";
import type { EmailFrequencyInput } from "@/lib/validation/notifications";
import type { EmailFrequency } from "@/lib/enums";
import { forgetEmailsOf } from "./internal/email-rows";
import { writeAudit, type AuditEntry } from "@/lib/dal/internal/audit";

/** Sets how often a person is emailed; "never" also drops what was waiting to be emailed. */
async function applyFrequency(
  db: Database,
  userId: number,
  frequency: EmailFrequency,
  audit?: AuditEntry,
) {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ emailFrequency: frequency, updatedAt: new Date() })
      .where(eq(users.id, userId));
    if (frequency === "never") {
      await tx
        .update(notifications)
        .set({ emailPending: false })
        .where(and(eq(notifications.userId, userId), eq(notifications.emailPending, true)));
      await forgetEmailsOf(tx, userId, { erase: false });
    }
    if (audit) await writeAudit(tx, audit);
  });
}

/** The signed-in person chooses immediately, a daily digest or never. */
export async function setEmailFrequency(input: EmailFrequencyInput): Promise<DalResult> {
  const me = await requireUser("set email frequency");
  await applyFrequency(await getDb(), me.id, input.frequency);
  return { ok: true, data: null };
}

/** Whose email an unsubscribe link stops, masked ("r•••@example.org"), or null for a bad link. */
export async function describeUnsubscribe(token: string): Promise<{ email: string } | null> {
  const userId = userOfUnsubscribeToken(token);
  if (userId === null) return null;
  const db = await getDb();
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  if (!row?.email) return null;
  const [local, domain] = row.email.split("@");
  return { email: `${local!.slice(0, 1)}•••@${domain}` };
}

/**
 * One-click unsubscribe from an email's link: no sign-in, the signed token is
 * the permission. Sets the person's email to "never" and records it.
 */
export async function unsubscribeWithToken(token: string): Promise<DalResult> {
  const userId = userOfUnsubscribeToken(token);
  const db = await getDb();
  const [row] =
    userId === null
      ? []
      : await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  if (userId === null || !row?.email) {
    return { ok: false, refusal: { code: "invalid_unsubscribe_link" } };
  }
  await applyFrequency(db, userId, "never", {
    actorId: userId,
    action: "email.unsubscribe",
    targetUserId: userId,
  });
  return { ok: true, data: null };
}

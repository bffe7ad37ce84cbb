import "server-only";
import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/open";
import { emails, notifications, users } from "@/db/schema";
import { notificationItems } from "@/lib/dal/notification-rows";
import { siteOrigin } from "@/lib/site-url";
import { composeDigest, composeSingle, type MailLinks } from "./compose";
import type { MailTransport } from "./transport";
import { unsubscribeToken } from "./unsubscribe-token";

// The mailer's three steps, each safe to run in several processes at once:
// turn notifications into outbox emails (the dedupe key makes that
// idempotent), then send what is due (rows are claimed with SKIP LOCKED).
// Every step takes `now`, so tests can move the clock.

/** Digests go out once a day, from this hour (UTC) on: 12:00 UTC is early morning in the US. */
const digestHour = () => Number(process.env.DIGEST_HOUR_UTC ?? 12);
/** How long a sender holds an email it is sending before another may take it over. */
export const LEASE_MS = 5 * 60_000;
/** 30 s after the first failure, doubling, at most an hour apart; never given up. */
export const retryDelayMs = (attempts: number) =>
  Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);

function linksFor(userId: number): MailLinks {
  const origin = siteOrigin();
  return { origin, unsubscribeUrl: `${origin}/unsubscribe?token=${unsubscribeToken(userId)}` };
}

/** Stops waiting to email these notifications (sent, or nothing left to send). */
async function settle(db: Database, ids: number[]) {
  if (ids.length === 0) return;
  await db.update(notifications).set({ emailPending: false }).where(inArray(notifications.id, ids));
}

/** One outbox email per notification for people who want them at once. Returns how many. */
export async function queueImmediateEmails(db: Database, limit = 200): Promise<number> {
  const pending = await db
    .select({ id: notifications.id, userId: users.id, email: users.email, name: users.name })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(and(eq(notifications.emailPending, true), eq(users.emailFrequency, "immediately")))
    .orderBy(asc(notifications.id))
    .limit(limit);
  if (pending.length === 0) return 0;
  const ids = pending.map((p) => p.id);
  const items = new Map(
    (await notificationItems(db, inArray(notifications.id, ids), limit)).map((i) => [i.id, i]),
  );
  const rows = pending.flatMap((p) => {
    const item = items.get(p.id);
    if (!item || !p.email) return []; // hidden since, or the account is gone
    const links = linksFor(p.userId);
    const mail = composeSingle(p.name, item, links);
    return [
      {
        userId: p.userId,
        dedupeKey: `notification:${p.id}`,
        toAddress: p.email,
        subject: mail.subject,
        textBody: mail.text,
        unsubscribeUrl: links.unsubscribeUrl,
      },
    ];
  });
  await db.transaction(async (tx) => {
    if (rows.length > 0) await tx.insert(emails).values(rows).onConflictDoNothing();
    await tx
      .update(notifications)
      .set({ emailPending: false })
      .where(inArray(notifications.id, ids));
  });
  return rows.length;
}

/**
 * One digest a day for each person on the daily setting who has notifications
 * waiting, from the digest hour on. Returns how many digests were queued.
 */
export async function queueDigests(db: Database, now: Date, limit = 100): Promise<number> {
  if (now.getUTCHours() < digestHour()) return 0;
  const day = now.toISOString().slice(0, 10);
  const keyOf = (userId: number) => `digest:${userId}:${day}`;
  const due = await db
    .selectDistinct({ userId: users.id, email: users.email, name: users.name })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(
      and(
        eq(notifications.emailPending, true),
        eq(users.emailFrequency, "daily"),
        sql`not exists (select 1 from ${emails} e where e.dedupe_key = 'digest:' || ${users.id} || ':' || ${day})`,
      ),
    )
    .limit(limit);
  let queued = 0;
  for (const person of due) {
    const waiting = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.userId, person.userId), eq(notifications.emailPending, true)));
    const ids = waiting.map((w) => w.id);
    const items = await notificationItems(db, inArray(notifications.id, ids), ids.length);
    if (items.length === 0 || !person.email) {
      await settle(db, ids); // all hidden since, or the account is gone
      continue;
    }
    const links = linksFor(person.userId);
    const mail = composeDigest(person.name, items, day, links);
    await db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(emails)
        .values({
          userId: person.userId,
          dedupeKey: keyOf(person.userId),
          toAddress: person.email!,
          subject: mail.subject,
          textBody: mail.text,
          unsubscribeUrl: links.unsubscribeUrl,
        })
        .onConflictDoNothing()
        .returning({ id: emails.id });
      // Another sender queued today's digest first: these wait for tomorrow's.
      if (!inserted) return;
      queued++;
      await tx
        .update(notifications)
        .set({ emailPending: false })
        .where(inArray(notifications.id, ids));
    });
  }
  return queued;
}

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
    .set({ status: "cancelled", lockedUntil: null })
    .where(and(eq(emails.userId, userId), eq(emails.status, "pending")));
  if (erase) {
    await tx
      .update(emails)
      .set({ toAddress: "", subject: "", textBody: "" })
      .where(eq(emails.userId, userId));
  }
}

/** Cancels due emails whose person may no longer get them (a ban, say, since they were queued). */
async function cancelUnwanted(db: Database) {
  await db
    .update(emails)
    .set({ status: "cancelled", lockedUntil: null })
    .where(
      and(
        eq(emails.status, "pending"),
        sql`exists (select 1 from ${users} u where u.id = ${emails.userId}
          and (u.email_frequency = 'never' or u.deleted_at is not null or u.banned_at is not null))`,
      ),
    );
}

/**
 * Sends up to `batch` due emails. Each is claimed for LEASE_MS first (other
 * senders skip it), then marked sent, or put back with a later attempt time
 * when the transport throws. A sender that dies mid-send leaves the claim to
 * run out, and the email is sent again then: delivery is at least once, and
 * the Message-ID stays the same so a resend can be recognised.
 */
export async function sendDueEmails(
  db: Database,
  transport: MailTransport,
  now: Date,
  batch = 20,
): Promise<{ sent: number; failed: number }> {
  await cancelUnwanted(db);
  const due = db
    .select({ id: emails.id })
    .from(emails)
    .where(
      and(
        eq(emails.status, "pending"),
        lte(emails.nextAttemptAt, now),
        or(isNull(emails.lockedUntil), lte(emails.lockedUntil, now)),
      ),
    )
    .orderBy(asc(emails.nextAttemptAt), asc(emails.id))
    .limit(batch)
    .for("update", { skipLocked: true });
  const claimed = await db
    .update(emails)
    .set({
      lockedUntil: new Date(now.getTime() + LEASE_MS),
      attempts: sql`${emails.attempts} + 1`,
    })
    .where(inArray(emails.id, due))
    .returning();
  let sent = 0;
  let failed = 0;
  for (const email of claimed.sort((a, b) => a.id - b.id)) {
    try {
      await transport.send({
        id: email.id,
        to: email.toAddress,
        subject: email.subject,
        text: email.textBody,
        unsubscribeUrl: email.unsubscribeUrl,
      });
      await db
        .update(emails)
        .set({ status: "sent", sentAt: new Date(), lockedUntil: null, lastError: null })
        .where(eq(emails.id, email.id));
      sent++;
    } catch (error) {
      failed++;
      await db
        .update(emails)
        .set({
          lockedUntil: null,
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(email.attempts)),
          lastError: (error instanceof Error ? error.message : String(error)).slice(0, 500),
        })
        .where(eq(emails.id, email.id));
    }
  }
  return { sent, failed };
}

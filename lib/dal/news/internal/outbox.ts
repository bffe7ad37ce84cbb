import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, count, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emails, notifications, users } from "@/db/schema";
import type { NotificationItem } from "@/lib/notification-text";
import { notificationItems } from "./notification-rows";

// The outbox (the `emails` table) for the mail worker, which runs off every
// request with no user: these are system functions and check nobody. The
// worker reads what to compose, hands back what it composed (the dedupe key
// makes storing it idempotent), then claims due emails one at a time with SKIP
// LOCKED under a lease and a token only its sender holds, and reports how each
// send went. Every step is safe to run in several processes at once; the ones
// that depend on the time take `now`, so tests can move the clock.

/** How long a sender holds an email it is sending before another may take it over. */
export const LEASE_MS = 5 * 60_000;
/** 30 s after the first failure, doubling, at most an hour apart; given up only on a 5xx answer. */
export const retryDelayMs = (attempts: number) =>
  Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);

/**
 * Whom an outbox row may still go to: a person not banned nor deleted; for
 * news (not an account email), one whose address is verified and who wants email.
 */
const reachable = sql`exists (select 1 from ${users} u where u.id = ${emails.userId}
    and u.deleted_at is null and u.banned_at is null
    and (${emails.kind} = 'account'
      or (u.email_frequency <> 'never' and u.email_verified_at is not null)))`;

/** An email composed for the outbox. */
type ComposedEmail = {
  userId: number;
  toAddress: string;
  subject: string;
  text: string;
  unsubscribeUrl: string;
};

/** System (the mail worker, no user): opens the database, so a tick that cannot reach it fails once. */
export async function openOutbox(): Promise<void> {
  await getDb();
}

/** System (the mail worker, no user): the oldest notifications waiting to be emailed at once, and those to email with their recipient. */
export async function listImmediateEmailsDue(limit: number): Promise<{
  notificationIds: number[];
  due: {
    notificationId: number;
    userId: number;
    toAddress: string;
    name: string;
    item: NotificationItem;
  }[];
}> {
  const db = await getDb();
  const pending = await db
    .select({ id: notifications.id, userId: users.id, email: users.email, name: users.name })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(and(eq(notifications.emailPending, true), eq(users.emailFrequency, "immediately")))
    .orderBy(asc(notifications.id))
    .limit(limit);
  if (pending.length === 0) return { notificationIds: [], due: [] };
  const ids = pending.map((p) => p.id);
  const items = new Map(
    (await notificationItems(db, inArray(notifications.id, ids), limit)).map((i) => [i.id, i]),
  );
  const due = pending.flatMap((p) => {
    const item = items.get(p.id);
    if (!item || !p.email) return []; // hidden since, or the account is gone
    return [{ notificationId: p.id, userId: p.userId, toAddress: p.email, name: p.name, item }];
  });
  return { notificationIds: ids, due };
}

/** System (the mail worker, no user): queues one email per notification (`notification:<id>`) and settles the batch, in one transaction. */
export async function createImmediateEmails(
  notificationIds: number[],
  composed: (ComposedEmail & { notificationId: number })[],
): Promise<void> {
  const db = await getDb();
  const rows = composed.map((mail) => ({
    userId: mail.userId,
    dedupeKey: `notification:${mail.notificationId}`,
    toAddress: mail.toAddress,
    subject: mail.subject,
    textBody: mail.text,
    unsubscribeUrl: mail.unsubscribeUrl,
    notificationIds: [mail.notificationId],
  }));
  await db.transaction(async (tx) => {
    if (rows.length > 0) await tx.insert(emails).values(rows).onConflictDoNothing();
    await tx
      .update(notifications)
      .set({ emailPending: false })
      .where(inArray(notifications.id, notificationIds));
  });
}

/** System (the mail worker, no user): people on the daily setting with notifications waiting and no digest for `day` yet. */
export async function listDigestsDue(
  day: string,
  limit: number,
): Promise<{ userId: number; email: string | null; name: string }[]> {
  const db = await getDb();
  return db
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
}

/** A person's notifications waiting for email, up to the newest one now. */
const waitingUpTo = (userId: number, upTo: number) =>
  and(
    eq(notifications.userId, userId),
    eq(notifications.emailPending, true),
    lte(notifications.id, upTo),
  );

/** System (the mail worker, no user): a person's waiting notifications (up to `upTo`, `total` of them), the newest `limit` still visible; null if none. */
export async function getDigestContent(
  userId: number,
  limit: number,
): Promise<{ upTo: number; total: number; items: NotificationItem[] } | null> {
  const db = await getDb();
  const [top] = await db
    .select({ maxId: sql<number>`max(${notifications.id})`, n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.emailPending, true)));
  if (!top?.maxId) return null;
  // Everything up to here is settled by this digest; later ones wait for the next.
  const items = await notificationItems(db, waitingUpTo(userId, top.maxId), limit);
  return { upTo: top.maxId, total: top.n, items };
}

/** System (the mail worker, no user): settles a digest's notifications without an email (all hidden since, or the account is gone). */
export async function settleDigest(userId: number, upTo: number): Promise<void> {
  const db = await getDb();
  await db.update(notifications).set({ emailPending: false }).where(waitingUpTo(userId, upTo));
}

/** System (the mail worker, no user): queues a person's digest (`digest:<user>:<day>`) and settles what it covers; false if another sender was first. */
export async function createDigestEmail(
  digest: ComposedEmail & { day: string; upTo: number; notificationIds: number[] },
): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(emails)
      .values({
        userId: digest.userId,
        dedupeKey: `digest:${digest.userId}:${digest.day}`,
        toAddress: digest.toAddress,
        subject: digest.subject,
        textBody: digest.text,
        unsubscribeUrl: digest.unsubscribeUrl,
        priority: 1,
        notificationIds: digest.notificationIds,
      })
      .onConflictDoNothing()
      .returning({ id: emails.id });
    // Another sender queued today's digest first: these wait for tomorrow's.
    if (!inserted) return false;
    await tx
      .update(notifications)
      .set({ emailPending: false })
      .where(waitingUpTo(digest.userId, digest.upTo));
    return true;
  });
}

/** System (the mail worker, no user): cancels emails their person may no longer get, and erases a deleted person's copies. */
export async function cancelUnwantedEmails(): Promise<void> {
  const db = await getDb();
  // A ban, say, since they were queued; and a row queued just as its person left.
  await db
    .update(emails)
    .set({ status: "cancelled", lockedUntil: null, claimToken: null })
    .where(and(eq(emails.status, "pending"), or(isNull(emails.userId), sql`not ${reachable}`)));
  await db
    .update(emails)
    .set({ toAddress: "", subject: "", textBody: "" })
    .where(
      and(
        sql`${emails.toAddress} <> ''`,
        sql`exists (select 1 from ${users} u where u.id = ${emails.userId} and u.deleted_at is not null)`,
      ),
    );
}

/** An email claimed for sending: only the holder of `token` may settle it. */
export type ClaimedEmail = {
  id: number;
  token: string;
  /** Tries so far, this one included. */
  attempts: number;
  createdAt: Date;
  toAddress: string;
  subject: string;
  textBody: string;
  unsubscribeUrl: string;
};

/** System (the mail worker, no user): claims the next due email under a lease and a new token; null when none is due. */
export async function claimDueEmail(now: Date): Promise<ClaimedEmail | null> {
  const db = await getDb();
  const token = randomUUID();
  // Single emails before digests, oldest first; one that other senders hold is skipped.
  const next = db
    .select({ id: emails.id })
    .from(emails)
    .where(
      and(
        eq(emails.status, "pending"),
        lte(emails.nextAttemptAt, now),
        or(isNull(emails.lockedUntil), lte(emails.lockedUntil, now)),
        reachable,
      ),
    )
    .orderBy(asc(emails.priority), asc(emails.nextAttemptAt), asc(emails.id))
    .limit(1)
    .for("update", { skipLocked: true });
  const [row] = await db
    .update(emails)
    .set({
      lockedUntil: new Date(now.getTime() + LEASE_MS),
      attempts: sql`${emails.attempts} + 1`,
      claimToken: token,
    })
    .where(inArray(emails.id, next))
    .returning({
      id: emails.id,
      attempts: emails.attempts,
      createdAt: emails.createdAt,
      toAddress: emails.toAddress,
      subject: emails.subject,
      textBody: emails.textBody,
      unsubscribeUrl: emails.unsubscribeUrl,
    });
  return row ? { ...row, token } : null;
}

/** Still pending and still held by this claim: a sender whose lease was taken over changes nothing. */
const held = (claim: { id: number; token: string }) =>
  and(eq(emails.id, claim.id), eq(emails.claimToken, claim.token), eq(emails.status, "pending"));

/** System (the mail worker, no user): marks a claimed email sent, if the claim still holds it. */
export async function markEmailSent(claim: { id: number; token: string }): Promise<void> {
  const db = await getDb();
  await db
    .update(emails)
    .set({
      status: "sent",
      sentAt: new Date(),
      lockedUntil: null,
      claimToken: null,
      lastError: null,
    })
    .where(held(claim));
}

/** System (the mail worker, no user): puts a claimed email back for a later try, or gives it up if `permanent`; only under its claim. */
export async function markEmailFailed(
  claim: { id: number; token: string; attempts: number },
  now: Date,
  failure: { permanent: boolean; error: string },
): Promise<void> {
  const db = await getDb();
  await db
    .update(emails)
    .set({
      status: failure.permanent ? "failed" : "pending",
      lockedUntil: null,
      claimToken: null,
      nextAttemptAt: new Date(now.getTime() + retryDelayMs(claim.attempts)),
      lastError: failure.error,
    })
    .where(held(claim));
}

import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, count, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/open";
import { emails, notifications, users } from "@/db/schema";
import { notificationItems } from "@/lib/dal/news/internal/notification-rows";
import { siteOrigin } from "@/lib/site-url";
import { composeDigest, composeSingle, DIGEST_LIMIT, type MailLinks } from "./compose";
import type { MailTransport } from "./transport";
import { unsubscribeToken } from "./unsubscribe-token";

// The mailer's steps, each safe to run in several processes at once: turn
// notifications into outbox emails (the dedupe key makes that idempotent),
// then send what is due, one email at a time, each claimed with SKIP LOCKED
// under a lease and a token only its sender holds. Every step takes `now`,
// so tests can move the clock.

/** Digests go out once a day, from this hour (UTC) on: 12:00 UTC is early morning in the US. */
const digestHour = () => Number(process.env.DIGEST_HOUR_UTC ?? 12);
/** How long a sender holds an email it is sending before another may take it over. */
export const LEASE_MS = 5 * 60_000;
/** 30 s after the first failure, doubling, at most an hour apart; given up only on a 5xx answer. */
export const retryDelayMs = (attempts: number) =>
  Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);

/** Who may still be emailed: wants email, not banned, not deleted. */
const reachable = (userId: typeof emails.userId | typeof users.id) =>
  sql`exists (select 1 from ${users} u where u.id = ${userId}
    and u.email_frequency <> 'never' and u.deleted_at is null and u.banned_at is null)`;

function linksFor(userId: number): MailLinks {
  const origin = siteOrigin();
  return { origin, unsubscribeUrl: `${origin}/unsubscribe?token=${unsubscribeToken(userId)}` };
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
        notificationIds: [p.id],
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
 * waiting, from the digest hour on. Returns how many digests were queued. A
 * failure for one person is logged and the others still get theirs.
 */
export async function queueDigests(db: Database, now: Date, limit = 100): Promise<number> {
  if (now.getUTCHours() < digestHour()) return 0;
  const day = now.toISOString().slice(0, 10);
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
    try {
      if (await queueDigest(db, person, day)) queued++;
    } catch (error) {
      console.error(`[mail] digest for user ${person.userId} failed: ${describeError(error)}`);
    }
  }
  return queued;
}

async function queueDigest(
  db: Database,
  person: { userId: number; email: string | null; name: string },
  day: string,
): Promise<boolean> {
  const waiting = and(
    eq(notifications.userId, person.userId),
    eq(notifications.emailPending, true),
  );
  const [top] = await db
    .select({ maxId: sql<number>`max(${notifications.id})`, n: count() })
    .from(notifications)
    .where(waiting);
  if (!top?.maxId) return false;
  // Everything up to here is settled by this digest; later ones wait for the next.
  const upTo = and(waiting, lte(notifications.id, top.maxId));
  const shown = await notificationItems(db, upTo, DIGEST_LIMIT);
  const settle = (tx: Database | Transaction) =>
    tx.update(notifications).set({ emailPending: false }).where(upTo);
  if (shown.length === 0 || !person.email) {
    await settle(db); // all hidden since, or the account is gone
    return false;
  }
  const links = linksFor(person.userId);
  const mail = composeDigest(person.name, shown, top.n, day, links);
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(emails)
      .values({
        userId: person.userId,
        dedupeKey: `digest:${person.userId}:${day}`,
        toAddress: person.email!,
        subject: mail.subject,
        textBody: mail.text,
        unsubscribeUrl: links.unsubscribeUrl,
        priority: 1,
        notificationIds: shown.map((i) => i.id),
      })
      .onConflictDoNothing()
      .returning({ id: emails.id });
    // Another sender queued today's digest first: these wait for tomorrow's.
    if (!inserted) return false;
    await settle(tx);
    return true;
  });
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

/**
 * Cancels due emails whose person may no longer get them (a ban, say, since
 * they were queued), and erases the outbox's copy of a deleted person's mail
 * (a row queued just as they left).
 */
async function cancelUnwanted(db: Database) {
  await db
    .update(emails)
    .set({ status: "cancelled", lockedUntil: null, claimToken: null })
    .where(
      and(
        eq(emails.status, "pending"),
        or(isNull(emails.userId), sql`not ${reachable(emails.userId)}`),
      ),
    );
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

/** Claims the next due email for this sender: single emails before digests, oldest first. */
async function claimOne(db: Database, now: Date) {
  const token = randomUUID();
  const next = db
    .select({ id: emails.id })
    .from(emails)
    .where(
      and(
        eq(emails.status, "pending"),
        lte(emails.nextAttemptAt, now),
        or(isNull(emails.lockedUntil), lte(emails.lockedUntil, now)),
        reachable(emails.userId),
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
    .returning();
  return row ? { ...row, token } : null;
}

/** A mail server's final refusal (5xx): trying again would not help. */
const isPermanent = (error: unknown) => {
  const code = (error as { responseCode?: number })?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
};

/** An error's message without what a failed query would print: addresses, texts, tokens. */
export function describeError(error: unknown): string {
  const e = error as { message?: string; code?: string; cause?: { message?: string } };
  if (e?.cause?.message) return e.cause.message.slice(0, 300);
  const message = String(e?.message ?? error);
  return message.startsWith("Failed query")
    ? `query failed${e?.code ? ` (${e.code})` : ""}`
    : message.slice(0, 300);
}

/**
 * Sends due emails one at a time until none is due, `max` were tried or
 * `budgetMs` has passed. Each is claimed first, with a lease and a token,
 * so other senders skip it; only the holder of the token marks it sent, or
 * puts it back with a later attempt time (or, on a 5xx answer, gives up).
 * A sender that dies mid-send leaves the lease to run out, and the email is
 * sent again then: delivery is at least once, and the Message-ID stays the
 * same so a resend can be recognised.
 */
export async function sendDueEmails(
  db: Database,
  transport: MailTransport,
  now: Date,
  { max = 500, budgetMs = 10_000 } = {},
): Promise<{ sent: number; failed: number }> {
  await cancelUnwanted(db);
  const started = Date.now();
  const host = new URL(siteOrigin()).hostname;
  let sent = 0;
  let failed = 0;
  while (sent + failed < max && Date.now() - started < budgetMs) {
    const email = await claimOne(db, now);
    if (!email) break;
    const mine = and(
      eq(emails.id, email.id),
      eq(emails.claimToken, email.token),
      eq(emails.status, "pending"),
    );
    let error: unknown = null;
    try {
      await transport.send({
        id: email.id,
        messageId: `<email-${email.id}-${email.createdAt.getTime()}@${host}>`,
        to: email.toAddress,
        subject: email.subject,
        text: email.textBody,
        unsubscribeUrl: email.unsubscribeUrl,
      });
    } catch (e) {
      error = e;
    }
    if (error === null) {
      sent++;
      // If this fails the email keeps its lease and is sent again after it: at least once.
      await db
        .update(emails)
        .set({
          status: "sent",
          sentAt: new Date(),
          lockedUntil: null,
          claimToken: null,
          lastError: null,
        })
        .where(mine)
        .catch((e: unknown) =>
          console.error(`[mail] email ${email.id} sent but not marked: ${describeError(e)}`),
        );
      continue;
    }
    failed++;
    await db
      .update(emails)
      .set({
        status: isPermanent(error) ? "failed" : "pending",
        lockedUntil: null,
        claimToken: null,
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(email.attempts)),
        lastError: describeError(error),
      })
      .where(mine);
  }
  return { sent, failed };
}

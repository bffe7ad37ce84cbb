import "server-only";
import type { NotificationItem } from "@/lib/notification-text";
import { unsubscribeToken } from "@/lib/auth/unsubscribe-token";
import { siteOrigin } from "@/lib/site-url";
import { composeDigest, composeSingle, DIGEST_LIMIT, type MailLinks } from "./compose";
import type { MailTransport } from "./transport";

// The mailer's steps, each safe to run in several processes at once: turn
// notifications into outbox emails, then send what is due, one email at a
// time. The outbox's rows live behind the data access layer, which the
// worker's caller passes in (this folder does not import it, nor it this
// folder): the mailer composes and sends, the outbox stores, dedupes, claims
// and settles. Every step takes `now`, so tests can move the clock.

type Composed = {
  userId: number;
  toAddress: string;
  subject: string;
  text: string;
  unsubscribeUrl: string;
};

/** The outbox as the mailer uses it: the DAL's news/internal/outbox module fits it. */
export type MailOutbox = {
  openOutbox: () => Promise<void>;
  listImmediateEmailsDue: (limit: number) => Promise<{
    notificationIds: number[];
    due: {
      notificationId: number;
      userId: number;
      toAddress: string;
      name: string;
      item: NotificationItem;
    }[];
  }>;
  createImmediateEmails: (
    notificationIds: number[],
    composed: (Composed & { notificationId: number })[],
  ) => Promise<void>;
  listDigestsDue: (
    day: string,
    limit: number,
  ) => Promise<{ userId: number; email: string | null; name: string }[]>;
  getDigestContent: (
    userId: number,
    limit: number,
  ) => Promise<{ upTo: number; total: number; items: NotificationItem[] } | null>;
  settleDigest: (userId: number, upTo: number) => Promise<void>;
  createDigestEmail: (
    digest: Composed & { day: string; upTo: number; notificationIds: number[] },
  ) => Promise<boolean>;
  cancelUnwantedEmails: () => Promise<void>;
  claimDueEmail: (now: Date) => Promise<{
    id: number;
    token: string;
    attempts: number;
    createdAt: Date;
    toAddress: string;
    subject: string;
    textBody: string;
    unsubscribeUrl: string;
  } | null>;
  markEmailSent: (claim: { id: number; token: string }) => Promise<void>;
  markEmailFailed: (
    claim: { id: number; token: string; attempts: number },
    now: Date,
    failure: { permanent: boolean; error: string },
  ) => Promise<void>;
};

/** Digests go out once a day, from this hour (UTC) on: 12:00 UTC is early morning in the US. */
const digestHour = () => Number(process.env.DIGEST_HOUR_UTC ?? 12);

function linksFor(userId: number): MailLinks {
  const origin = siteOrigin();
  return { origin, unsubscribeUrl: `${origin}/unsubscribe?token=${unsubscribeToken(userId)}` };
}

/** One outbox email per notification for people who want them at once. Returns how many. */
export async function queueImmediateEmails(outbox: MailOutbox, limit = 200): Promise<number> {
  const { notificationIds, due } = await outbox.listImmediateEmailsDue(limit);
  if (notificationIds.length === 0) return 0;
  const composed = due.map((d) => {
    const links = linksFor(d.userId);
    const mail = composeSingle(d.name, d.item, links);
    return {
      notificationId: d.notificationId,
      userId: d.userId,
      toAddress: d.toAddress,
      subject: mail.subject,
      text: mail.text,
      unsubscribeUrl: links.unsubscribeUrl,
    };
  });
  await outbox.createImmediateEmails(notificationIds, composed);
  return composed.length;
}

/**
 * One digest a day for each person on the daily setting who has notifications
 * waiting, from the digest hour on. Returns how many digests were queued. A
 * failure for one person is logged and the others still get theirs.
 */
export async function queueDigests(outbox: MailOutbox, now: Date, limit = 100): Promise<number> {
  if (now.getUTCHours() < digestHour()) return 0;
  const day = now.toISOString().slice(0, 10);
  const due = await outbox.listDigestsDue(day, limit);
  let queued = 0;
  for (const person of due) {
    try {
      if (await queueDigest(outbox, person, day)) queued++;
    } catch (error) {
      console.error(`[mail] digest for user ${person.userId} failed: ${describeError(error)}`);
    }
  }
  return queued;
}

async function queueDigest(
  outbox: MailOutbox,
  person: { userId: number; email: string | null; name: string },
  day: string,
): Promise<boolean> {
  const digest = await outbox.getDigestContent(person.userId, DIGEST_LIMIT);
  if (!digest) return false;
  if (digest.items.length === 0 || !person.email) {
    await outbox.settleDigest(person.userId, digest.upTo); // all hidden since, or the account is gone
    return false;
  }
  const links = linksFor(person.userId);
  const mail = composeDigest(person.name, digest.items, digest.total, day, links);
  return outbox.createDigestEmail({
    userId: person.userId,
    day,
    upTo: digest.upTo,
    toAddress: person.email,
    subject: mail.subject,
    text: mail.text,
    unsubscribeUrl: links.unsubscribeUrl,
    notificationIds: digest.items.map((i) => i.id),
  });
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
  outbox: MailOutbox,
  transport: MailTransport,
  now: Date,
  { max = 500, budgetMs = 10_000 } = {},
): Promise<{ sent: number; failed: number }> {
  await outbox.cancelUnwantedEmails();
  const started = Date.now();
  const host = new URL(siteOrigin()).hostname;
  let sent = 0;
  let failed = 0;
  while (sent + failed < max && Date.now() - started < budgetMs) {
    const email = await outbox.claimDueEmail(now);
    if (!email) break;
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
      await outbox
        .markEmailSent(email)
        .catch((e: unknown) =>
          console.error(`[mail] email ${email.id} sent but not marked: ${describeError(e)}`),
        );
      continue;
    }
    failed++;
    await outbox.markEmailFailed(email, now, {
      permanent: isPermanent(error),
      error: describeError(error),
    });
  }
  return { sent, failed };
}

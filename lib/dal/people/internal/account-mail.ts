import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database, Transaction } from "@/db/open";
import { emailTokens, emails } from "@/db/schema";
import type { EmailTokenPurpose } from "@/lib/enums";
import type { AccountEmail } from "@/lib/messages/account-emails";
import type { LinkProblem } from "@/lib/refusals";
import { siteOrigin } from "@/lib/site-url";

// The links in account emails and the emails themselves. Unguarded helpers:
// the DAL functions that call them decide who may (lib/dal/people/*).

/** How long each kind of link works. */
export const TOKEN_TTL_MS: Record<EmailTokenPurpose, number> = {
  verify_email: 24 * 60 * 60 * 1000,
  reset_password: 60 * 60 * 1000,
  change_email: 24 * 60 * 60 * 1000,
};

/** Where each kind of link opens. */
const LINK_PATH: Record<EmailTokenPurpose, string> = {
  verify_email: "/verify-email",
  reset_password: "/reset-password",
  change_email: "/confirm-email",
};

/** What is stored of a token: its SHA-256, so a copy of the database opens no link. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

/** A new link's token (256 random bits) and the URL that carries it. */
export function newLink(purpose: EmailTokenPurpose): { token: string; url: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, url: `${siteOrigin()}${LINK_PATH[purpose]}?token=${token}` };
}

/** Stores a link's token for `userId` and `email`; earlier unused links of the same purpose stop working. */
export async function storeToken(
  tx: Transaction,
  link: { token: string },
  row: { userId: number; purpose: EmailTokenPurpose; email: string },
  now = new Date(),
): Promise<void> {
  await tx
    .update(emailTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(emailTokens.userId, row.userId),
        eq(emailTokens.purpose, row.purpose),
        isNull(emailTokens.usedAt),
      ),
    );
  await tx.insert(emailTokens).values({
    ...row,
    tokenHash: hashToken(link.token),
    expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[row.purpose]),
  });
}

export type LinkTarget = { tokenId: number; userId: number; email: string };

/** A link's row, whether or not it still works. */
export async function findToken(
  db: Database | Transaction,
  token: string,
  purpose: EmailTokenPurpose,
) {
  const [row] = await db
    .select()
    .from(emailTokens)
    .where(and(eq(emailTokens.tokenHash, hashToken(token)), eq(emailTokens.purpose, purpose)));
  return row;
}

/** The account and address a link is for, if it still works; else why not. Uses nothing up. */
export async function readToken(
  db: Database | Transaction,
  token: string,
  purpose: EmailTokenPurpose,
  now = new Date(),
): Promise<{ ok: true; target: LinkTarget } | { ok: false; problem: LinkProblem }> {
  const row = await findToken(db, token, purpose);
  if (!row) return { ok: false, problem: "invalid_link" };
  if (row.usedAt) return { ok: false, problem: "used_link" };
  if (row.expiresAt <= now) return { ok: false, problem: "expired_link" };
  return { ok: true, target: { tokenId: row.id, userId: row.userId, email: row.email } };
}

/**
 * Uses a link up: one conditional UPDATE, so of two concurrent uses only one
 * gets the target; the other (and any later one) gets why not.
 */
export async function useToken(
  tx: Transaction,
  token: string,
  purpose: EmailTokenPurpose,
  now = new Date(),
): Promise<{ ok: true; target: LinkTarget } | { ok: false; problem: LinkProblem }> {
  const [used] = await tx
    .update(emailTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(emailTokens.tokenHash, hashToken(token)),
        eq(emailTokens.purpose, purpose),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, now),
      ),
    )
    .returning({ tokenId: emailTokens.id, userId: emailTokens.userId, email: emailTokens.email });
  if (used) return { ok: true, target: used };
  const why = await readToken(tx, token, purpose, now);
  return { ok: false, problem: why.ok ? "used_link" : why.problem };
}

/**
 * Queues an account email to `to` in the outbox (sent before news, whatever
 * the person's email setting). Once `tx` has committed, the caller wakes the
 * mail worker with `emailQueued()` (lib/outbox-signal.ts).
 */
export async function queueAccountEmail(
  tx: Transaction,
  row: { userId: number; to: string; message: AccountEmail },
): Promise<void> {
  await tx.insert(emails).values({
    userId: row.userId,
    kind: "account",
    priority: -1,
    dedupeKey: `account:${randomUUID()}`,
    toAddress: row.to,
    subject: row.message.subject,
    textBody: row.message.text,
    unsubscribeUrl: "",
  });
}

// Links from account emails, made for tests without going through an email.
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emailTokens, emails } from "@/db/schema";
import type { EmailTokenPurpose } from "@/lib/enums";
import { hashToken, newLink, storeToken } from "@/lib/dal/people/internal/account-mail";

/** Issues a working link of `purpose` for `user`'s address (or `email`) and returns its token. */
export async function issueTestLink(
  user: { id: number; email: string },
  purpose: EmailTokenPurpose,
  email = user.email,
): Promise<string> {
  const db = await getDb();
  const link = newLink(purpose);
  await db.transaction((tx) => storeToken(tx, link, { userId: user.id, purpose, email }));
  return link.token;
}

/** Makes a link expire: its time ran out a second ago. */
export async function expireLink(token: string): Promise<void> {
  const db = await getDb();
  await db
    .update(emailTokens)
    .set({ expiresAt: new Date(Date.now() - 1000) })
    .where(eq(emailTokens.tokenHash, hashToken(token)));
}

/** The account emails queued to `address`, oldest first. */
export async function accountEmailsTo(address: string) {
  const db = await getDb();
  return db
    .select()
    .from(emails)
    .where(and(eq(emails.toAddress, address), eq(emails.kind, "account")))
    .orderBy(emails.id);
}

/** The token in the first link to `path` in an email's text. */
export function tokenIn(text: string, path: string): string {
  const match = new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`).exec(text);
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return match[1]!;
}

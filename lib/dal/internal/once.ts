import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database, Transaction } from "@/db/open";
import { formSubmissions } from "@/db/schema";

/**
 * Makes something once per form: `make` runs for the first send of a form's
 * idempotency key by this person, and every later send of the same key gets
 * the first one's id back. The key row is written in the same transaction as
 * what it makes, so a second send that arrives mid-way waits on the first
 * (its INSERT blocks on the key) and then finds the id committed. Without a
 * key (a caller that is not a form), `make` simply runs, in a transaction all
 * the same.
 */
export async function oncePerKey(
  db: Database,
  who: { userId: number; key: string | undefined; kind: string },
  make: (tx: Transaction) => Promise<{ id: number }>,
): Promise<{ id: number }> {
  const { userId, key, kind } = who;
  if (!key) return db.transaction((tx) => make(tx));
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(formSubmissions)
      .values({ userId, key, kind })
      .onConflictDoNothing()
      .returning({ key: formSubmissions.key });
    const mine = and(eq(formSubmissions.userId, userId), eq(formSubmissions.key, key));
    if (claimed.length === 0) {
      const [first] = await tx.select().from(formSubmissions).where(mine);
      if (first?.kind === kind && first.refId !== null) return { id: first.refId };
    }
    const made = await make(tx);
    await tx.update(formSubmissions).set({ kind, refId: made.id }).where(mine);
    return { id: made.id };
  });
}

/**
 * What an earlier send of this form made, if it got that far: checked before
 * limits that count sends, so a second send of one form is never refused as
 * one too many.
 */
export async function madeBefore(
  db: Database,
  who: { userId: number; key: string | undefined; kind: string },
): Promise<number | null> {
  if (!who.key) return null;
  const [row] = await db
    .select({ kind: formSubmissions.kind, refId: formSubmissions.refId })
    .from(formSubmissions)
    .where(and(eq(formSubmissions.userId, who.userId), eq(formSubmissions.key, who.key)));
  return row?.kind === who.kind ? row.refId : null;
}

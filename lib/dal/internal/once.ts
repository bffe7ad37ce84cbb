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
 * key (a caller that is not a form), `make` simply runs.
 */
export async function oncePerKey(
  db: Database,
  who: { userId: number; key: string | undefined; kind: string },
  make: (tx: Transaction | Database) => Promise<{ id: number }>,
): Promise<{ id: number }> {
  const { userId, key, kind } = who;
  if (!key) return make(db);
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

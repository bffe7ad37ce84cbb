// Policy updates for tests, inserted straight into the database (fast, any status).
import { eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog, jurisdictions, policyUpdates } from "@/db/schema";
import { listPublishedUpdates } from "@/lib/dal/submissions/updates";

type NewUpdate = typeof policyUpdates.$inferInsert;

/** A schema-valid submission with this title. */
export const submission = (title: string) => ({
  title,
  summary: "The council voted to limit cooperation with federal detainers.",
  sourceUrl: "https://example.gov/minutes/2017-04-24",
  effectiveOn: "2017-04-24",
  kind: "ordinance" as const,
});

/** The id of a seeded city. */
export async function cityIdOf(slug: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(eq(jurisdictions.slug, slug));
  if (!row) throw new Error(`no city ${slug}`);
  return row.id;
}

/** Inserts updates (titles must be unique); returns their ids in the order given. */
export async function insertUpdates(
  rows: (Partial<NewUpdate> & Pick<NewUpdate, "jurisdictionId" | "authorId" | "title">)[],
): Promise<number[]> {
  const db = await getDb();
  const inserted = await db
    .insert(policyUpdates)
    .values(rows.map((r) => ({ ...submission(r.title), ...r })))
    .returning({ id: policyUpdates.id, title: policyUpdates.title });
  const byTitle = new Map(inserted.map((r) => [r.title, r.id]));
  return rows.map((r) => byTitle.get(r.title)!);
}

/** The update's row as the database holds it now. */
export async function updateRow(id: number) {
  const db = await getDb();
  const [row] = await db.select().from(policyUpdates).where(eq(policyUpdates.id, id));
  if (!row) throw new Error(`no update ${id}`);
  return row;
}

/** Audit rows about these updates (subject "update:<id>"), oldest first. */
export async function auditOfUpdates(ids: number[]) {
  const db = await getDb();
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      inArray(
        auditLog.subject,
        ids.map((id) => `update:${id}`),
      ),
    );
  return rows.sort((a, b) => a.id - b.id);
}

/** Every published update of a city, walking the timeline's pages to the end. */
export async function allPublished(citySlug: string) {
  const all = [];
  let cursor: string | undefined;
  do {
    const page = await listPublishedUpdates(citySlug, cursor);
    all.push(...page.updates);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database, Transaction } from "@/db/open";
import { articles, policyUpdates } from "@/db/schema";
import { cityBySlug } from "@/lib/dal/cities/internal/city";
import type { CommentSubjectType } from "@/lib/enums";

// Unchecked: what a subject name ("city:boston-ma") points to.

export type CommentSubject = {
  type: CommentSubjectType;
  id: number;
  /** The city it belongs to (a city, or an update's city); null for the article. */
  jurisdictionId: number | null;
  /** The page the comments are on, for links in notifications. */
  path: string;
};

/**
 * The article, city or approved update a subject name refers to; null when
 * there is none (or the update is not public). Expects a name that passed
 * commentSubjectSchema.
 */
export async function resolveSubject(
  db: Database | Transaction,
  name: string,
): Promise<CommentSubject | null> {
  const [type, key] = name.split(":") as [CommentSubjectType, string];
  if (type === "article") {
    const [row] = await db.select({ id: articles.id }).from(articles).where(eq(articles.slug, key));
    return row ? { type, id: row.id, jurisdictionId: null, path: `/articles/${key}` } : null;
  }
  if (type === "city") {
    const city = await cityBySlug(db, key);
    return city ? { type, id: city.id, jurisdictionId: city.id, path: `/cities/${key}` } : null;
  }
  const [row] = await db
    .select({ id: policyUpdates.id, jurisdictionId: policyUpdates.jurisdictionId })
    .from(policyUpdates)
    .where(and(eq(policyUpdates.id, Number(key)), eq(policyUpdates.status, "approved")));
  return row
    ? { type, id: row.id, jurisdictionId: row.jurisdictionId, path: `/updates/${row.id}` }
    : null;
}

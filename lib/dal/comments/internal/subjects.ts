import "server-only";
import { and, eq, type SQL } from "drizzle-orm";
import type { Database, Transaction } from "@/db/open";
import { articles, comments, jurisdictions, policyUpdates } from "@/db/schema";
import { invalidateComments } from "@/lib/cache/tags";
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

/** The subject names ("city:boston-ma") of the pages the comments `where` picks are on. */
async function subjectNamesOf(db: Database | Transaction, where: SQL): Promise<string[]> {
  const rows = await db
    .selectDistinct({
      type: comments.subjectType,
      id: comments.subjectId,
      article: articles.slug,
      city: jurisdictions.slug,
    })
    .from(comments)
    .leftJoin(
      articles,
      and(eq(comments.subjectType, "article"), eq(articles.id, comments.subjectId)),
    )
    .leftJoin(
      jurisdictions,
      and(eq(comments.subjectType, "city"), eq(jurisdictions.id, comments.subjectId)),
    )
    .where(where);
  return rows.flatMap((row) => {
    const key = row.type === "article" ? row.article : row.type === "city" ? row.city : row.id;
    return key === null ? [] : [`${row.type}:${key}`];
  });
}

/** The subject name ("city:boston-ma") of the page a comment is on, or null if there is no such comment. */
export async function subjectNameOfComment(
  db: Database | Transaction,
  commentId: number,
): Promise<string | null> {
  return (await subjectNamesOf(db, eq(comments.id, commentId)))[0] ?? null;
}

/**
 * Expires the cached comments of the page this comment is on, after a change
 * readers see (posted, edited, deleted, hidden or restored).
 */
export async function expireCommentsOf(db: Database | Transaction, commentId: number) {
  for (const name of await subjectNamesOf(db, eq(comments.id, commentId))) {
    invalidateComments(name);
  }
}

/**
 * Expires the cached comments of every page this person commented on: their
 * name shows there, and it changed (renamed, or the account deleted).
 */
export async function expireCommentsBy(db: Database | Transaction, userId: number) {
  for (const name of await subjectNamesOf(db, eq(comments.authorId, userId))) {
    invalidateComments(name);
  }
}

/** What a page with comments is called, for the comment pages' headings. */
export async function titleOfSubject(
  db: Database | Transaction,
  subject: CommentSubject,
): Promise<string> {
  if (subject.type === "article") {
    const [row] = await db
      .select({ title: articles.title })
      .from(articles)
      .where(eq(articles.id, subject.id));
    return row?.title ?? "";
  }
  if (subject.type === "city") {
    const [row] = await db
      .select({ name: jurisdictions.name, state: jurisdictions.state })
      .from(jurisdictions)
      .where(eq(jurisdictions.id, subject.id));
    return row ? `${row.name}, ${row.state}` : "";
  }
  const [row] = await db
    .select({ title: policyUpdates.title })
    .from(policyUpdates)
    .where(eq(policyUpdates.id, subject.id));
  return row?.title ?? "";
}

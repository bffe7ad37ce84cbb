import "server-only";
import { and, asc, eq, gt, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { articles, commentReports, comments, jurisdictions, users } from "@/db/schema";
import { requireRole, requireUser } from "@/lib/auth/current-user";
import type { DalResult } from "@/lib/refusals";
import {
  COMMENT_REPORTS_TO_HIDE,
  type CommentModerationInput,
  type ReportCommentInput,
} from "@/lib/validation/comment";
import { REPORT_REASONS } from "@/lib/enums";
import { writeAudit } from "@/lib/dal/internal/audit";
import { hitRateLimit, RATE_LIMITS } from "@/lib/dal/internal/rate-limit";
import { expireCommentsOf } from "@/lib/dal/comments/internal/subjects";

/**
 * Reports a comment, once per person. The third open report from different
 * people hides it until a moderator reviews it. Returns whether it is hidden now.
 */
export async function reportComment(
  input: ReportCommentInput,
): Promise<DalResult<{ hidden: boolean }>> {
  const me = await requireUser("report comment");
  const db = await getDb();
  const [target] = await db
    .select({ authorId: comments.authorId, status: comments.status })
    .from(comments)
    .where(eq(comments.id, input.id));
  if (!target || target.status === "deleted") {
    return { ok: false, refusal: { code: "no_such_comment" } };
  }
  if (target.authorId === me.id) {
    return { ok: false, refusal: { code: "own_comment_report" } };
  }
  const [already] = await db
    .select({ id: commentReports.commentId })
    .from(commentReports)
    .where(and(eq(commentReports.commentId, input.id), eq(commentReports.reporterId, me.id)));
  if (already) return { ok: false, refusal: { code: "already_reported" } };
  const limit = await hitRateLimit(RATE_LIMITS.report, String(me.id));
  if (!limit.ok) {
    return {
      ok: false,
      refusal: {
        code: "rate_limited",
        limit: "reports",
        retryAfterSeconds: limit.retryAfterSeconds,
      },
    };
  }
  const outcome = await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(commentReports)
      .values({ commentId: input.id, reporterId: me.id, reason: input.reason })
      .onConflictDoNothing()
      .returning({ commentId: commentReports.commentId });
    if (inserted.length === 0) return "duplicate" as const;
    // One statement counts the report and, at the threshold, hides the comment,
    // so concurrent reports cannot both miss it.
    const [row] = await tx
      .update(comments)
      .set({
        openReports: sql`${comments.openReports} + 1`,
        status: sql`case when ${comments.openReports} + 1 >= ${COMMENT_REPORTS_TO_HIDE} and ${comments.status} = 'visible' then 'hidden' else ${comments.status} end`,
        review: sql`case when ${comments.openReports} + 1 >= ${COMMENT_REPORTS_TO_HIDE} and ${comments.status} = 'visible' then 'pending' else ${comments.review} end`,
      })
      .where(eq(comments.id, input.id))
      .returning({ status: comments.status, review: comments.review });
    return row!;
  });
  if (outcome === "duplicate") {
    return { ok: false, refusal: { code: "already_reported" } };
  }
  if (outcome.status === "hidden") await expireCommentsOf(db, input.id);
  return { ok: true, data: { hidden: outcome.status === "hidden" } };
}

export type ReportedComment = {
  id: number;
  body: string;
  authorName: string;
  createdAt: string;
  /** The page the comment is on, with its anchor. */
  href: string;
  reports: Record<(typeof REPORT_REASONS)[number], number>;
};

const author = alias(users, "reported_author");

/** How many comments wait for a moderator's review (moderators). */
export async function countReportedComments(): Promise<number> {
  await requireRole("count reported comments", "moderator", "admin");
  const db = await getDb();
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(comments)
    .where(and(eq(comments.review, "pending"), ne(comments.status, "deleted")));
  return row?.n ?? 0;
}

/** Comments hidden by reports and waiting for a moderator, oldest first (moderators). */
export async function listReportedComments(
  afterId = 0,
): Promise<{ items: ReportedComment[]; next: number | null }> {
  await requireRole("read reported comments", "moderator", "admin");
  const db = await getDb();
  const rows = await db
    .select({
      id: comments.id,
      body: comments.body,
      authorName: author.name,
      createdAt: comments.createdAt,
      subjectType: comments.subjectType,
      subjectId: comments.subjectId,
      citySlug: jurisdictions.slug,
      articleSlug: articles.slug,
    })
    .from(comments)
    .innerJoin(author, eq(author.id, comments.authorId))
    .leftJoin(
      jurisdictions,
      and(eq(comments.subjectType, "city"), eq(jurisdictions.id, comments.subjectId)),
    )
    .leftJoin(
      articles,
      and(eq(comments.subjectType, "article"), eq(articles.id, comments.subjectId)),
    )
    .where(
      and(eq(comments.review, "pending"), ne(comments.status, "deleted"), gt(comments.id, afterId)),
    )
    .orderBy(asc(comments.id))
    .limit(21);
  const shown = rows.slice(0, 20);
  const counts =
    shown.length === 0
      ? []
      : await db
          .select({
            id: commentReports.commentId,
            reason: commentReports.reason,
            n: sql<number>`count(*)::int`,
          })
          .from(commentReports)
          .where(
            and(
              sql`${commentReports.commentId} in (${sql.join(
                shown.map((r) => sql`${r.id}`),
                sql`, `,
              )})`,
              eq(commentReports.reviewed, false),
            ),
          )
          .groupBy(commentReports.commentId, commentReports.reason);
  return {
    items: shown.map((r) => ({
      id: r.id,
      body: r.body,
      authorName: r.authorName,
      createdAt: r.createdAt.toISOString(),
      href: `${
        r.subjectType === "city"
          ? `/cities/${r.citySlug}`
          : r.subjectType === "article"
            ? `/articles/${r.articleSlug}`
            : `/updates/${r.subjectId}`
      }#comment-${r.id}`,
      reports: Object.fromEntries(
        REPORT_REASONS.map((reason) => [
          reason,
          counts.find((c) => c.id === r.id && c.reason === reason)?.n ?? 0,
        ]),
      ) as ReportedComment["reports"],
    })),
    next: rows.length > 20 ? shown.at(-1)!.id : null,
  };
}

/**
 * A moderator hides a comment or restores it, with a reason its author sees.
 * Either way its open reports count as reviewed. Audited.
 */
export async function moderateComment(input: CommentModerationInput): Promise<DalResult> {
  const me = await requireRole(`${input.action} comment`, "moderator", "admin");
  const db = await getDb();
  const hide = input.action === "hide";
  const done = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(comments)
      .set({
        status: hide ? "hidden" : "visible",
        review: hide ? "hidden" : "restored",
        moderationReason: input.reason,
        openReports: 0,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(comments.id, input.id),
          hide
            ? // a visible comment, or one hidden by reports and waiting for review
              and(
                ne(comments.status, "deleted"),
                or(eq(comments.status, "visible"), eq(comments.review, "pending")),
              )
            : // someone else's: a moderator's own comment is restored by another moderator
              and(eq(comments.status, "hidden"), ne(comments.authorId, me.id)),
        ),
      )
      .returning({ id: comments.id });
    if (!row) return false;
    await tx
      .update(commentReports)
      .set({ reviewed: true })
      .where(eq(commentReports.commentId, input.id));
    await writeAudit(tx, {
      actorId: me.id,
      action: `comment.${input.action}`,
      subject: `comment:${input.id}`,
      reason: input.reason,
    });
    return true;
  });
  if (done) {
    await expireCommentsOf(db, input.id);
    return { ok: true, data: null };
  }
  const [now] = await db
    .select({ status: comments.status, authorId: comments.authorId })
    .from(comments)
    .where(eq(comments.id, input.id));
  if (!now || now.status === "deleted") return { ok: false, refusal: { code: "no_such_comment" } };
  if (!hide && now.status === "hidden" && now.authorId === me.id) {
    return { ok: false, refusal: { code: "own_comment_restore" } };
  }
  return {
    ok: false,
    refusal: { code: hide ? "comment_already_hidden" : "comment_not_hidden" },
  };
}

import "server-only";
import { and, asc, eq, gt, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { articles, commentReports, comments, jurisdictions, users } from "@/db/schema";
import { requireRole, requireUser } from "@/lib/auth/current-user";
import type { DalResult } from "@/lib/refusals";
import {
  COMMENT_REPORTS_TO_HIDE,
  DISMISSED_REPORTS_TO_DISCOUNT,
  REPORTER_MIN_AGE_DAYS,
  type CommentModerationInput,
  type ReportCommentInput,
} from "@/lib/validation/comment";
import { REPORT_REASONS } from "@/lib/enums";
import { writeAudit } from "@/lib/dal/internal/audit";
import { hitRateLimit, RATE_LIMITS } from "@/lib/dal/internal/rate-limit";
import { expireCommentsOf } from "@/lib/dal/comments/internal/subjects";

/**
 * Whether a report by `reporterId` counts toward hiding ("weighty"): their
 * address is verified, their account is more than REPORTER_MIN_AGE_DAYS old, no
 * report against one of their own comments was upheld (a moderator hid it), and
 * fewer than DISMISSED_REPORTS_TO_DISCOUNT of their own reports were dismissed.
 * One expression, evaluated in the statement that stores the report.
 */
function reporterCounts(reporterId: number) {
  return sql<boolean>`(
    exists (
      select 1 from ${users}
      where ${users.id} = ${reporterId}
        and ${users.emailVerifiedAt} is not null
        and ${users.createdAt} <= now() - make_interval(days => ${REPORTER_MIN_AGE_DAYS})
    )
    and not exists (
      select 1 from ${comments}
      inner join ${commentReports} on ${commentReports.commentId} = ${comments.id}
      where ${comments.authorId} = ${reporterId} and ${commentReports.outcome} = 'upheld'
    )
    and (
      select count(*) from ${commentReports}
      where ${commentReports.reporterId} = ${reporterId} and ${commentReports.outcome} = 'dismissed'
    ) < ${DISMISSED_REPORTS_TO_DISCOUNT}
  )`;
}

/**
 * Reports a comment, once per person: it joins the moderators' queue, still
 * visible. Once open reports from COMMENT_REPORTS_TO_HIDE reporters who count
 * (reporterCounts) are on it, it is hidden until a moderator reviews it.
 * Returns whether it is hidden now.
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
    const [report] = await tx
      .insert(commentReports)
      .values({
        commentId: input.id,
        reporterId: me.id,
        reason: input.reason,
        weighty: reporterCounts(me.id),
      })
      .onConflictDoNothing()
      .returning({ weighty: commentReports.weighty });
    if (!report) return "duplicate" as const;
    const weight = report.weighty ? 1 : 0;
    // One statement counts the report and, at the threshold, hides the comment,
    // so concurrent reports cannot both miss it (each sees the other's count).
    const hides = sql`(${comments.status} = 'visible' and ${comments.weightyReports} + ${weight} >= ${COMMENT_REPORTS_TO_HIDE})`;
    const [row] = await tx
      .update(comments)
      .set({
        openReports: sql`${comments.openReports} + 1`,
        weightyReports: sql`${comments.weightyReports} + ${weight}`,
        status: sql`case when ${hides} then 'hidden' else ${comments.status} end`,
        // into the queue, unless a moderator already decided on it (hidden or kept it)
        review: sql`case when ${hides} or (${comments.review} is null and ${comments.status} <> 'deleted') then 'pending' else ${comments.review} end`,
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
  /** Hidden by reports until a decision; otherwise still visible while it waits. */
  hidden: boolean;
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

/** Reported comments waiting for a moderator, visible or hidden by reports, oldest first (moderators). */
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
      status: comments.status,
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
      hidden: r.status === "hidden",
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
 * A moderator hides a comment, or restores it (hidden) or keeps it (visible and
 * waiting in the queue), with a reason its author sees. Either way its reports
 * count as reviewed, and this decision is the outcome of every report on it:
 * upheld on hide, dismissed otherwise. Audited.
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
        weightyReports: 0,
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
            : // a hidden one, or a visible one waiting for review; someone else's:
              // a moderator's own comment is restored (or kept) by another moderator
              and(
                or(
                  eq(comments.status, "hidden"),
                  and(eq(comments.status, "visible"), eq(comments.review, "pending")),
                ),
                ne(comments.authorId, me.id),
              ),
        ),
      )
      .returning({ id: comments.id });
    if (!row) return false;
    await tx
      .update(commentReports)
      .set({ reviewed: true, outcome: hide ? "upheld" : "dismissed" })
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
    .select({ status: comments.status, review: comments.review, authorId: comments.authorId })
    .from(comments)
    .where(eq(comments.id, input.id));
  if (!now || now.status === "deleted") return { ok: false, refusal: { code: "no_such_comment" } };
  const decidable = now.status === "hidden" || now.review === "pending";
  if (!hide && decidable && now.authorId === me.id) {
    return { ok: false, refusal: { code: "own_comment_restore" } };
  }
  return {
    ok: false,
    refusal: { code: hide ? "comment_already_hidden" : "comment_not_hidden" },
  };
}

import "server-only";
import { and, desc, eq, or, sql, type SQL } from "drizzle-orm";
import type { Database, Transaction } from "@/db/open";
import { alias } from "drizzle-orm/pg-core";
import {
  articles,
  comments,
  jurisdictionProposals,
  jurisdictions,
  notifications,
  policyUpdates,
  profileRevisions,
  users,
} from "@/db/schema";
import { excerptOf, type NotificationItem } from "@/lib/notification-text";

const replyAuthor = alias(users, "reply_author");
import { fieldLabelsOf } from "@/lib/dal/profile/internal/state";
import type { NotificationDecision } from "@/lib/enums";

// Unchecked helpers: the moderation DAL writes notifications inside its own
// transactions, and the mailer (no session) reads them.

/** Whether a new notification should wait for email: the person wants email and can get it. */
const wantsEmail = sql`(u.email_frequency <> 'never' and u.email is not null)`;
/** Deleted and banned accounts hear nothing: they cannot sign in to read it. */
const reachable = sql`u.deleted_at is null and u.banned_at is null`;

/**
 * Tells everyone who follows a city, except `skip` (the author, who hears of
 * the decision, and the moderator who made it), about an approved update or
 * profile change there. One INSERT … SELECT, inside the caller's transaction.
 */
export async function notifyFollowers(
  tx: Transaction,
  n: {
    jurisdictionId: number;
    kind: "update_approved" | "profile_changed";
    updateId?: number;
    revisionId?: number;
    skip: number[];
  },
): Promise<void> {
  const skip = sql.join(
    n.skip.map((id) => sql`${id}`),
    sql`, `,
  );
  await tx.execute(sql`
    insert into ${notifications} (user_id, kind, jurisdiction_id, update_id, revision_id, email_pending)
    select f.user_id, ${n.kind}, ${n.jurisdictionId}, ${n.updateId ?? null}::int, ${n.revisionId ?? null}::int, ${wantsEmail}
    from follows f join users u on u.id = f.user_id
    where f.jurisdiction_id = ${n.jurisdictionId} and ${reachable}
      ${n.skip.length > 0 ? sql`and f.user_id not in (${skip})` : sql``}`);
}

/** Tells an author a moderator decided on their update, edit or proposal, with the reason. */
export async function notifyAuthor(
  tx: Transaction,
  n: {
    userId: number;
    /** Null for a rejected proposal: no jurisdiction was made. */
    jurisdictionId: number | null;
    updateId?: number;
    editId?: number;
    proposalId?: number;
    decision: NotificationDecision;
    reason: string | null;
  },
): Promise<void> {
  await tx.execute(sql`
    insert into ${notifications} (user_id, kind, jurisdiction_id, update_id, edit_id, proposal_id, decision, reason, email_pending)
    select u.id, 'submission_decided', ${n.jurisdictionId}::int, ${n.updateId ?? null}::int, ${n.editId ?? null}::int, ${n.proposalId ?? null}::int,
      ${n.decision}, ${n.reason}, ${wantsEmail}
    from users u where u.id = ${n.userId} and ${reachable}`);
}

/**
 * A notification is shown only while what it points to is public: an
 * approved update that a moderator later hides drops out of it. (Decisions on
 * my own submissions always show.)
 */
export const visible = and(
  or(sql`${notifications.kind} <> 'update_approved'`, eq(policyUpdates.status, "approved")),
  or(
    sql`${notifications.kind} <> 'comment_reply'`,
    sql`exists (select 1 from ${comments} c where c.id = ${notifications.commentId} and c.status = 'visible')`,
  ),
)!;

/** Notifications matching `where` that are still visible, newest first, ready to show. */
export async function notificationItems(
  db: Database | Transaction,
  where: SQL | undefined,
  limit: number,
): Promise<NotificationItem[]> {
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      at: notifications.createdAt,
      readAt: notifications.readAt,
      updateId: notifications.updateId,
      editId: notifications.editId,
      proposalId: notifications.proposalId,
      proposalName: jurisdictionProposals.name,
      proposalState: jurisdictionProposals.state,
      revisionId: notifications.revisionId,
      decision: notifications.decision,
      reason: notifications.reason,
      updateTitle: policyUpdates.title,
      updateKind: policyUpdates.kind,
      revisionKind: profileRevisions.kind,
      slug: jurisdictions.slug,
      name: jurisdictions.name,
      state: jurisdictions.state,
      leaderTitle: jurisdictions.leaderTitle,
      commentId: notifications.commentId,
      commentBody: comments.body,
      commentSubjectType: comments.subjectType,
      commentSubjectId: comments.subjectId,
      commentAuthor: replyAuthor.name,
      articleSlug: articles.slug,
    })
    .from(notifications)
    .leftJoin(jurisdictions, eq(jurisdictions.id, notifications.jurisdictionId))
    .leftJoin(comments, eq(comments.id, notifications.commentId))
    .leftJoin(replyAuthor, eq(replyAuthor.id, comments.authorId))
    .leftJoin(
      articles,
      and(eq(comments.subjectType, "article"), eq(articles.id, comments.subjectId)),
    )
    .leftJoin(policyUpdates, eq(policyUpdates.id, notifications.updateId))
    .leftJoin(profileRevisions, eq(profileRevisions.id, notifications.revisionId))
    .leftJoin(jurisdictionProposals, eq(jurisdictionProposals.id, notifications.proposalId))
    .where(and(where, visible))
    .orderBy(desc(notifications.id))
    .limit(limit);
  const fields = await fieldLabelsOf(
    db,
    rows.flatMap((r) =>
      r.revisionId && r.leaderTitle ? [{ id: r.revisionId, leaderTitle: r.leaderTitle }] : [],
    ),
  );
  return rows.map((r): NotificationItem => {
    const city = r.slug ? { slug: r.slug, name: r.name!, state: r.state! } : null;
    const base = { id: r.id, at: r.at.toISOString(), read: r.readAt !== null, city: city! };
    if (r.kind === "comment_reply") {
      const path =
        r.commentSubjectType === "article"
          ? `/articles/${r.articleSlug}`
          : r.commentSubjectType === "update"
            ? `/updates/${r.commentSubjectId}`
            : `/cities/${r.slug}`;
      return {
        ...base,
        city,
        type: "reply",
        comment: {
          id: r.commentId!,
          authorName: r.commentAuthor ?? "Someone",
          excerpt: excerptOf(r.commentBody ?? ""),
          path,
        },
      };
    }
    if (r.kind === "update_approved") {
      return {
        ...base,
        type: "update",
        update: { id: r.updateId!, title: r.updateTitle ?? "", kind: r.updateKind! },
      };
    }
    if (r.kind === "profile_changed") {
      return {
        ...base,
        type: "profile",
        revision: {
          id: r.revisionId!,
          revert: r.revisionKind === "revert",
          fields: fields.get(r.revisionId!) ?? [],
        },
      };
    }
    return {
      ...base,
      type: "decision",
      city,
      subject: r.updateId
        ? { type: "update", id: r.updateId, title: r.updateTitle ?? "" }
        : r.proposalId
          ? {
              type: "proposal",
              id: r.proposalId,
              name: r.proposalName ?? "",
              state: r.proposalState ?? "",
            }
          : { type: "edit", id: r.editId! },
      outcome: r.decision ?? "approved",
      reason: r.reason,
    };
  });
}

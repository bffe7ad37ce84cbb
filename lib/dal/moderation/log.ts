import "server-only";
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { auditLog, jurisdictions, users } from "@/db/schema";
import { requireRole } from "@/lib/auth/current-user";
import { cityIdOfSlug } from "@/lib/dal/cities/internal/city";

const LOG_PAGE = 50;
const MAX_ID = 2_147_483_647;
const SLUG = /^[a-z0-9-]{1,80}$/;

/** How each moderation action reads after the actor's name. */
const ACTION_LABELS = new Map<string, string>(
  Object.entries({
    "update.claim": "claimed an update",
    "update.approve": "approved an update",
    "update.reject": "rejected an update",
    "update.withdraw": "withdrew an update",
    "update.revise": "revised an update",
    "update.hide": "hid an update from the public",
    "update.restore": "restored a hidden update",
    "edit.claim": "claimed a profile edit",
    "edit.approve": "approved a profile edit",
    "edit.reject": "rejected a profile edit",
    "edit.withdraw": "withdrew a profile edit",
    "edit.revise": "revised a profile edit",
    "proposal.claim": "claimed a proposed jurisdiction",
    "proposal.approve": "approved a proposed jurisdiction",
    "proposal.reject": "rejected a proposed jurisdiction",
    "proposal.withdraw": "withdrew a proposed jurisdiction",
    "profile.revert": "reverted the profile",
    "comment.hide": "hid a comment",
    "comment.restore": "restored a hidden comment",
  }),
);

export type ModerationLogEntry = {
  id: number;
  /** ISO 8601, UTC. */
  at: string;
  actorName: string;
  action: string;
  actionLabel: string;
  subject: string;
  /** e.g. "update #12"; the raw subject when its kind is unknown. */
  subjectLabel: string;
  /** Where a moderator can look at the subject, or null when there is no such page. */
  subjectHref: string | null;
  city: { slug: string; name: string } | null;
  reason: string | null;
};

export type ModerationLogFilter = { moderator?: number; city?: string; before?: string };

export type ModerationLog = {
  entries: ModerationLogEntry[];
  /** The `before` value of the next (older) page, or null on the last page. */
  nextBefore: string | null;
  moderators: { id: number; name: string }[];
  cities: { slug: string; name: string }[];
};

/** Moderation actions, newest first, 50 a page, by moderator and city (moderators and admins). */
export async function listModerationLog(filter: ModerationLogFilter): Promise<ModerationLog> {
  await requireRole("read moderation log", "moderator", "admin");
  const db = await getDb();
  // The DAL may be called with unchecked values: drop what cannot be an id or a slug
  // rather than let the database fail on it (an int overflow, a NUL byte).
  const moderator = isId(filter.moderator) ? filter.moderator : undefined;
  const city = filter.city && SLUG.test(filter.city) ? filter.city : undefined;
  const before =
    filter.before && /^\d{1,10}$/.test(filter.before) && isId(Number(filter.before))
      ? Number(filter.before)
      : undefined;

  // The cursor is an id, but the order is (created_at, id): created_at is when the
  // transaction began, so ids and times can disagree between concurrent moderators.
  // Comparing with the cursor row's own (created_at, id) keeps every row exactly once.
  const cursor = alias(auditLog, "cursor_row");
  const olderThanCursor = (id: number) =>
    sql`(${auditLog.createdAt}, ${auditLog.id}) < (${db
      .select({ createdAt: cursor.createdAt, id: cursor.id })
      .from(cursor)
      .where(eq(cursor.id, id))})`;

  const [rows, moderators, cities] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        createdAt: auditLog.createdAt,
        actorName: users.name,
        action: auditLog.action,
        subject: auditLog.subject,
        reason: auditLog.reason,
        citySlug: jurisdictions.slug,
        cityName: jurisdictions.name,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .leftJoin(jurisdictions, eq(jurisdictions.id, auditLog.jurisdictionId))
      .where(
        and(
          isNotNull(auditLog.subject),
          moderator ? eq(auditLog.actorId, moderator) : undefined,
          city ? eq(auditLog.jurisdictionId, cityIdOfSlug(city)) : undefined,
          before ? olderThanCursor(before) : undefined,
        ),
      )
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(LOG_PAGE + 1),
    // The people who can moderate (a short, indexed list), not a scan of the whole log.
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(inArray(users.role, ["moderator", "admin"]), isNull(users.deletedAt)))
      .orderBy(asc(users.name), asc(users.id)),
    db
      .select({ slug: jurisdictions.slug, name: jurisdictions.name })
      .from(jurisdictions)
      .orderBy(asc(jurisdictions.name), asc(jurisdictions.slug)),
  ]);

  const page = rows.slice(0, LOG_PAGE);
  return {
    entries: page.map((r) => {
      const subject = r.subject ?? "";
      const citySlug = r.citySlug ?? null;
      return {
        id: r.id,
        at: r.createdAt.toISOString(),
        actorName: r.actorName ?? "system",
        action: r.action,
        actionLabel: ACTION_LABELS.get(r.action) ?? r.action,
        subject,
        ...describeSubject(subject, citySlug),
        city: citySlug && r.cityName ? { slug: citySlug, name: r.cityName } : null,
        reason: r.reason,
      };
    }),
    nextBefore: rows.length > LOG_PAGE ? String(page.at(-1)!.id) : null,
    moderators,
    cities,
  };
}

/** A readable name for "update:12" and the page where a moderator can look at it. */
function describeSubject(
  subject: string,
  citySlug: string | null,
): { subjectLabel: string; subjectHref: string | null } {
  const match = /^(update|edit|proposal|revision|comment):([1-9]\d{0,9})$/.exec(subject);
  if (!match) return { subjectLabel: subject, subjectHref: null };
  const [, kind, id] = match;
  switch (kind) {
    case "update":
      return { subjectLabel: `update #${id}`, subjectHref: `/moderation/updates/${id}` };
    case "edit":
      return { subjectLabel: `profile edit #${id}`, subjectHref: `/moderation/edits/${id}` };
    case "proposal":
      return {
        subjectLabel: `jurisdiction proposal #${id}`,
        subjectHref: `/moderation/proposals/${id}`,
      };
    case "comment":
      // A comment's page is not in the log row; the reason and the time identify it.
      return { subjectLabel: `comment #${id}`, subjectHref: null };
    default:
      return {
        subjectLabel: `revision #${id}`,
        subjectHref: citySlug ? `/cities/${citySlug}/history#revision-${id}` : null,
      };
  }
}

function isId(n: number | undefined): n is number {
  return n !== undefined && Number.isSafeInteger(n) && n >= 1 && n <= MAX_ID;
}

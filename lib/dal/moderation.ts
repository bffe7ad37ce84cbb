import "server-only";
import { and, asc, desc, eq, gt, isNull, lt, ne, or, sql } from "drizzle-orm";
import { alias, type SelectedFields } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import type { Database, Transaction } from "@/db/open";
import {
  jurisdictions,
  policyUpdates,
  profileEdits,
  reviewQueueCounts,
  submissionVersions,
  users,
} from "@/db/schema";
import type { ActionResult } from "@/lib/actions/result";
import { requireRole } from "@/lib/auth/current-user";
import { invalidateJurisdiction, invalidateUpdate } from "@/lib/cache/tags";
import {
  profileFieldLabel,
  profileValueLabel,
  type FieldChange,
  type FieldState,
} from "@/lib/profile-fields";
import {
  QUEUE_KINDS,
  type DecideInput,
  type QueueFilter,
  type QueueKind,
  type SubmissionRef,
  type SubmissionType,
} from "@/lib/validation/moderation";
import type { SubmissionStatus, UpdateKind } from "@/lib/validation/update";
import { writeAudit } from "./audit";
import { jurisdictionIdOfSlug } from "./jurisdictions";
import {
  applyChanges,
  changesOf,
  conflictsOf,
  datedToday,
  readProfileState,
  recordRevision,
} from "./profile";
import { editTitles, SUBMISSION_TABLES, subjectOf } from "./submissions";

const QUEUE_PAGE = 20;
export const CLAIM_MINUTES = 15;

type ReviewTable = (typeof SUBMISSION_TABLES)[SubmissionType];

const claimer = alias(users, "claimer");
const author = alias(users, "author");
const decider = alias(users, "decider");

/** Joins the moderator holding an unexpired claim (an expired claim joins nobody). */
const liveClaim = (t: ReviewTable) =>
  and(eq(claimer.id, t.claimedById), gt(t.claimExpiresAt, sql`now()`));

export type QueueItem = {
  type: SubmissionType;
  id: number;
  title: string;
  kind: QueueKind;
  city: { slug: string; name: string; state: string };
  authorName: string;
  submittedAt: string;
  version: number;
  claimedBy: string | null;
  claimExpiresAt: string | null;
};

/** Where a moderator reviews a submission. */
export const reviewHref = (ref: SubmissionRef) =>
  ref.type === "update" ? `/moderation/updates/${ref.id}` : `/moderation/edits/${ref.id}`;

/** The columns every queue row and review page shows, for either table. */
const lifecycleColumns = (t: ReviewTable) => ({
  id: t.id,
  authorId: t.authorId,
  status: t.status,
  version: t.version,
  createdAt: t.createdAt,
  claimedById: t.claimedById,
  claimExpiresAt: t.claimExpiresAt,
  decisionReason: t.decisionReason,
  slug: jurisdictions.slug,
  cityName: jurisdictions.name,
  state: jurisdictions.state,
  leaderTitle: jurisdictions.leaderTitle,
  authorName: author.name,
  claimedBy: claimer.name,
  decidedBy: decider.name,
});

/** The lifecycle columns of one table's rows, with `extra` columns, joined to city and people. */
function lifecycleQuery<E extends SelectedFields>(db: Database, t: ReviewTable, extra: E) {
  return db
    .select({ ...lifecycleColumns(t), ...extra })
    .from(t)
    .innerJoin(jurisdictions, eq(jurisdictions.id, t.jurisdictionId))
    .innerJoin(author, eq(author.id, t.authorId))
    .leftJoin(claimer, liveClaim(t))
    .leftJoin(decider, eq(decider.id, t.decidedById))
    .$dynamic();
}

type LifecycleRow = Awaited<ReturnType<typeof lifecycleQuery<Record<never, never>>>>[number];

function toQueueItem(
  type: SubmissionType,
  r: LifecycleRow,
  title: string,
  kind: QueueKind,
): QueueItem {
  return {
    type,
    id: r.id,
    title,
    kind,
    city: { slug: r.slug, name: r.cityName, state: r.state },
    authorName: r.authorName,
    submittedAt: r.createdAt.toISOString(),
    version: r.version,
    claimedBy: r.claimedBy,
    claimExpiresAt: r.claimedBy && r.claimExpiresAt ? r.claimExpiresAt.toISOString() : null,
  };
}

/**
 * Pending updates and edits, oldest first, with counts by city and kind
 * (moderators). Each list is keyset-paginated on its id (ids grow with
 * time); a page merges the next rows of both, and its cursor records where
 * it stopped in each.
 */
export async function listQueue(filter: QueueFilter) {
  await requireRole("read review queue", "moderator", "admin");
  const [afterUpdate, afterEdit] = (filter.after ?? "0-0").split("-").map(Number) as [
    number,
    number,
  ];
  const db = await getDb();
  const wantUpdates = filter.kind !== "profile_edit";
  const wantEdits = !filter.kind || filter.kind === "profile_edit";
  const pendingIn = (t: ReviewTable, after: number) =>
    and(
      eq(t.status, "pending"),
      // the city's id first, so the planner walks the (city, id) index in order
      filter.city ? eq(t.jurisdictionId, jurisdictionIdOfSlug(filter.city)) : undefined,
      after > 0 ? gt(t.id, after) : undefined,
    );

  const [updates, edits, counts] = await Promise.all([
    wantUpdates
      ? lifecycleQuery(db, policyUpdates, { title: policyUpdates.title, kind: policyUpdates.kind })
          .where(
            and(
              pendingIn(policyUpdates, afterUpdate),
              filter.kind ? eq(policyUpdates.kind, filter.kind as UpdateKind) : undefined,
            ),
          )
          .orderBy(asc(policyUpdates.id))
          .limit(QUEUE_PAGE + 1)
      : [],
    wantEdits
      ? lifecycleQuery(db, profileEdits, {})
          .where(pendingIn(profileEdits, afterEdit))
          .orderBy(asc(profileEdits.id))
          .limit(QUEUE_PAGE + 1)
      : [],
    queueCounts(),
  ]);
  const titles = await editTitles(edits.map((e) => ({ id: e.id, leaderTitle: e.leaderTitle })));
  const merged = mergeOldestFirst(
    updates.map((r) => toQueueItem("update", r, r.title, r.kind)),
    edits.map((r) => toQueueItem("edit", r, titles.get(r.id) ?? "Profile edit", "profile_edit")),
  );
  const items = merged.slice(0, QUEUE_PAGE);
  const lastOf = (type: SubmissionType, before: number) =>
    items.filter((i) => i.type === type).at(-1)?.id ?? before;
  return {
    items,
    nextAfter:
      merged.length > QUEUE_PAGE
        ? `${lastOf("update", afterUpdate)}-${lastOf("edit", afterEdit)}`
        : null,
    ...counts,
  };
}

/**
 * Merges two lists that are each in id order, oldest first by submission
 * time. Each list's items stay in their own order, so a page always takes a
 * prefix of each and the cursor (the last id taken from each) skips nothing.
 */
function mergeOldestFirst(a: QueueItem[], b: QueueItem[]): QueueItem[] {
  const out: QueueItem[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const takeA = j >= b.length || (i < a.length && a[i]!.submittedAt <= b[j]!.submittedAt);
    out.push(takeA ? a[i++]! : b[j++]!);
  }
  return out;
}

/** How many submissions wait, by kind and by city (kept by triggers: one small read). */
async function queueCounts() {
  const db = await getDb();
  const rows = await db
    .select({
      kind: reviewQueueCounts.kind,
      slug: jurisdictions.slug,
      name: jurisdictions.name,
      n: reviewQueueCounts.n,
    })
    .from(reviewQueueCounts)
    .innerJoin(jurisdictions, eq(jurisdictions.id, reviewQueueCounts.jurisdictionId))
    .where(gt(reviewQueueCounts.n, 0));
  const kinds = new Map<QueueKind, number>();
  const cities = new Map<string, { slug: string; name: string; n: number }>();
  for (const r of rows) {
    const kind = r.kind as QueueKind;
    kinds.set(kind, (kinds.get(kind) ?? 0) + r.n);
    cities.set(r.slug, { slug: r.slug, name: r.name, n: (cities.get(r.slug)?.n ?? 0) + r.n });
  }
  const countsByKind = QUEUE_KINDS.flatMap((kind) => {
    const n = kinds.get(kind);
    return n ? [{ kind, n }] : [];
  });
  return {
    countsByKind,
    countsByCity: [...cities.values()].sort((a, b) => a.name.localeCompare(b.name)),
    total: countsByKind.reduce((sum, k) => sum + k.n, 0),
  };
}

export type EarlierVersion = { version: number; savedAt: string; content: unknown };

export type ReviewBase = QueueItem & {
  status: SubmissionStatus;
  city: QueueItem["city"] & { leaderTitle: string };
  isMine: boolean;
  claimedByMe: boolean;
  decidedBy: string | null;
  decisionReason: string | null;
  earlierVersions: EarlierVersion[];
};

export type UpdateReview = ReviewBase & {
  type: "update";
  kind: UpdateKind;
  summary: string;
  sourceUrl: string;
  effectiveOn: string;
};

export type ChangeView = FieldChange & {
  label: string;
  fromLabel: string;
  toLabel: string;
  /** The field as the profile holds it now. */
  current: FieldState | null;
  currentLabel: string;
  /** The field changed since the edit was proposed: approving would overwrite it. */
  conflict: boolean;
};

export type EditReview = ReviewBase & { type: "edit"; note: string; changes: ChangeView[] };

async function reviewBase(
  type: SubmissionType,
  r: LifecycleRow,
  title: string,
  kind: QueueKind,
  myId: number,
): Promise<ReviewBase> {
  const db = await getDb();
  const versions = await db
    .select()
    .from(submissionVersions)
    .where(eq(submissionVersions.subject, subjectOf({ type, id: r.id })))
    .orderBy(desc(submissionVersions.version));
  const claimActive = r.claimedBy !== null;
  return {
    ...toQueueItem(type, r, title, kind),
    city: { slug: r.slug, name: r.cityName, state: r.state, leaderTitle: r.leaderTitle },
    status: r.status,
    isMine: r.authorId === myId,
    claimedByMe: claimActive && r.claimedById === myId,
    decidedBy: r.decidedBy,
    decisionReason: r.decisionReason,
    earlierVersions: versions.map((v) => ({
      version: v.version,
      savedAt: v.createdAt.toISOString(),
      content: v.content,
    })),
  };
}

/** One policy update as a moderator reviews it. */
export async function getUpdateReview(id: number): Promise<UpdateReview | null> {
  const me = await requireRole("read review item", "moderator", "admin");
  const db = await getDb();
  const [r] = await lifecycleQuery(db, policyUpdates, { content: policyUpdates })
    .where(eq(policyUpdates.id, id))
    .limit(1);
  if (!r) return null;
  const base = await reviewBase("update", r, r.content.title, r.content.kind, me.id);
  return {
    ...base,
    type: "update",
    kind: r.content.kind,
    summary: r.content.summary,
    sourceUrl: r.content.sourceUrl,
    effectiveOn: r.content.effectiveOn,
  };
}

/** One profile edit as a moderator reviews it: each change beside the profile as it is now. */
export async function getEditReview(id: number): Promise<EditReview | null> {
  const me = await requireRole("read review item", "moderator", "admin");
  const db = await getDb();
  const [r] = await lifecycleQuery(db, profileEdits, {
    note: profileEdits.note,
    jurisdictionId: profileEdits.jurisdictionId,
  })
    .where(eq(profileEdits.id, id))
    .limit(1);
  if (!r) return null;
  const [changes, state, titles] = await Promise.all([
    changesOf(db, id),
    readProfileState(db, r.jurisdictionId),
    editTitles([{ id, leaderTitle: r.leaderTitle }]),
  ]);
  const conflicting = new Set(conflictsOf(state, changes).map((c) => c.field));
  const base = await reviewBase("edit", r, titles.get(id)!, "profile_edit", me.id);
  return {
    ...base,
    type: "edit",
    note: r.note,
    changes: changes.map((c) => {
      const current = state.get(c.field) ?? null;
      return {
        ...c,
        label: profileFieldLabel(c.field, r.leaderTitle),
        fromLabel: profileValueLabel(c.field, c.fromValue),
        toLabel: profileValueLabel(c.field, c.toValue),
        current,
        currentLabel: current ? profileValueLabel(c.field, current.value) : "",
        conflict: conflicting.has(c.field),
      };
    }),
  };
}

/** Marks a pending item as being reviewed by me for CLAIM_MINUTES; others see it. */
export async function claimSubmission(ref: SubmissionRef): Promise<ActionResult> {
  const me = await requireRole("claim review item", "moderator", "admin");
  const db = await getDb();
  const table = SUBMISSION_TABLES[ref.type];
  const claimed = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(table)
      .set({
        claimedById: me.id,
        claimExpiresAt: sql`now() + make_interval(mins => ${CLAIM_MINUTES})`,
      })
      .where(openTo(table, ref.id, me.id))
      .returning({ jurisdictionId: table.jurisdictionId });
    if (!row) return false;
    await writeAudit(tx, {
      actorId: me.id,
      action: `${ref.type}.claim`,
      subject: subjectOf(ref),
      jurisdictionId: row.jurisdictionId,
    });
    return true;
  });
  if (claimed) return { ok: true, data: null };
  return { ok: false, formError: await whyNotOpen(ref, me.id) };
}

/** Thrown inside a decision's transaction to roll it back: the edit no longer fits the profile. */
class EditConflict extends Error {
  constructor(
    readonly conflicts: FieldChange[],
    readonly leaderTitle: string,
  ) {
    super("edit conflicts with the current profile");
  }
}

/**
 * Approves or rejects a pending submission exactly once: one conditional
 * UPDATE and its audit row in one transaction. Zero rows back means someone
 * else decided first, the author revised it since the moderator read it, or
 * it is not open to this moderator, and nothing is written. Approving an
 * edit applies it in the same transaction, under a lock on the profile, and
 * only if every field still holds the value the edit started from.
 */
export async function decideSubmission(input: DecideInput): Promise<ActionResult> {
  const me = await requireRole("decide review item", "moderator", "admin");
  const db = await getDb();
  const ref = { type: input.type, id: input.id };
  const table = SUBMISSION_TABLES[input.type];
  const status = input.decision === "approve" ? "approved" : "rejected";
  const applyEdit = input.type === "edit" && status === "approved";
  try {
    const slug = await db.transaction(async (tx) => {
      const state = applyEdit ? await lockProfileOfEdit(tx, input.id) : null;
      const [row] = await tx
        .update(table)
        .set({
          status,
          decidedById: me.id,
          // whole milliseconds, so the timeline's keyset cursor is exact
          decidedAt: new Date(),
          decisionReason: input.reason || null,
          claimedById: null,
          claimExpiresAt: null,
          updatedAt: new Date(),
        })
        .where(and(openTo(table, input.id, me.id), eq(table.version, input.version)))
        .returning({ jurisdictionId: table.jurisdictionId, authorId: table.authorId });
      if (!row) return null;
      if (state)
        await applyApprovedEdit(tx, input.id, row, state.profile, me.id, state.leaderTitle);
      await writeAudit(tx, {
        actorId: me.id,
        action: `${input.type}.${input.decision}`,
        subject: subjectOf(ref),
        jurisdictionId: row.jurisdictionId,
        reason: input.reason || null,
      });
      const [city] = await tx
        .select({ slug: jurisdictions.slug })
        .from(jurisdictions)
        .where(eq(jurisdictions.id, row.jurisdictionId));
      return city!.slug;
    });
    if (slug === null) return { ok: false, formError: await whyNotOpen(ref, me.id, input.version) };
    if (status === "approved") {
      if (input.type === "update") invalidateUpdate(input.id, slug);
      else invalidateJurisdiction(slug);
    }
    return { ok: true, data: null };
  } catch (error) {
    if (!(error instanceof EditConflict)) throw error;
    const fields = error.conflicts.map((c) => profileFieldLabel(c.field, error.leaderTitle));
    return {
      ok: false,
      formError: `Not applied: ${fields.join(", ")} changed after this edit was proposed, so approving it would overwrite that change. Compare the current values below: the author can revise the edit from the current profile, or you can reject it.`,
    };
  }
}

/** Locks the profile an edit changes and reads it, before the edit is decided. */
async function lockProfileOfEdit(tx: Transaction, editId: number) {
  const [edit] = await tx
    .select({ jurisdictionId: profileEdits.jurisdictionId, leaderTitle: jurisdictions.leaderTitle })
    .from(profileEdits)
    .innerJoin(jurisdictions, eq(jurisdictions.id, profileEdits.jurisdictionId))
    .where(eq(profileEdits.id, editId));
  if (!edit) return null;
  const profile = await readProfileState(tx, edit.jurisdictionId, { lock: true });
  return { profile, leaderTitle: edit.leaderTitle };
}

async function applyApprovedEdit(
  tx: Transaction,
  editId: number,
  edit: { jurisdictionId: number; authorId: number },
  profile: Awaited<ReturnType<typeof readProfileState>>,
  moderatorId: number,
  leaderTitle: string,
) {
  const changes = await changesOf(tx, editId);
  const conflicts = conflictsOf(profile, changes);
  if (conflicts.length > 0) throw new EditConflict(conflicts, leaderTitle);
  const [{ note } = { note: "" }] = await tx
    .select({ note: profileEdits.note })
    .from(profileEdits)
    .where(eq(profileEdits.id, editId));
  const dated = datedToday(changes);
  await applyChanges(tx, edit.jurisdictionId, dated);
  await recordRevision(tx, {
    jurisdictionId: edit.jurisdictionId,
    kind: "edit",
    editId,
    proposedById: edit.authorId,
    approvedById: moderatorId,
    note,
    changes: dated,
  });
}

/**
 * The condition under which a moderator may claim or decide an item: still
 * pending, not their own (an author must neither approve nor hold their
 * submission away from others), and not under another moderator's live claim.
 */
function openTo(t: ReviewTable, id: number, moderatorId: number) {
  return and(
    eq(t.id, id),
    eq(t.status, "pending"),
    ne(t.authorId, moderatorId),
    or(isNull(t.claimedById), eq(t.claimedById, moderatorId), lt(t.claimExpiresAt, sql`now()`)),
  );
}

/** Why a claim or decision found nothing to change, in words for the moderator. */
async function whyNotOpen(ref: SubmissionRef, myId: number, version?: number): Promise<string> {
  const t = SUBMISSION_TABLES[ref.type];
  const db = await getDb();
  const [r] = await lifecycleQuery(db, t, {}).where(eq(t.id, ref.id));
  if (!r) return "There is no such submission.";
  if (r.status === "approved" || r.status === "rejected") {
    return `Already decided by ${r.decidedBy ?? "another moderator"} (${r.status}).`;
  }
  if (r.status === "withdrawn") return "The author withdrew this submission.";
  if (r.authorId === myId) return "You cannot decide on your own submission.";
  if (r.claimedBy && r.claimedById !== myId) {
    const until = r.claimExpiresAt?.toISOString().slice(11, 16);
    return `${r.claimedBy} is reviewing this item${until ? ` until ${until} UTC` : ""}.`;
  }
  if (version !== undefined && r.version !== version) {
    return `The author revised this submission after you opened it (now version ${r.version}). Read the new version before deciding.`;
  }
  return "This item is not open for review.";
}

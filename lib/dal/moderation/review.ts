import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { policyUpdates, profileEdits, submissionVersions } from "@/db/schema";
import { requireRole } from "@/lib/auth/current-user";
import {
  profileFieldLabel,
  profileValueLabel,
  type FieldChange,
  type FieldState,
} from "@/lib/profile-fields";
import { type QueueKind } from "@/lib/validation/moderation";
import type { SubmissionStatus, SubmissionType, UpdateKind } from "@/lib/enums";
import { changesOf, conflictsOf, readProfileState } from "@/lib/dal/profile/internal/state";
import { editTitles, subjectOf } from "@/lib/dal/submissions/internal/lifecycle";
import {
  lifecycleQuery,
  toQueueItem,
  type LifecycleRow,
  type QueueItem,
} from "@/lib/dal/moderation/internal/review-rows";

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
  /** Why a moderator hid it after approval (status "hidden"). */
  hiddenReason: string | null;
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
    hiddenReason: r.content.hiddenReason,
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

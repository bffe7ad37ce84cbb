import "server-only";
import { and, desc, eq, inArray, lt, max } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import type { Database, Transaction } from "@/db/open";
import { jurisdictions, profileRevisionChanges, profileRevisions, users } from "@/db/schema";
import { requireRole } from "@/lib/auth/current-user";
import { invalidateJurisdiction } from "@/lib/cache/tags";
import {
  inFieldOrder,
  PROFILE_FIELD_KEYS,
  profileFieldLabel,
  profileValueLabel,
  type FieldChange,
  type ProfileFieldKey,
  type RevisionChange,
} from "@/lib/profile-fields";
import type { DalResult, Refusal } from "@/lib/refusals";
import type { RevertInput } from "@/lib/validation/moderation";
import { writeAudit } from "@/lib/dal/internal/audit";
import { cityBySlug } from "@/lib/dal/cities/internal/city";
import { notifyFollowers } from "@/lib/dal/news/internal/notification-rows";
import {
  applyChanges,
  latestChanges,
  readProfileState,
  recordRevision,
} from "@/lib/dal/profile/internal/state";
import type { RevisionKind } from "@/lib/enums";

const HISTORY_PAGE = 20;

export type RevisionChangeView = FieldChange & {
  label: string;
  fromLabel: string;
  toLabel: string;
};

export type RevisionView = {
  id: number;
  kind: RevisionKind;
  at: string;
  proposedBy: string | null;
  approvedBy: string | null;
  note: string;
  revertedToId: number | null;
  changes: RevisionChangeView[];
};

/**
 * A city's profile revisions, newest first, keyset-paginated on id, each
 * with its field-by-field changes and sources. Public data.
 */
export async function listRevisions(
  citySlug: string,
  before?: string,
): Promise<{
  city: { slug: string; name: string; leaderTitle: string };
  revisions: RevisionView[];
  nextBefore: string | null;
  /** The newest revision of the profile: a revert must be made from it. */
  latestRevisionId: number;
} | null> {
  const db = await getDb();
  const city = await cityBySlug(db, citySlug);
  if (!city) return null;
  const proposer = alias(users, "proposer");
  const approver = alias(users, "approver");
  const rows = await db
    .select({
      id: profileRevisions.id,
      kind: profileRevisions.kind,
      createdAt: profileRevisions.createdAt,
      note: profileRevisions.note,
      revertedToId: profileRevisions.revertedToId,
      proposedBy: proposer.name,
      approvedBy: approver.name,
    })
    .from(profileRevisions)
    .leftJoin(proposer, eq(proposer.id, profileRevisions.proposedById))
    .leftJoin(approver, eq(approver.id, profileRevisions.approvedById))
    .where(
      and(
        eq(profileRevisions.jurisdictionId, city.id),
        before ? lt(profileRevisions.id, Number(before)) : undefined,
      ),
    )
    .orderBy(desc(profileRevisions.id))
    .limit(HISTORY_PAGE + 1);
  const page = rows.slice(0, HISTORY_PAGE);
  const changeRows =
    page.length === 0
      ? []
      : await db
          .select()
          .from(profileRevisionChanges)
          .where(
            inArray(
              profileRevisionChanges.revisionId,
              page.map((r) => r.id),
            ),
          );
  const revisions = page.map((r) => ({
    id: r.id,
    kind: r.kind,
    at: r.createdAt.toISOString(),
    proposedBy: r.proposedBy,
    approvedBy: r.approvedBy,
    note: r.note,
    revertedToId: r.revertedToId,
    changes: inFieldOrder(changeRows.filter((c) => c.revisionId === r.id)).map(
      ({ revisionId, ...c }) => {
        void revisionId;
        const field = c.field as ProfileFieldKey;
        return {
          ...c,
          field,
          label: profileFieldLabel(field, city.leaderTitle),
          fromLabel: profileValueLabel(field, c.fromValue),
          toLabel: profileValueLabel(field, c.toValue),
        };
      },
    ),
  }));
  return {
    city: { slug: city.slug, name: city.name, leaderTitle: city.leaderTitle },
    revisions,
    nextBefore: rows.length > HISTORY_PAGE ? String(page.at(-1)!.id) : null,
    latestRevisionId: await latestRevisionOf(db, city.id),
  };
}

async function latestRevisionOf(db: Database | Transaction, jurisdictionId: number) {
  const [row] = await db
    .select({ id: max(profileRevisions.id) })
    .from(profileRevisions)
    .where(eq(profileRevisions.jurisdictionId, jurisdictionId));
  return row?.id ?? 0;
}

type RevertOutcome = { refusal: Refusal } | { revisionId: number; slug: string };

/**
 * Puts a city's profile back as an earlier revision left it. The revert is
 * itself a revision (so it can be reverted too) and is audited with its reason.
 */
export async function revertProfile(
  input: RevertInput,
): Promise<DalResult<{ revisionId: number }>> {
  const me = await requireRole("revert profile", "moderator", "admin");
  const db = await getDb();
  const outcome = await db.transaction(async (tx): Promise<RevertOutcome> => {
    const [target] = await tx
      .select({ jurisdictionId: profileRevisions.jurisdictionId, slug: jurisdictions.slug })
      .from(profileRevisions)
      .innerJoin(jurisdictions, eq(jurisdictions.id, profileRevisions.jurisdictionId))
      .where(eq(profileRevisions.id, input.revisionId));
    if (!target) return { refusal: { code: "no_such_revision" } };
    const state = await readProfileState(tx, target.jurisdictionId, { lock: true });
    // Under the lock: a revert made from an out-of-date history page would undo a
    // change its moderator never saw.
    const latest = await latestRevisionOf(tx, target.jurisdictionId);
    if (latest !== input.latestRevisionId) {
      return { refusal: { code: "profile_changed_since_read", latestRevisionId: latest } };
    }
    const then = await latestChanges(
      tx,
      target.jurisdictionId,
      PROFILE_FIELD_KEYS,
      input.revisionId,
    );
    const changes = then.flatMap((old): RevisionChange[] => {
      const now = state.get(old.field);
      if (now && now.value === old.toValue && now.detail === old.toDetail) return [];
      return [
        {
          field: old.field,
          fromValue: now?.value ?? "",
          fromDetail: now?.detail ?? "",
          toValue: old.toValue,
          toDetail: old.toDetail,
          sourceUrl: old.sourceUrl,
          asOf: old.asOf,
        },
      ];
    });
    if (changes.length === 0) {
      return { refusal: { code: "profile_already_matches", revisionId: input.revisionId } };
    }
    await applyChanges(tx, target.jurisdictionId, changes);
    const revisionId = await recordRevision(tx, {
      jurisdictionId: target.jurisdictionId,
      kind: "revert",
      revertedToId: input.revisionId,
      proposedById: me.id,
      approvedById: me.id,
      note: input.reason,
      changes,
    });
    await writeAudit(tx, {
      actorId: me.id,
      action: "profile.revert",
      subject: `revision:${revisionId}`,
      jurisdictionId: target.jurisdictionId,
      reason: input.reason,
      details: `to revision ${input.revisionId}`,
    });
    await notifyFollowers(tx, {
      jurisdictionId: target.jurisdictionId,
      kind: "profile_changed",
      revisionId,
      skip: [me.id],
    });
    return { revisionId, slug: target.slug };
  });
  if ("refusal" in outcome) return { ok: false, refusal: outcome.refusal };
  invalidateJurisdiction(outcome.slug);
  return { ok: true, data: { revisionId: outcome.revisionId } };
}

// Rows: proposing a jurisdiction (verified people), and moderators claiming,
// approving and rejecting proposals through the queue's actions.
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { proposeJurisdictionAction } from "@/app/(app)/cities/new/actions";
import { claimAction, decideAction } from "@/app/(app)/moderation/actions";
import { getDb } from "@/db/client";
import { jurisdictionProposals, jurisdictions } from "@/db/schema";
import { jurisdictionSlug } from "@/lib/jurisdiction-slug";
import { dottedFields, submitForm } from "@/test/forms";
import { insertProposal, proposalForm, proposalState } from "@/test/proposals";
import { unique } from "@/test/users";
import { row, signedIn, type AnySpec } from "./kit";

const MODERATION = "app/(app)/moderation/actions.ts";
const OWN = { formError: "You cannot decide on your own submission." };
const moderatorsOnly = {
  anonymous: "unauthenticated",
  resident: "forbidden",
  banned: "banned",
  author: OWN,
  moderator: "ok",
  admin: "ok",
} as const;

/** The proposal and, once approved, the jurisdiction it made. */
async function decidedState(id: number) {
  const state = await proposalState(id);
  const db = await getDb();
  const made = state.row
    ? await db
        .select({ slug: jurisdictions.slug, name: jurisdictions.name })
        .from(jurisdictions)
        .where(eq(jurisdictions.slug, jurisdictionSlug(state.row.name, state.row.state)))
    : [];
  return { ...state, made };
}

export const PROPOSAL_ROWS: AnySpec[] = [
  row({
    endpoint: { file: "app/(app)/cities/new/actions.ts", name: "proposeJurisdictionAction" },
    fn: proposeJurisdictionAction,
    setup: async () => ({ name: `Matrix proposal ${unique()}` }),
    call: (fx, _c, extra) =>
      submitForm(proposeJurisdictionAction, {
        ...(dottedFields(proposalForm({ name: fx.name })) as Record<string, unknown>),
        ...extra,
      }),
    async state(fx) {
      const db = await getDb();
      return db.select().from(jurisdictionProposals).where(eq(jurisdictionProposals.name, fx.name));
    },
    wrote({ after, c, result }) {
      expect(after).toHaveLength(1);
      expect(after[0]).toMatchObject({
        authorId: signedIn(c).id,
        status: "pending",
        jurisdictionId: null,
      });
      expect(result).toEqual({ ok: true, data: null });
    },
    expect: {
      anonymous: "unauthenticated",
      resident: "ok",
      banned: "banned",
      author: "n/a",
      moderator: "ok",
      admin: "ok",
    },
    extraKeys: ["role", "status", "authorId", "userId", "cityId"],
  }),

  row({
    endpoint: { file: MODERATION, name: "claimAction" },
    variant: "a proposal",
    fn: claimAction,
    authorRole: "moderator",
    bannedAs: "moderator",
    setup: async (c) => ({ id: await insertProposal(c.author.id) }),
    call: (fx, _c, extra) => submitForm(claimAction, { type: "proposal", id: fx.id, ...extra }),
    state: (fx) => proposalState(fx.id),
    wrote({ after, c }) {
      expect(after.row).toMatchObject({ status: "pending", claimedById: signedIn(c).id });
      expect(after.audit.map((a) => [a.action, a.actorId])).toEqual([
        ["proposal.claim", signedIn(c).id],
      ]);
    },
    expect: moderatorsOnly,
  }),

  row({
    endpoint: { file: MODERATION, name: "decideAction" },
    variant: "approve a proposal",
    fn: decideAction,
    authorRole: "moderator",
    bannedAs: "moderator",
    setup: async (c) => ({ id: await insertProposal(c.author.id) }),
    call: (fx, _c, extra) =>
      submitForm(decideAction, {
        type: "proposal",
        id: fx.id,
        version: 1,
        decision: "approve",
        ...extra,
      }),
    state: (fx) => decidedState(fx.id),
    wrote({ after, c }) {
      expect(after.row).toMatchObject({ status: "approved", decidedById: signedIn(c).id });
      expect(after.made).toHaveLength(1);
      expect(after.audit.map((a) => [a.action, a.actorId])).toEqual([
        ["proposal.approve", signedIn(c).id],
      ]);
    },
    expect: moderatorsOnly,
  }),

  row({
    endpoint: { file: MODERATION, name: "decideAction" },
    variant: "reject a proposal",
    fn: decideAction,
    authorRole: "moderator",
    bannedAs: "moderator",
    setup: async (c) => ({ id: await insertProposal(c.author.id) }),
    call: (fx, _c, extra) =>
      submitForm(decideAction, {
        type: "proposal",
        id: fx.id,
        version: 1,
        decision: "reject",
        reason: "Duplicate of an earlier submission",
        ...extra,
      }),
    state: (fx) => decidedState(fx.id),
    wrote({ after, c }) {
      expect(after.row).toMatchObject({
        status: "rejected",
        decidedById: signedIn(c).id,
        decisionReason: "Duplicate of an earlier submission",
      });
      expect(after.made).toEqual([]);
      expect(after.audit.map((a) => a.action)).toEqual(["proposal.reject"]);
    },
    expect: moderatorsOnly,
  }),
];

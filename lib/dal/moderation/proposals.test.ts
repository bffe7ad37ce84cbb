import { sql } from "drizzle-orm";
import { revalidateTag } from "next/cache";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { describeNotification } from "@/lib/notification-text";
import { jurisdictionProposalSchema } from "@/lib/validation/jurisdiction-proposal";
import { decisionFormSchema } from "@/lib/validation/moderation";
import {
  auditOfProposal,
  madeJurisdiction,
  notificationsOfProposal,
  proposalForm,
  proposalRow,
} from "@/test/proposals";
import { agedUser } from "@/test/edits";
import { listMySubmissions, withdrawSubmission } from "@/lib/dal/submissions/my-submissions";
import { actAs, createTestUser, expectAuthError, unique, type TestUser } from "@/test/users";
import { getJurisdiction } from "@/lib/dal/cities/jurisdictions";
import { listMyNotifications } from "@/lib/dal/news/notifications";
import { listRevisions } from "@/lib/dal/profile/history";
import { proposeJurisdiction } from "@/lib/dal/submissions/jurisdiction-proposals";
import { claimSubmission, decideSubmission } from "./decisions";
import { getProposalReview } from "./proposals";
import { listModerationLog } from "./log";
import { listQueue } from "./queue";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));
vi.mock("next/cache", () => ({ revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

let volunteer: TestUser;
let mod: TestUser;
let admin: TestUser;
beforeAll(async () => {
  await getDb();
  mod = await agedUser({ role: "moderator", name: `Moderator ${unique()}` });
  admin = await createTestUser({ role: "admin" });
});
beforeEach(async () => {
  // a volunteer of each test's own, so no test spends another's submission limit
  volunteer = await agedUser({ name: `Volunteer ${unique()}` });
  vi.mocked(revalidateTag).mockClear();
});

/** Proposes `over` on top of Santa Fe as `who`; returns its id. Names get a tag of their own. */
async function propose(over: Parameters<typeof proposalForm>[0] = {}, who = volunteer) {
  actAs(who);
  const result = await proposeJurisdiction(jurisdictionProposalSchema.parse(proposalForm(over)));
  if (!result.ok) throw new Error(JSON.stringify(result.refusal));
  return result.data.id;
}

/** The pending count the trigger keeps, and whether it equals the pending rows, in one snapshot. */
async function countAndPending() {
  const db = await getDb();
  const result = await db.execute(
    sql`select n as kept, n = (select count(*) from jurisdiction_proposals where status = 'pending') as same from review_queue_proposals`,
  );
  const [row] = (result as unknown as { rows: { kept: number; same: boolean }[] }).rows;
  return { kept: Number(row?.kept), same: row?.same };
}

const approve = (id: number) =>
  decideSubmission({ type: "proposal", id, version: 1, decision: "approve", reason: "" });
const reject = (id: number, reason: string) =>
  decideSubmission({ type: "proposal", id, version: 1, decision: "reject", reason });

describe("proposing a jurisdiction", () => {
  it("records the proposal and its known policy fields, pending, for verified people", async () => {
    const name = `Santa Fe ${unique()}`;
    const id = await propose({ name });
    expect(await proposalRow(id)).toMatchObject({
      name,
      state: "NM",
      kind: "city",
      authorId: volunteer.id,
      status: "pending",
      latitude: 35.687,
      longitude: -105.938,
      population: 87505,
      leaderSince: "2018-03-12",
      jurisdictionId: null,
    });
    actAs(mod);
    const review = await getProposalReview(id);
    expect(review?.facts.map((f) => [f.field, f.value, f.sourceUrl, f.asOf])).toEqual([
      ["sanctuary_status", "yes", "https://www.santafenm.gov/resolution-2016-77", "2016-12-14"],
      [
        "ice_detainers",
        "warrant_or_criteria",
        "https://www.santafenm.gov/police-policy",
        "2017-01-30",
      ],
    ]);
  });

  it("refuses people who are signed out or have not verified their email", async () => {
    const input = jurisdictionProposalSchema.parse(proposalForm({ name: `Nobody ${unique()}` }));
    actAs(null);
    await expectAuthError(proposeJurisdiction(input), "unauthenticated");
    actAs(await createTestUser({ verified: false }));
    await expectAuthError(proposeJurisdiction(input), "unverified");
  });

  it("answers a second send of the same form with the first proposal", async () => {
    actAs(volunteer);
    const input = jurisdictionProposalSchema.parse(proposalForm({ name: `Twice ${unique()}` }));
    const key = `key-${unique()}-${unique()}`;
    const first = await proposeJurisdiction(input, key);
    const second = await proposeJurisdiction(input, key);
    expect(first.ok && second.ok && first.data.id === second.data.id).toBe(true);
  });
});

describe("a proposal in the review queue", () => {
  it("is listed and counted as a new jurisdiction, and left out of a city's queue", async () => {
    const name = `Queued ${unique()}`;
    const id = await propose({ name });
    actAs(mod);
    // past every update and edit and the proposals before it: this one heads the page
    // (on a shared Postgres database, other files' submissions wait in the queue too)
    const queue = await listQueue({ after: `2147483647-2147483647-${id - 1}` });
    const item = queue.items.find((i) => i.type === "proposal" && i.id === id);
    expect(item).toMatchObject({
      kind: "jurisdiction_proposal",
      title: `New jurisdiction: ${name}, NM`,
      city: { name, state: "NM" },
    });
    expect(queue.countsByKind.find((k) => k.kind === "jurisdiction_proposal")?.n).toBeGreaterThan(
      0,
    );
    expect((await listQueue({ city: "boston-ma" })).items.some((i) => i.type === "proposal")).toBe(
      false,
    );
    expect(
      (await listQueue({ kind: "jurisdiction_proposal" })).items.every(
        (i) => i.type === "proposal",
      ),
    ).toBe(true);
    // the trigger-kept count (drizzle/0022) matches the pending rows, before and after a
    // decision, read in one statement (other files may add proposals on a shared Postgres)
    expect(await countAndPending()).toEqual({ kept: expect.any(Number), same: true });
    await reject(id, "Not a real place");
    expect(await countAndPending()).toEqual({ kept: expect.any(Number), same: true });
  });
});

describe("the duplicate warning", () => {
  it("names a jurisdiction or a pending proposal of a similar name in the same state, not in another", async () => {
    const tag = unique();
    const first = await propose({ name: `Santa Fe ${tag}` });
    const second = await propose({ name: `City of Santa Fé ${tag}` });
    const texas = await propose({
      name: `Santa Fe ${tag}`,
      state: "TX",
      latitude: "29.378",
      longitude: "-95.105",
    });
    actAs(mod);
    expect((await getProposalReview(second))?.similar).toEqual([
      { type: "proposal", id: first, name: `Santa Fe ${tag}`, state: "NM" },
    ]);
    expect((await getProposalReview(texas))?.similar).toEqual([]);
    // once the first is approved, the second is warned of the jurisdiction
    expect(await approve(first)).toEqual({ ok: true, data: null });
    expect((await getProposalReview(second))?.similar).toEqual([
      {
        type: "jurisdiction",
        name: `Santa Fe ${tag}`,
        state: "NM",
        slug: `santa-fe-${tag}-nm`,
      },
    ]);
    expect((await getProposalReview(texas))?.similar).toEqual([]);
  });
});

describe("approving a proposal", () => {
  it("creates the jurisdiction, its facts and first revision, notifies, audits and expires the lists", async () => {
    const tag = unique();
    const id = await propose({ name: `Santa Fe ${tag}` });
    actAs(mod);
    expect(await approve(id)).toEqual({ ok: true, data: null });
    const slug = `santa-fe-${tag}-nm`;
    const made = await madeJurisdiction(slug);
    expect(made?.city).toMatchObject({
      name: `Santa Fe ${tag}`,
      state: "NM",
      stateName: "New Mexico",
      kind: "city",
      leaderTitle: "Mayor",
      leaderName: "Alan Webber",
      leaderAsOf: "2018-03-12",
      population: 87505,
      populationYear: 2020,
      latitude: 35.687,
      longitude: -105.938,
    });
    expect(made?.facts.map((f) => [f.field, f.value]).sort()).toEqual([
      ["ice_detainers", "warrant_or_criteria"],
      ["sanctuary_status", "yes"],
    ]);
    expect(made?.revisions).toEqual([
      expect.objectContaining({
        kind: "baseline",
        proposedById: volunteer.id,
        approvedById: mod.id,
      }),
    ]);
    expect(await proposalRow(id)).toMatchObject({
      status: "approved",
      decidedById: mod.id,
      jurisdictionId: made?.city.id,
    });
    // public: its profile, and its history with the leader's source
    const profile = await getJurisdiction(slug);
    expect(profile?.name).toBe(`Santa Fe ${tag}`);
    const history = await listRevisions(slug);
    expect(history?.revisions).toHaveLength(1);
    expect(history?.revisions[0]).toMatchObject({ kind: "baseline", approvedBy: mod.name });
    expect(history?.revisions[0]?.changes.find((c) => c.field === "leader")?.sourceUrl).toBe(
      "https://www.santafenm.gov/mayor",
    );
    expect(await auditOfProposal(id)).toEqual([
      expect.objectContaining({
        action: "proposal.approve",
        actorId: mod.id,
        jurisdictionId: made?.city.id,
      }),
    ]);
    const tags = vi.mocked(revalidateTag).mock.calls.map((c) => c[0]);
    expect(tags).toEqual(expect.arrayContaining([`jurisdiction:${slug}`, "jurisdictions"]));
    // the author hears of it, with a link to the new page
    actAs(volunteer);
    const note = (await listMyNotifications()).items.find(
      (n) => n.type === "decision" && n.subject.type === "proposal" && n.subject.id === id,
    );
    expect(note && describeNotification(note)).toEqual({
      text: `Your proposal of Santa Fe ${tag}, NM was approved.`,
      path: `/cities/${slug}`,
    });
    // and among their submissions, with the place it made
    expect(
      (await listMySubmissions()).find((m) => m.type === "proposal" && m.id === id),
    ).toMatchObject({
      title: `New jurisdiction: Santa Fe ${tag}, NM`,
      status: "approved",
      city: { slug },
    });
  });

  it("refuses a slug another jurisdiction has, and changes nothing", async () => {
    const tag = unique();
    const first = await propose({ name: `Twin ${tag}` });
    const second = await propose({ name: `Twin ${tag}`, kind: "county" });
    actAs(mod);
    expect(await approve(first)).toEqual({ ok: true, data: null });
    expect(await approve(second)).toEqual({
      ok: false,
      refusal: { code: "jurisdiction_exists", slug: `twin-${tag}-nm` },
    });
    expect(await proposalRow(second)).toMatchObject({ status: "pending", jurisdictionId: null });
    expect(await auditOfProposal(second)).toEqual([]);
    expect(await notificationsOfProposal(second)).toEqual([]);
  });

  it("is refused to the proposer, even as a moderator, and to people without the role", async () => {
    const own = await propose({ name: `Own ${unique()}` }, mod);
    actAs(mod);
    expect(await approve(own)).toEqual({ ok: false, refusal: { code: "own_submission" } });
    actAs(volunteer);
    await expectAuthError(approve(own), "forbidden");
    actAs(admin);
    expect(await approve(own)).toEqual({ ok: true, data: null });
    // decided: the next moderator is told by whom
    actAs(mod);
    expect(await claimSubmission({ type: "proposal", id: own })).toMatchObject({
      ok: false,
      refusal: { code: "already_decided", status: "approved" },
    });
  });
});

describe("rejecting a proposal", () => {
  it("needs a reason, which the author is told; no jurisdiction is made", async () => {
    const name = `Rejected ${unique()}`;
    const id = await propose({ name });
    expect(
      decisionFormSchema.safeParse({ type: "proposal", id, version: 1, decision: "reject" })
        .success,
    ).toBe(false);
    actAs(mod);
    expect(await claimSubmission({ type: "proposal", id })).toEqual({ ok: true, data: null });
    expect(await reject(id, "No reliable source")).toEqual({ ok: true, data: null });
    expect(await proposalRow(id)).toMatchObject({
      status: "rejected",
      decisionReason: "No reliable source",
      jurisdictionId: null,
      claimedById: null,
    });
    expect((await auditOfProposal(id)).map((a) => [a.action, a.reason])).toEqual([
      ["proposal.claim", null],
      ["proposal.reject", "No reliable source"],
    ]);
    actAs(volunteer);
    const note = (await listMyNotifications()).items.find(
      (n) => n.type === "decision" && n.subject.type === "proposal" && n.subject.id === id,
    );
    expect(note && describeNotification(note)).toEqual({
      text: `Your proposal of ${name}, NM was rejected.`,
      path: "/me/submissions",
      reason: "No reliable source",
    });
    // where that link leads: the proposal, its status and the reason
    expect(
      (await listMySubmissions()).find((m) => m.type === "proposal" && m.id === id),
    ).toMatchObject({
      title: `New jurisdiction: ${name}, NM`,
      status: "rejected",
      decisionReason: "No reliable source",
      city: null,
    });
    expect(vi.mocked(revalidateTag)).not.toHaveBeenCalled();
  });
});

describe("withdrawing a proposal", () => {
  it("takes it out of the queue for good, audited; only its author may, only while pending", async () => {
    const name = `Withdrawn ${unique()}`;
    const id = await propose({ name });
    const ref = { type: "proposal", id } as const;
    // not someone else's, not even a moderator's
    actAs(mod);
    expect(await withdrawSubmission(ref)).toEqual({
      ok: false,
      refusal: { code: "no_such_submission_of_yours" },
    });
    expect(await proposalRow(id)).toMatchObject({ status: "pending" });

    actAs(volunteer);
    expect(await withdrawSubmission(ref)).toEqual({ ok: true, data: null });
    expect(await proposalRow(id)).toMatchObject({ status: "withdrawn", jurisdictionId: null });
    expect((await auditOfProposal(id)).map((a) => a.action)).toEqual(["proposal.withdraw"]);
    expect(
      (await listMySubmissions()).find((m) => m.type === "proposal" && m.id === id),
    ).toMatchObject({ status: "withdrawn" });
    expect(await withdrawSubmission(ref)).toEqual({
      ok: false,
      refusal: { code: "withdrawn_by_you" },
    });
    expect(await countAndPending()).toEqual({ kept: expect.any(Number), same: true });

    // gone from the queue, and no moderator can approve it now; the log says what happened
    actAs(mod);
    const logged = (await listModerationLog({ moderator: volunteer.id })).entries.find(
      (e) => e.subject === `proposal:${id}`,
    );
    expect(logged).toMatchObject({
      actionLabel: "withdrew a proposed jurisdiction",
      subjectLabel: `jurisdiction proposal #${id}`,
    });
    const queue = await listQueue({ after: `2147483647-2147483647-${id - 1}` });
    expect(queue.items.some((i) => i.type === "proposal" && i.id === id)).toBe(false);
    expect((await approve(id)).ok).toBe(false);
    expect(await proposalRow(id)).toMatchObject({ status: "withdrawn", jurisdictionId: null });

    // a decided proposal stays as the moderator left it
    const decided = await propose({ name: `Decided ${unique()}` });
    actAs(mod);
    await reject(decided, "No reliable source");
    actAs(volunteer);
    expect(await withdrawSubmission({ type: "proposal", id: decided })).toEqual({
      ok: false,
      refusal: { code: "decided_by_a_moderator", status: "rejected" },
    });
  });
});

import { eq, sql } from "drizzle-orm";
import { revalidateTag } from "next/cache";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { policyUpdates } from "@/db/schema";
import type { AuthErrorCode } from "@/lib/auth/current-user";
import { decideSchema } from "@/lib/validation/moderation";
import { auditOfUpdates, cityIdOf, insertUpdates, updateRow } from "@/test/updates";
import { actAs, createTestUser, expectAuthError, unique } from "@/test/users";
import { claimSubmission, decideSubmission } from "./decisions";
import { getUpdateReview } from "./review";
import { listQueue } from "./queue";

const claimUpdate = (id: number) => claimSubmission({ type: "update", id });
const getReviewItem = getUpdateReview;
import { getPublishedUpdate } from "@/lib/dal/submissions/updates";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));
vi.mock("next/cache", () => ({ revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

const CITY = "new-orleans-la";
let cityId: number;
beforeAll(async () => {
  await getDb();
  cityId = await cityIdOf(CITY);
});
beforeEach(() => vi.mocked(revalidateTag).mockClear());

const pendingBy = async (authorId: number) =>
  (await insertUpdates([{ jurisdictionId: cityId, authorId, title: `Pending ${unique()}` }]))[0]!;
const approve = (id: number) =>
  decideSubmission({ type: "update", id, version: 1, decision: "approve", reason: "" });
/** The queue page that starts at `id` (the queue is keyset-paginated on id). */
const queueItem = async (id: number) =>
  // after the previous update and past every edit and proposal: this update heads the page
  (await listQueue({ after: `${id - 1}-2147483647-2147483647` })).items.find((i) => i.id === id);

const ACTIONS: { name: string; run: (id: number) => Promise<unknown> }[] = [
  { name: "listQueue", run: (id) => listQueue({ after: `${id - 1}-2147483647-2147483647` }) },
  { name: "getUpdateReview", run: (id) => getReviewItem(id) },
  { name: "claimSubmission", run: (id) => claimUpdate(id) },
  { name: "decideSubmission", run: (id) => approve(id) },
];
const CALLERS: { name: string; code: AuthErrorCode; act: () => Promise<void> }[] = [
  { name: "anonymous", code: "unauthenticated", act: async () => actAs(null) },
  { name: "a resident", code: "forbidden", act: async () => actAs(await createTestUser()) },
  {
    name: "a banned moderator",
    code: "banned",
    act: async () => actAs(await createTestUser({ role: "moderator", banned: true })),
  },
  {
    name: "a moderator with a stale session",
    code: "session_expired",
    act: async () => {
      const mod = await createTestUser({ role: "moderator" });
      actAs({ ...mod, sessionVersion: mod.sessionVersion - 1 });
    },
  },
];

describe("moderation refuses everyone but an active moderator or admin", () => {
  for (const caller of CALLERS) {
    for (const action of ACTIONS) {
      it(`${caller.name}: ${action.name} → ${caller.code}, nothing changes`, async () => {
        const id = await pendingBy((await createTestUser()).id);
        const before = await updateRow(id);
        await caller.act();
        await expectAuthError(action.run(id), caller.code);
        expect(before).toMatchObject({ status: "pending", claimedById: null, decidedById: null });
        expect(await updateRow(id)).toEqual(before);
        expect(await auditOfUpdates([id])).toEqual([]);
        expect(revalidateTag).not.toHaveBeenCalled();
      });
    }
  }

  it("a moderator cannot decide their own submission", async () => {
    const mod = await createTestUser({ role: "moderator" });
    const id = await pendingBy(mod.id);
    actAs(mod);
    for (const decision of ["approve", "reject"] as const) {
      expect(
        await decideSubmission({ type: "update", id, version: 1, decision, reason: "Looks right" }),
      ).toEqual({
        ok: false,
        refusal: { code: "own_submission" },
      });
    }
    // nor claim it, which would keep the other moderators out
    expect(await claimUpdate(id)).toEqual({
      ok: false,
      refusal: { code: "own_submission" },
    });
    expect(await updateRow(id)).toMatchObject({
      status: "pending",
      decidedById: null,
      claimedById: null,
    });
    expect(await auditOfUpdates([id])).toEqual([]);
    expect(await getReviewItem(id)).toMatchObject({ isMine: true, status: "pending" });
  });
});

describe("claims", () => {
  it("keep other moderators out until they expire; a reject stores the reason", async () => {
    const author = await createTestUser();
    const a = await createTestUser({ role: "moderator" });
    const b = await createTestUser({ role: "admin" });
    const id = await pendingBy(author.id);
    actAs(a);
    expect(await claimUpdate(id)).toEqual({ ok: true, data: null });
    expect(await queueItem(id)).toMatchObject({ claimedBy: a.name, authorName: author.name });
    expect(await getReviewItem(id)).toMatchObject({ claimedBy: a.name, claimedByMe: true });

    actAs(b);
    expect(await queueItem(id)).toMatchObject({ claimedBy: a.name });
    expect(await getReviewItem(id)).toMatchObject({ claimedBy: a.name, claimedByMe: false });
    const refused = {
      ok: false,
      refusal: {
        code: "claimed_by_another",
        by: a.name,
        until: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      },
    };
    expect(await claimUpdate(id)).toEqual(refused);
    expect(await approve(id)).toEqual(refused);
    expect(await updateRow(id)).toMatchObject({
      status: "pending",
      claimedById: a.id,
      decidedById: null,
    });

    const db = await getDb();
    await db
      .update(policyUpdates)
      .set({ claimExpiresAt: sql`now() - interval '1 minute'` })
      .where(eq(policyUpdates.id, id));
    expect(await getReviewItem(id)).toMatchObject({ claimedBy: null, claimExpiresAt: null });
    expect(await claimUpdate(id)).toEqual({ ok: true, data: null });
    expect(
      decideSchema.safeParse({ type: "update", id, version: 1, decision: "reject" }).error?.issues,
    ).toMatchObject([{ path: ["reason"] }]);
    const reject = decideSchema.parse({
      type: "update",
      id: String(id),
      version: "1",
      decision: "reject",
      reason: "  Not about this city ",
    });
    expect(await decideSubmission(reject)).toEqual({ ok: true, data: null });
    expect(await updateRow(id)).toMatchObject({
      status: "rejected",
      decidedById: b.id,
      decisionReason: "Not about this city",
      claimedById: null,
    });
    expect((await auditOfUpdates([id])).map((r) => [r.action, r.actorId, r.reason])).toEqual([
      ["update.claim", a.id, null],
      ["update.claim", b.id, null],
      ["update.reject", b.id, "Not about this city"],
    ]);
    expect(revalidateTag).not.toHaveBeenCalled();
    actAs(a);
    expect(await approve(id)).toEqual({
      ok: false,
      refusal: { code: "already_decided", status: "rejected", by: b.name },
    });
    expect(await getPublishedUpdate(id)).toBeNull();
    expect(await queueItem(id)).toBeUndefined();
  });
});

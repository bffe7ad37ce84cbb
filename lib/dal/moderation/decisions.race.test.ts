import { inArray } from "drizzle-orm";
import { revalidateTag } from "next/cache";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { policyUpdates } from "@/db/schema";
import type { DalResult } from "@/lib/refusals";
import { getSessionClaims } from "@/lib/auth/claims";
import { auditOfUpdates, cityIdOf, insertUpdates } from "@/test/updates";
import { claimsOf, createTestUser, unique, type TestUser } from "@/test/users";
import { decideSubmission } from "./decisions";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));
vi.mock("next/cache", () => ({ revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

// QUALITY.md, Reliability: two moderators decide the same item at the same
// moment, many times; each item gets one decision, one audit row, and the
// loser is told who won. On Postgres the two transactions really overlap.
const CITY = "boulder-co";
const REASON = "No reliable source";

let modA: TestUser;
let modB: TestUser;
let resident: TestUser;
let cityId: number;

beforeAll(async () => {
  await getDb();
  modA = await createTestUser({ role: "moderator", name: `Race Mod A ${unique()}` });
  modB = await createTestUser({ role: "admin", name: `Race Mod B ${unique()}` });
  resident = await createTestUser();
  cityId = await cityIdOf(CITY);
  // Outside the queued claims nobody is signed in.
  vi.mocked(getSessionClaims).mockResolvedValue(null);
});

async function pendingItems(n: number): Promise<number[]> {
  const tag = unique();
  return insertUpdates(
    Array.from({ length: n }, (_, i) => ({
      jurisdictionId: cityId,
      authorId: resident.id,
      title: `Race ${tag} #${i}`,
    })),
  );
}

/**
 * A approves and B rejects `id` at the same moment; answers [A's, B's].
 * requireUser reads the claims before its first await, so the two queued
 * claims go to the calls in the order they are made. Odd items start B first,
 * so both outcomes are likely even where the database runs them one by one.
 */
async function race(id: number, bFirst: boolean): Promise<[DalResult, DalResult]> {
  const claims = vi.mocked(getSessionClaims);
  const approve = () =>
    decideSubmission({ type: "update", id, version: 1, decision: "approve", reason: "" });
  const reject = () =>
    decideSubmission({ type: "update", id, version: 1, decision: "reject", reason: REASON });
  if (bFirst) {
    claims.mockResolvedValueOnce(claimsOf(modB)).mockResolvedValueOnce(claimsOf(modA));
    const [b, a] = await Promise.all([reject(), approve()]);
    return [a, b];
  }
  claims.mockResolvedValueOnce(claimsOf(modA)).mockResolvedValueOnce(claimsOf(modB));
  return Promise.all([approve(), reject()]);
}

/** Every item: one winner, the loser told who won, one status, one audit row. */
async function expectDecidedOnce(ids: number[], results: [DalResult, DalResult][]) {
  const db = await getDb();
  const rows = await db.select().from(policyUpdates).where(inArray(policyUpdates.id, ids));
  const audit = await auditOfUpdates(ids);
  const tags = vi.mocked(revalidateTag).mock.calls.map((call) => call[0]);
  ids.forEach((id, i) => {
    const [a, b] = results[i]!;
    expect([a.ok, b.ok].filter(Boolean), `item ${id}`).toHaveLength(1);
    const aWon = a.ok;
    const winner = aWon ? modA : modB;
    const status = aWon ? "approved" : "rejected";
    expect(aWon ? a : b).toEqual({ ok: true, data: null });
    const loser = aWon ? b : a;
    // Naming the other moderator also proves each call ran as whom we meant.
    expect(loser).toEqual({
      ok: false,
      refusal: { code: "already_decided", status, by: winner.name },
    });
    expect(rows.find((r) => r.id === id)).toMatchObject({
      status,
      decidedById: winner.id,
      decisionReason: aWon ? null : REASON,
      claimedById: null,
    });
    const own = audit.filter((r) => r.subject === `update:${id}`);
    expect(own, `audit rows of item ${id}`).toHaveLength(1);
    expect(own[0]).toMatchObject({
      action: aWon ? "update.approve" : "update.reject",
      actorId: winner.id,
      jurisdictionId: cityId,
      reason: aWon ? null : REASON,
    });
    // Only an approval changes public pages.
    expect(tags.includes(`update:${id}`), `cache of item ${id}`).toBe(aWon);
  });
  expect(rows).toHaveLength(ids.length);
  expect(audit).toHaveLength(ids.length);
}

describe("two moderators deciding the same item at the same moment", () => {
  it("50 items, one race at a time: each decided exactly once", async () => {
    const ids = await pendingItems(50);
    const results: [DalResult, DalResult][] = [];
    for (const [i, id] of ids.entries()) results.push(await race(id, i % 2 === 1));
    await expectDecidedOnce(ids, results);
    expect(await getSessionClaims()).toBeNull();
  });

  it("25 items, all races at once: each decided exactly once", async () => {
    const ids = await pendingItems(25);
    const results = await Promise.all(ids.map((id, i) => race(id, i % 2 === 1)));
    await expectDecidedOnce(ids, results);
    // Every queued session was used by the call it was meant for.
    expect(await getSessionClaims()).toBeNull();
  });
});

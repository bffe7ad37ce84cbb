import { revalidateTag } from "next/cache";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import type { DalResult } from "@/lib/refusals";
import { getSessionClaims } from "@/lib/auth/claims";
import {
  auditOfProposal,
  insertProposal,
  madeJurisdiction,
  notificationsOfProposal,
  proposalRow,
} from "@/test/proposals";
import { claimsOf, createTestUser, unique, type TestUser } from "@/test/users";
import { jurisdictionSlug } from "@/lib/jurisdiction-slug";
import { decideSubmission } from "./decisions";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));
vi.mock("next/cache", () => ({ revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

// QUALITY.md, Reliability: two moderators approve the same proposal at the same
// moment; it is approved once, makes one jurisdiction, one audit row and one
// notification, and the loser is told who won. On Postgres the two overlap.
let modA: TestUser;
let modB: TestUser;
let volunteer: TestUser;

beforeAll(async () => {
  await getDb();
  modA = await createTestUser({ role: "moderator", name: `Race Mod A ${unique()}` });
  modB = await createTestUser({ role: "admin", name: `Race Mod B ${unique()}` });
  volunteer = await createTestUser();
  vi.mocked(getSessionClaims).mockResolvedValue(null);
});

/** A and B approve `id` at the same moment (B's call first when `bFirst`); answers [A's, B's]. */
async function race(id: number, bFirst: boolean): Promise<[DalResult, DalResult]> {
  const claims = vi.mocked(getSessionClaims);
  const approve = () =>
    decideSubmission({ type: "proposal", id, version: 1, decision: "approve", reason: "" });
  if (bFirst) {
    claims.mockResolvedValueOnce(claimsOf(modB)).mockResolvedValueOnce(claimsOf(modA));
    const [b, a] = await Promise.all([approve(), approve()]);
    return [a, b];
  }
  claims.mockResolvedValueOnce(claimsOf(modA)).mockResolvedValueOnce(claimsOf(modB));
  return Promise.all([approve(), approve()]);
}

describe("two moderators approving the same proposal at the same moment", () => {
  it("12 proposals, all races at once: each approved once, one jurisdiction each", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 12; i++) ids.push(await insertProposal(volunteer.id));
    const results = await Promise.all(ids.map((id, i) => race(id, i % 2 === 1)));
    for (const [i, id] of ids.entries()) {
      const [a, b] = results[i]!;
      expect([a.ok, b.ok].filter(Boolean), `proposal ${id}`).toHaveLength(1);
      const winner = a.ok ? modA : modB;
      expect(a.ok ? b : a).toEqual({
        ok: false,
        refusal: { code: "already_decided", status: "approved", by: winner.name },
      });
      const row = await proposalRow(id);
      expect(row).toMatchObject({ status: "approved", decidedById: winner.id });
      const made = await madeJurisdiction(jurisdictionSlug(row!.name, row!.state));
      expect(made?.city.id).toBe(row!.jurisdictionId);
      expect(made?.revisions).toHaveLength(1);
      expect(await auditOfProposal(id)).toEqual([
        expect.objectContaining({ action: "proposal.approve", actorId: winner.id }),
      ]);
      expect(await notificationsOfProposal(id)).toHaveLength(1);
    }
    expect(vi.mocked(revalidateTag)).toHaveBeenCalledWith("jurisdictions", { expire: 0 });
    expect(await getSessionClaims()).toBeNull();
  });
});

import { sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { policyUpdates, profileEdits } from "@/db/schema";
import { insertEdits } from "@/test/edits";
import { cityIdOf, insertUpdates } from "@/test/updates";
import { actAs, createTestUser, unique, type TestUser } from "@/test/users";
import { decideSubmission } from "./moderation";
import { listQueue } from "./queue";
import { withdrawSubmission } from "./submissions";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));
vi.mock("next/cache", () => ({ revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

const CITIES = ["oakland-ca", "denver-co", "seattle-wa"] as const;

let author: TestUser;
let moderator: TestUser;
beforeAll(async () => {
  author = await createTestUser();
  moderator = await createTestUser({ role: "moderator" });
});

/** What the queue's counts must say, counted straight from the two tables. */
async function countedPending() {
  const db = await getDb();
  const result = await db.execute(sql`
    select kind, slug, count(*)::int as n from (
      select u.kind, j.slug from ${policyUpdates} u join jurisdictions j on j.id = u.jurisdiction_id
        where u.status = 'pending'
      union all
      select 'profile_edit', j.slug from ${profileEdits} e join jurisdictions j on j.id = e.jurisdiction_id
        where e.status = 'pending'
    ) p group by kind, slug`);
  const byKind = new Map<string, number>();
  const byCity = new Map<string, number>();
  // node-postgres and PGlite both answer with { rows }
  const { rows } = result as unknown as { rows: { kind: string; slug: string; n: number }[] };
  for (const r of rows) {
    byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + r.n);
    byCity.set(r.slug, (byCity.get(r.slug) ?? 0) + r.n);
  }
  return { byKind, byCity, total: [...byKind.values()].reduce((a, b) => a + b, 0) };
}

async function expectCountsMatch() {
  actAs(moderator);
  const queue = await listQueue({});
  const counted = await countedPending();
  expect(queue.total).toBe(counted.total);
  expect(new Map(queue.countsByKind.map((k) => [k.kind, k.n]))).toEqual(counted.byKind);
  expect(new Map(queue.countsByCity.map((c) => [c.slug, c.n]))).toEqual(counted.byCity);
}

describe("the queue's counts (kept by triggers)", () => {
  it("match the pending rows after any mix of submissions, withdrawals and decisions", async () => {
    const step = fc.record({
      type: fc.constantFrom("update" as const, "edit" as const),
      city: fc.constantFrom(...CITIES),
      then: fc.constantFrom("stay", "withdraw", "approve", "reject"),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        for (const s of steps) {
          const jurisdictionId = await cityIdOf(s.city);
          const [id] =
            s.type === "update"
              ? await insertUpdates([
                  { jurisdictionId, authorId: author.id, title: `Q ${unique()}` },
                ])
              : await insertEdits([{ jurisdictionId, authorId: author.id, changes: [] }]);
          const ref = { type: s.type, id: id! };
          if (s.then === "withdraw") {
            actAs(author);
            expect(await withdrawSubmission(ref)).toEqual({ ok: true, data: null });
          } else if (s.then !== "stay") {
            actAs(moderator);
            // an edit with no changes applies nothing, so approving it cannot conflict
            const decided = await decideSubmission({
              ...ref,
              version: 1,
              decision: s.then === "approve" ? "approve" : "reject",
              reason: "Not about this city",
            });
            expect(decided).toEqual({ ok: true, data: null });
          }
        }
        await expectCountsMatch();
      }),
      { numRuns: 15 },
    );
  });
});

describe("queue pages", () => {
  it("list every pending item exactly once, even when submission times run against id order", async () => {
    const jurisdictionId = await cityIdOf("san-jose-ca");
    const tag = unique();
    // 30 updates whose times run backwards against their ids, and 25 edits in between
    const updateIds = await insertUpdates(
      Array.from({ length: 30 }, (_, i) => ({
        jurisdictionId,
        authorId: author.id,
        title: `Backwards ${tag} ${i}`,
        createdAt: new Date(Date.UTC(2030, 0, 1, 0, 0, 30 - i)),
      })),
    );
    const editIds = await insertEdits(
      Array.from({ length: 25 }, (_, i) => ({
        jurisdictionId,
        authorId: author.id,
        createdAt: new Date(Date.UTC(2030, 0, 1, 0, 0, i * 2)),
        changes: [],
      })),
    );
    actAs(moderator);
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await listQueue({ city: "san-jose-ca", after });
      seen.push(...page.items.map((i) => `${i.type}:${i.id}`));
      after = page.nextAfter ?? undefined;
    } while (after);
    const expected = [
      ...updateIds.map((id) => `update:${id}`),
      ...editIds.map((id) => `edit:${id}`),
    ];
    expect(seen.filter((s) => expected.includes(s)).sort()).toEqual([...expected].sort());
    expect(new Set(seen).size).toBe(seen.length);
  });
});

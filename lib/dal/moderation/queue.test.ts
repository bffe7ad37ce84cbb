import { eq, inArray, sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { policyUpdates, profileEdits, reviewQueueCounts, reviewQueueVersion } from "@/db/schema";
import { createTestCity, insertEdits } from "@/test/edits";
import { insertUpdates } from "@/test/updates";
import { actAs, createTestUser, unique, type TestUser } from "@/test/users";
import { decideSubmission } from "./decisions";
import { listQueue } from "./queue";
import { withdrawSubmission } from "@/lib/dal/submissions/my-submissions";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));
vi.mock("next/cache", () => ({ revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

// Cities of this file's own: on Postgres every test file shares one database.
let cities: { id: number; slug: string }[];
let author: TestUser;
let moderator: TestUser;
beforeAll(async () => {
  cities = [await createTestCity(), await createTestCity()];
  author = await createTestUser();
  moderator = await createTestUser({ role: "moderator" });
});

/** Pending rows per "kind|city id", counted straight from the two tables. */
async function countedPending(): Promise<Map<string, number>> {
  const db = await getDb();
  const ids = cities.map((c) => c.id);
  const [updates, edits] = await Promise.all([
    db
      .select({
        kind: policyUpdates.kind,
        city: policyUpdates.jurisdictionId,
        n: sql<number>`count(*)::int`,
      })
      .from(policyUpdates)
      .where(
        sql`${policyUpdates.status} = 'pending' and ${inArray(policyUpdates.jurisdictionId, ids)}`,
      )
      .groupBy(policyUpdates.kind, policyUpdates.jurisdictionId),
    db
      .select({ city: profileEdits.jurisdictionId, n: sql<number>`count(*)::int` })
      .from(profileEdits)
      .where(
        sql`${profileEdits.status} = 'pending' and ${inArray(profileEdits.jurisdictionId, ids)}`,
      )
      .groupBy(profileEdits.jurisdictionId),
  ]);
  return new Map([
    ...updates.map((r) => [`${r.kind}|${r.city}`, r.n] as const),
    ...edits.map((r) => [`profile_edit|${r.city}`, r.n] as const),
  ]);
}

/** What the trigger-kept table says for the same cities (rows at zero left out). */
async function keptCounts(): Promise<Map<string, number>> {
  const db = await getDb();
  const rows = await db
    .select()
    .from(reviewQueueCounts)
    .where(
      inArray(
        reviewQueueCounts.jurisdictionId,
        cities.map((c) => c.id),
      ),
    );
  return new Map(rows.filter((r) => r.n !== 0).map((r) => [`${r.kind}|${r.jurisdictionId}`, r.n]));
}

async function expectCountsMatch() {
  const counted = await countedPending();
  expect(await keptCounts()).toEqual(counted);
  // and the queue page reads them: each of these cities with its total
  // (filtered on the city, which the filter then always offers, busiest or not)
  actAs(moderator);
  for (const city of cities) {
    const queue = await listQueue({ city: city.slug });
    const total = [...counted]
      .filter(([k]) => k.endsWith(`|${city.id}`))
      .reduce((a, [, n]) => a + n, 0);
    expect(queue.cityOptions.find((c) => c.slug === city.slug)?.n ?? 0).toBe(total);
  }
}

describe("the queue's counts (kept by triggers)", () => {
  it("match the pending rows after any mix of submissions, withdrawals and decisions", async () => {
    const step = fc.record({
      type: fc.constantFrom("update" as const, "edit" as const),
      city: fc.constantFrom(0, 1),
      then: fc.constantFrom("stay", "withdraw", "approve", "reject"),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        for (const s of steps) {
          const jurisdictionId = cities[s.city]!.id;
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

  it("follow a submission moved to another city or deleted", async () => {
    const db = await getDb();
    const [a, b] = cities;
    const [id] = await insertUpdates([
      { jurisdictionId: a!.id, authorId: author.id, title: `M ${unique()}` },
    ]);
    await db
      .update(policyUpdates)
      .set({ jurisdictionId: b!.id, kind: "statement" })
      .where(eq(policyUpdates.id, id!));
    await expectCountsMatch();
    await db.delete(policyUpdates).where(eq(policyUpdates.id, id!));
    await expectCountsMatch();
  });
});

describe("queue pages", () => {
  it("list every pending item exactly once, even when submission times run against id order", async () => {
    const city = cities[0]!;
    const tag = unique();
    // 30 updates whose times run backwards against their ids, and 25 edits in between
    const updateIds = await insertUpdates(
      Array.from({ length: 30 }, (_, i) => ({
        jurisdictionId: city.id,
        authorId: author.id,
        title: `Backwards ${tag} ${i}`,
        createdAt: new Date(Date.UTC(2030, 0, 1, 0, 0, 30 - i)),
      })),
    );
    const editIds = await insertEdits(
      Array.from({ length: 25 }, (_, i) => ({
        jurisdictionId: city.id,
        authorId: author.id,
        createdAt: new Date(Date.UTC(2030, 0, 1, 0, 0, i * 2)),
        changes: [],
      })),
    );
    actAs(moderator);
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await listQueue({ city: city.slug, after });
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

describe("the queue's summary", () => {
  const version = async () => {
    const db = await getDb();
    const [row] = await db.select({ v: reviewQueueVersion.v }).from(reviewQueueVersion);
    return row!.v;
  };

  it("is filed under a version that every change of the counts moves on", async () => {
    const author = await createTestUser();
    const before = await version();
    const [id] = await insertUpdates([
      { jurisdictionId: cities[0]!.id, authorId: author.id, title: `V ${unique()}` },
    ]);
    const submitted = await version();
    expect(submitted).toBeGreaterThan(before);
    actAs(moderator);
    const decided = await decideSubmission({
      type: "update",
      id: id!,
      version: 1,
      decision: "reject",
      reason: "No source.",
    });
    expect(decided).toEqual({ ok: true, data: null });
    expect(await version()).toBeGreaterThan(submitted);
  });

  it("offers the chosen city in the filter even when nothing waits there", async () => {
    const quiet = await createTestCity();
    actAs(moderator);
    const queue = await listQueue({ city: quiet.slug });
    expect(queue.cityOptions.find((c) => c.slug === quiet.slug)).toEqual({
      slug: quiet.slug,
      name: expect.stringMatching(/^Test City /),
      n: 0,
    });
  });
});

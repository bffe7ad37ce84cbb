import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { citySlugSchema } from "@/lib/validation/auth";
import { decideSchema, queueFilterSchema, submissionRefSchema } from "@/lib/validation/moderation";
import { submitUpdateSchema } from "@/lib/validation/update";
import { UPDATE_KINDS } from "@/lib/enums";
import { HOSTILE, hostileString } from "@/test/hostile";
import { submission, updateRow } from "@/test/updates";
import { actAs, createTestUser, unique } from "@/test/users";
import { claimSubmission, decideSubmission } from "@/lib/dal/moderation/decisions";
import { listQueue } from "@/lib/dal/moderation/queue";
import { submitUpdate } from "./updates";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));
vi.mock("next/cache", () => ({ revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

// Bad input must never become a 500: whatever passes the schemas, the DAL
// answers with a result (or an AuthError), never a database error.
describe("update actions (schema, then DAL) on random input", () => {
  beforeAll(async () => {
    await getDb();
  });

  // Mostly text the schema takes, so most runs reach the database.
  const text = (min: number, max: number) =>
    fc.oneof(
      {
        arbitrary: fc.string({ unit: "grapheme-ascii", minLength: min + 2, maxLength: max }),
        weight: 4,
      },
      { arbitrary: fc.string({ unit: "grapheme", minLength: min, maxLength: max }), weight: 2 },
      fc.constantFrom(...HOSTILE).map((s) => `${s} `.padEnd(min, "x").slice(0, max)),
      hostileString,
    );
  // Random and hostile submissions that pass the schema, each with a title of its own.
  const acceptedSubmission = fc
    .record({
      title: text(5, 140),
      summary: text(20, 400),
      sourceUrl: fc.oneof(
        { arbitrary: fc.webUrl({ validSchemes: ["http", "https"] }), weight: 5 },
        hostileString,
      ),
      effectiveOn: fc.oneof(
        { arbitrary: fc.constant("2017-04-24"), weight: 5 },
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      ),
      kind: fc.constantFrom(...UPDATE_KINDS),
    })
    .map((r) => ({ ...r, title: `${unique()} ${r.title}` }))
    .filter((r) => submitUpdateSchema.safeParse(r).success);

  it("submitUpdate stores exactly what passed the schema", async () => {
    await fc.assert(
      fc.asyncProperty(
        acceptedSubmission,
        fc.constantFrom("oakland-ca", "oakland-ca", "atlantis-zz"),
        async (raw, city) => {
          const input = submitUpdateSchema.parse(raw);
          // A resident of two days, so the tighter new-account limit does not end the run early.
          const resident = await createTestUser();
          const db = await getDb();
          await db
            .update(users)
            .set({ createdAt: sql`now() - interval '2 days'` })
            .where(eq(users.id, resident.id));
          actAs(resident);
          // Signed in and not banned, so not even an AuthError is expected.
          const result = await submitUpdate(citySlugSchema.parse(city), input);
          if (city === "atlantis-zz") {
            expect(result).toEqual({ ok: false, refusal: { code: "no_such_city" } });
            return;
          }
          expect(result).toEqual({ ok: true, data: { id: expect.any(Number) } });
          const row = await updateRow(result.ok ? result.data.id : -1);
          // The schema refuses lone surrogates, so what it passed is stored code point for code point.
          expect(row).toMatchObject({ ...input, status: "pending", authorId: resident.id });
        },
      ),
      {
        numRuns: 30,
        // Joiners, a non-joiner and a decomposed letter (stored composed, NFC).
        examples: [[submission("Jose\u0301 wrote: می‌خواهم 👩‍👩‍👧"), "oakland-ca"]],
      },
    );
  });

  it("a lone surrogate never reaches the database: the schema refuses it", () => {
    const result = submitUpdateSchema.safeParse(submission("A lone \ud800 surrogate"));
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["title", "Remove control characters from the title."],
    ]);
  });

  it("queue reads refuse or answer, never fail, for any filter or id the schemas let through", async () => {
    const moderator = await createTestUser({ role: "moderator" });
    actAs(moderator);
    const digits = fc.oneof(
      fc.tuple(fc.nat(), fc.nat()).map(([u, e]) => `${u}-${e}`),
      fc.stringMatching(/^\d{1,10}-\d{1,10}$/),
      hostileString,
    );
    const filter = fc.record({
      city: fc.oneof(fc.constant("oakland-ca"), hostileString),
      kind: fc.string(),
      after: digits,
    });
    await fc.assert(
      fc.asyncProperty(filter, async (raw) => {
        const queue = await listQueue(queueFilterSchema.parse(raw));
        expect(queue.items.length).toBeLessThanOrEqual(20);
      }),
      {
        numRuns: 100,
        examples: [[{ city: "oakland-ca", kind: "other", after: "9999999999-9999999999" }]],
      },
    );
  });

  it("claim and decide answer for an id the schemas pass but no row has", async () => {
    actAs(await createTestUser({ role: "moderator" }));
    for (const [type, id] of [
      ["update", 2_147_483_647],
      ["edit", 2_147_483_646],
    ] as const) {
      expect(await claimSubmission(submissionRefSchema.parse({ type, id }))).toEqual({
        ok: false,
        refusal: { code: "no_such_submission" },
      });
      expect(
        await decideSubmission(decideSchema.parse({ type, id, version: 1, decision: "approve" })),
      ).toMatchObject({ ok: false });
    }
  });
});

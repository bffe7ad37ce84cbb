import { eq, like, sql } from "drizzle-orm";
import { revalidateTag } from "next/cache";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { policyUpdates, users } from "@/db/schema";
import { allPublished, cityIdOf, submission, updateRow } from "@/test/updates";
import { actAs, createTestUser, expectAuthError, unique } from "@/test/users";
import { decideSubmission } from "@/lib/dal/moderation/decisions";
import { RATE_LIMITS } from "@/lib/dal/internal/rate-limit";
import { getPublishedUpdate, submitUpdate } from "./updates";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));
vi.mock("next/cache", () => ({ revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

const CITY = "san-jose-ca";
let cityId: number;
beforeAll(async () => {
  await getDb();
  cityId = await cityIdOf(CITY);
});
beforeEach(() => vi.mocked(revalidateTag).mockClear());

const approve = (id: number) =>
  decideSubmission({ type: "update", id, version: 1, decision: "approve", reason: "" });
const titled = async (title: string) => {
  const db = await getDb();
  return db.select().from(policyUpdates).where(like(policyUpdates.title, title));
};

describe("submitUpdate", () => {
  it("makes one update of one form sent four times at once (one idempotency key)", async () => {
    const resident = await createTestUser();
    actAs(resident);
    const title = `Sent four times ${unique()}`;
    const key = `key-${unique()}-0123456789`;
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => submitUpdate(CITY, submission(title), key)),
    );
    const rows = await titled(title);
    expect(rows).toHaveLength(1);
    expect(answers).toEqual(Array(4).fill({ ok: true, data: { id: rows[0]!.id } }));

    // Another form (another key) is another update, and a key is each person's own.
    expect(await submitUpdate(CITY, submission(title), `other-${key}`)).toMatchObject({ ok: true });
    actAs(await createTestUser());
    expect(await submitUpdate(CITY, submission(title), key)).toMatchObject({ ok: true });
    expect(await titled(title)).toHaveLength(3);
  });

  it("refuses anonymous and banned callers and stores nothing", async () => {
    const title = `Refused ${unique()}`;
    actAs(null);
    await expectAuthError(submitUpdate(CITY, submission(title)), "unauthenticated");
    actAs(await createTestUser({ banned: true }));
    await expectAuthError(submitUpdate(CITY, submission(title)), "banned");
    expect(await titled(title)).toEqual([]);
  });

  it("keeps a resident's submission private until a moderator approves it", async () => {
    const [resident, mod] = [await createTestUser(), await createTestUser({ role: "moderator" })];
    const title = `Private ${unique()}`;
    actAs(resident);
    const sent = await submitUpdate(CITY, submission(title));
    expect(sent).toEqual({ ok: true, data: { id: expect.any(Number) } });
    const id = sent.ok ? sent.data.id : -1;
    expect(await updateRow(id)).toMatchObject({
      title,
      status: "pending",
      authorId: resident.id,
      jurisdictionId: cityId,
    });
    expect((await allPublished(CITY)).map((u) => u.id)).not.toContain(id);
    expect(await getPublishedUpdate(id)).toBeNull();
    expect(await submitUpdate("atlantis-zz", submission(title))).toEqual({
      ok: false,
      refusal: { code: "no_such_city" },
    });

    actAs(mod);
    expect(await approve(id)).toEqual({ ok: true, data: null });
    const row = await updateRow(id);
    expect(row).toMatchObject({ status: "approved", decidedById: mod.id, decisionReason: null });
    expect(vi.mocked(revalidateTag).mock.calls).toEqual([
      [`update:${id}`, { expire: 0 }],
      [`jurisdiction:${CITY}`, { expire: 0 }],
      ["jurisdictions", { expire: 0 }],
    ]);
    const published = await getPublishedUpdate(id);
    expect(published).toMatchObject({
      id,
      title,
      authorName: resident.name,
      city: { slug: CITY },
      publishedAt: row.decidedAt?.toISOString(),
    });
    expect((await allPublished(CITY)).filter((u) => u.id === id)).toEqual([published]);
    expect(await titled(title)).toHaveLength(1);
  });
});

describe("submission limits", () => {
  // Frozen just after an hour boundary, so no test straddles two windows.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 1_000));
  });
  afterEach(() => vi.useRealTimers());

  it("a new account is refused after the new-account limit; an older one is not", async () => {
    const { limit } = RATE_LIMITS.submitNewAccount;
    expect(limit).toBeLessThan(RATE_LIMITS.submit.limit);
    const [fresh, old] = [await createTestUser(), await createTestUser()];
    const db = await getDb();
    await db
      .update(users)
      .set({ createdAt: sql`now() - interval '2 days'` })
      .where(eq(users.id, old.id));
    const tag = unique();
    for (const user of [fresh, old]) {
      actAs(user);
      for (let i = 0; i < limit; i++) {
        expect(await submitUpdate(CITY, submission(`Limit ${tag} ${user.id} ${i}`))).toMatchObject({
          ok: true,
        });
      }
    }
    actAs(fresh);
    expect(await submitUpdate(CITY, submission(`Limit ${tag} over`))).toEqual({
      ok: false,
      refusal: {
        code: "rate_limited",
        limit: "submissions",
        // the clock stands one second into the window
        retryAfterSeconds: RATE_LIMITS.submitNewAccount.windowSeconds - 1,
      },
    });
    actAs(old);
    expect(await submitUpdate(CITY, submission(`Limit ${tag} old`))).toMatchObject({ ok: true });
    const rows = await titled(`Limit ${tag} %`);
    expect(rows.filter((r) => r.authorId === fresh.id)).toHaveLength(limit);
    expect(rows.filter((r) => r.authorId === old.id)).toHaveLength(limit + 1);
  });
});

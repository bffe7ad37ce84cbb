import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, jurisdictions } from "@/db/schema";
import type { AuthErrorCode } from "@/lib/auth/current-user";
import { HOSTILE, hostileString } from "@/test/hostile";
import { cityIdOf } from "@/test/updates";
import { actAs, createTestUser, expectAuthError, type TestUser } from "@/test/users";
import { listModerationLog, type ModerationLogEntry } from "./log";
import { writeAudit } from "@/lib/dal/internal/audit";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));

// Tests in this file share one database and run in order; each makes its own
// moderators and filters by them, so rows from other tests never get in the way.
let boulder: number;
let denver: number;
let viewer: TestUser;

beforeAll(async () => {
  await getDb();
  boulder = await cityIdOf("boulder-co");
  denver = await cityIdOf("denver-co");
  viewer = await createTestUser({ role: "moderator" });
});

type Row = {
  actor: TestUser | null;
  action: string;
  subject?: string | null;
  city?: number | null;
  reason?: string | null;
  at?: Date;
};

/**
 * Inserts audit rows one by one (so ids and default times follow the order given); returns their ids.
 * The subjects name ids from 2,000,000,000 up, which no real row reaches: on a Postgres shared
 * with other test files, "update:1000" was a real update whose audit rows another file counts.
 */
async function log(rows: Row[]): Promise<number[]> {
  const db = await getDb();
  const ids: number[] = [];
  for (const r of rows) {
    const [row] = await db
      .insert(auditLog)
      .values({
        actorId: r.actor?.id ?? null,
        action: r.action,
        subject: r.subject ?? null,
        jurisdictionId: r.city ?? null,
        reason: r.reason ?? null,
        ...(r.at && { createdAt: r.at }),
      })
      .returning({ id: auditLog.id });
    ids.push(row!.id);
  }
  return ids;
}

/** Every entry the filter finds, walking the "Older entries" cursor to the end. */
async function walk(filter: { moderator?: number; city?: string }) {
  const pages: ModerationLogEntry[][] = [];
  let before: string | undefined;
  do {
    const page = await listModerationLog({ ...filter, before });
    pages.push(page.entries);
    if (page.nextBefore) expect(page.entries).toHaveLength(50);
    else expect(page.entries.length).toBeLessThanOrEqual(50);
    before = page.nextBefore ?? undefined;
    expect(pages.length).toBeLessThan(100);
  } while (before);
  return pages;
}

const ids = (entries: ModerationLogEntry[]) => entries.map((e) => e.id);

describe("listModerationLog refuses everyone but an active moderator or admin", () => {
  const callers: { name: string; code: AuthErrorCode; act: () => Promise<void> }[] = [
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
  for (const caller of callers) {
    it(`${caller.name} → ${caller.code}`, async () => {
      await caller.act();
      await expectAuthError(listModerationLog({}), caller.code);
    });
  }

  it("an admin may read it", async () => {
    actAs(await createTestUser({ role: "admin" }));
    await expect(listModerationLog({})).resolves.toMatchObject({ entries: expect.any(Array) });
  });
});

describe("listModerationLog", () => {
  it("shows moderation actions newest first, described and linked, and no admin actions", async () => {
    const maya = await createTestUser({ role: "moderator" });
    const ada = await createTestUser({ role: "admin" });
    const banOnly = await createTestUser({ role: "admin" });
    const target = await createTestUser();
    const inserted = await log([
      { actor: maya, action: "update.claim", subject: "update:2000000007", city: boulder },
      { actor: banOnly, action: "user.ban", reason: "spam" },
      {
        actor: maya,
        action: "update.reject",
        subject: "update:2000000007",
        city: boulder,
        reason: "Dup",
      },
      { actor: ada, action: "edit.approve", subject: "edit:2000000003", city: denver },
      { actor: banOnly, action: "user.role" },
      { actor: maya, action: "profile.revert", subject: "revision:2000000009", city: denver },
      { actor: null, action: "update.withdraw", subject: "update:2000000008", city: boulder },
    ]);
    await writeAudit(await getDb(), {
      actorId: banOnly.id,
      action: "user.unban",
      targetUserId: target.id,
      reason: "appeal",
    });

    actAs(viewer);
    const result = await listModerationLog({});
    const moderation = [inserted[6], inserted[5], inserted[3], inserted[2], inserted[0]];
    expect(ids(result.entries.slice(0, 5))).toEqual(moderation);
    for (const e of result.entries) {
      expect(e.action).not.toMatch(/^(user|account)\./);
      expect(e.subject).not.toBe("");
    }
    expect(result.entries.slice(0, 5)).toEqual([
      {
        id: inserted[6],
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        actorName: "system",
        action: "update.withdraw",
        actionLabel: "withdrew an update",
        subject: "update:2000000008",
        subjectLabel: "update #2000000008",
        subjectHref: "/moderation/updates/2000000008",
        city: { slug: "boulder-co", name: "Boulder" },
        reason: null,
      },
      expect.objectContaining({
        actorName: maya.name,
        actionLabel: "reverted the profile",
        subjectLabel: "revision #2000000009",
        subjectHref: "/cities/denver-co/history#revision-2000000009",
        city: { slug: "denver-co", name: "Denver" },
      }),
      expect.objectContaining({
        actorName: ada.name,
        actionLabel: "approved a profile edit",
        subjectHref: "/moderation/edits/2000000003",
      }),
      expect.objectContaining({
        actorName: maya.name,
        actionLabel: "rejected an update",
        reason: "Dup",
        city: { slug: "boulder-co", name: "Boulder" },
      }),
      expect.objectContaining({ actorName: maya.name, actionLabel: "claimed an update" }),
    ]);
    const times = result.entries.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());

    // the moderator filter offers the people who can moderate, not residents
    expect(result.moderators).toEqual(
      expect.arrayContaining([
        { id: maya.id, name: maya.name },
        { id: ada.id, name: ada.name },
        { id: banOnly.id, name: banOnly.name },
      ]),
    );
    expect(result.moderators.map((m) => m.id)).not.toContain(target.id);
    expect(result.moderators.map((m) => m.name)).toEqual(
      [...result.moderators.map((m) => m.name)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    // every city is offered, even one with no moderation yet
    // (other test files may add cities of their own meanwhile on a shared Postgres database)
    const seeded = (await (await getDb()).select({ slug: jurisdictions.slug }).from(jurisdictions))
      .map((c) => c.slug)
      .filter((slug) => !slug.startsWith("test-city-"));
    expect(result.cities.map((c) => c.slug)).toEqual(expect.arrayContaining(seeded));
    expect(result.cities).toContainEqual({ slug: "milwaukee-county-wi", name: "Milwaukee County" });
    // an admin action never shows, even filtered by its admin
    expect((await listModerationLog({ moderator: banOnly.id })).entries).toEqual([]);
  });

  it("an unknown action or subject is shown as written, without a link", async () => {
    const mod = await createTestUser({ role: "moderator" });
    await log([
      { actor: mod, action: "comment.sparkle", subject: "comment:x4", city: boulder },
      { actor: mod, action: "profile.revert", subject: "revision:2000000005" },
      { actor: mod, action: "constructor", subject: "update:abc" },
    ]);
    actAs(viewer);
    const { entries } = await listModerationLog({ moderator: mod.id });
    expect(entries).toMatchObject([
      { actionLabel: "constructor", subjectLabel: "update:abc", subjectHref: null },
      { actionLabel: "reverted the profile", subjectHref: null, city: null },
      {
        actionLabel: "comment.sparkle",
        subjectLabel: "comment:x4",
        subjectHref: null,
        city: { slug: "boulder-co" },
      },
    ]);
  });

  it("describes comment decisions in words", async () => {
    const mod = await createTestUser({ role: "moderator" });
    await log([
      { actor: mod, action: "comment.hide", subject: "comment:2000000004", reason: "Abuse" },
      {
        actor: mod,
        action: "comment.restore",
        subject: "comment:2000000004",
        reason: "Fine after all",
      },
    ]);
    actAs(viewer);
    const { entries } = await listModerationLog({ moderator: mod.id });
    expect(entries).toMatchObject([
      {
        actionLabel: "restored a hidden comment",
        subjectLabel: "comment #2000000004",
        subjectHref: null,
      },
      { actionLabel: "hid a comment", subjectLabel: "comment #2000000004", reason: "Abuse" },
    ]);
  });

  it("filters by moderator, by city, and by both", async () => {
    const a = await createTestUser({ role: "moderator" });
    const b = await createTestUser({ role: "moderator" });
    const [a1, b1, a2, b2, a3] = await log([
      { actor: a, action: "update.claim", subject: "update:2000000001", city: boulder },
      { actor: b, action: "update.approve", subject: "update:2000000002", city: boulder },
      { actor: a, action: "edit.claim", subject: "edit:2000000001", city: denver },
      {
        actor: b,
        action: "edit.reject",
        subject: "edit:2000000002",
        city: denver,
        reason: "No source",
      },
      { actor: a, action: "update.approve", subject: "update:2000000001", city: boulder },
    ]);
    actAs(viewer);

    const byA = await listModerationLog({ moderator: a.id });
    expect(ids(byA.entries)).toEqual([a3, a2, a1]);
    expect(byA.entries.every((e) => e.actorName === a.name)).toBe(true);
    expect(ids((await listModerationLog({ moderator: b.id })).entries)).toEqual([b2, b1]);

    const inDenver = (await walk({ city: "denver-co" })).flat();
    expect(ids(inDenver)).toEqual(expect.arrayContaining([a2!, b2!]));
    expect(ids(inDenver)).not.toEqual(expect.arrayContaining([a1]));
    expect(inDenver.every((e) => e.city?.slug === "denver-co")).toBe(true);

    expect(ids((await listModerationLog({ moderator: a.id, city: "boulder-co" })).entries)).toEqual(
      [a3, a1],
    );
    expect((await listModerationLog({ moderator: b.id, city: "new-york-ny" })).entries).toEqual([]);
    expect((await listModerationLog({ city: "no-such-city" })).entries).toEqual([]);
  });

  it("pages through 120 rows, each exactly once, in (time, id) order even where ids disagree with time", async () => {
    const mod = await createTestUser({ role: "moderator" });
    // Times run against the ids in places, with ties, as when two moderators' transactions
    // begin in one order and insert in the other; rows 40–59 share one instant, across a page edge.
    const minute = (n: number) => new Date(Date.UTC(2098, 0, 1) + n * 60_000);
    const rows: Row[] = Array.from({ length: 120 }, (_, i) => ({
      actor: mod,
      action: i % 3 === 0 ? "update.claim" : "update.approve",
      subject: `update:${2_000_001_000 + i}`,
      city: i % 2 ? boulder : denver,
      at: minute(i >= 40 && i < 60 ? 40 : (i * 37) % 120),
    }));
    const inserted = await log(rows);
    const expected = inserted
      .map((id, i) => ({ id, at: rows[i]!.at!.getTime() }))
      .sort((x, y) => y.at - x.at || y.id - x.id)
      .map((r) => r.id);
    // the data really does disagree with id order, so a plain "id < cursor" would fail
    expect(expected).not.toEqual([...inserted].reverse());

    actAs(viewer);
    const pages = await walk({ moderator: mod.id });
    expect(pages.map((p) => p.length)).toEqual([50, 50, 20]);
    const seen = ids(pages.flat());
    expect(new Set(seen).size).toBe(120);
    expect(seen).toEqual(expected);

    // the city filter pages the same way
    const denverPages = await walk({ moderator: mod.id, city: "denver-co" });
    expect(denverPages.map((p) => p.length)).toEqual([50, 10]);
    expect(ids(denverPages.flat())).toEqual(
      expected.filter((id) => inserted.indexOf(id) % 2 === 0),
    );
  });

  it("drops hostile filter values instead of failing", async () => {
    const mod = await createTestUser({ role: "moderator" });
    await log([
      { actor: mod, action: "update.claim", subject: "update:2000000005", city: boulder },
    ]);
    actAs(viewer);
    const unfiltered = ids((await listModerationLog({})).entries);
    expect(unfiltered.length).toBeGreaterThan(0);

    const numbers = [NaN, Infinity, -Infinity, -1, 0, 1.5, 2 ** 31, 1e20, -0];
    for (const value of HOSTILE) {
      expect(ids((await listModerationLog({ before: value })).entries)).toEqual(unfiltered);
      // a slug-shaped name ("constructor") is simply a city with no rows; anything else is dropped
      const inCity = ids((await listModerationLog({ city: value })).entries);
      expect(inCity).toEqual(/^[a-z0-9-]{1,80}$/.test(value) ? [] : unfiltered);
    }
    for (const moderator of numbers) {
      expect(ids((await listModerationLog({ moderator })).entries)).toEqual(unfiltered);
    }
    // well-formed but unknown: nothing matches, still no error
    expect((await listModerationLog({ moderator: 2_147_483_647 })).entries).toEqual([]);
    expect((await listModerationLog({ before: "2147483647" })).entries).toEqual([]);
    expect(ids((await listModerationLog({ before: "99999999999" })).entries)).toEqual(unfiltered);

    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            city: hostileString,
            before: fc.oneof(hostileString, fc.nat().map(String)),
            moderator: fc.oneof(fc.integer(), fc.double()),
          },
          { requiredKeys: [] },
        ),
        async (filter) => {
          const result = await listModerationLog(filter);
          expect(result.entries.length).toBeLessThanOrEqual(50);
        },
      ),
      { numRuns: 60 },
    );
  });
});

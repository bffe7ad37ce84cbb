import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb, getDatabaseKind } from "@/db/client";
import type { DalResult } from "@/lib/refusals";
import { getSessionClaims } from "@/lib/auth/claims";
import type { ProfileFieldKey } from "@/lib/profile-fields";
import {
  agedUser,
  auditOf,
  changesFor,
  cityRow,
  currentFields,
  editChanges,
  editInput,
  editRow,
  insertEdits,
  revisionsOf,
  todayUtc,
} from "@/test/edits";
import { cityIdOf } from "@/test/updates";
import { claimsOf, createTestUser, unique, type TestUser } from "@/test/users";
import { claimSubmission, decideSubmission } from "@/lib/dal/moderation/decisions";
import { reviseEdit } from "./profile-edits";
import { withdrawSubmission } from "./my-submissions";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));
vi.mock("next/cache", () => ({ revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

// Two people act on the same profile at the same moment, many times over. On
// Postgres (DATABASE_URL) the transactions really overlap and the row lock on
// the profile decides; on PGlite they run one after another and the same
// rules must hold. Cities no other test file edits, so a shared database is fine.
const CITIES = ["new-york-ny", "boston-ma", "new-orleans-la", "boulder-co", "san-jose-ca"];
const ROUNDS = 10; // × 5 cities = 50 races per test
const REASON = "No reliable source";

let modA: TestUser;
let modB: TestUser;
let authorA: TestUser;
let authorB: TestUser;
const cityIds = new Map<string, number>();

beforeAll(async () => {
  await getDb();
  console.info(`[edits.race] database: ${await getDatabaseKind()}`);
  modA = await createTestUser({ role: "moderator", name: `Edit Race Mod A ${unique()}` });
  modB = await createTestUser({ role: "admin", name: `Edit Race Mod B ${unique()}` });
  authorA = await createTestUser();
  authorB = await createTestUser();
  for (const slug of CITIES) cityIds.set(slug, await cityIdOf(slug));
  // Outside the queued sessions nobody is signed in.
  vi.mocked(getSessionClaims).mockResolvedValue(null);
});

/**
 * Runs `a` as `userA` and `b` as `userB` at the same moment; answers [a's, b's].
 * The DAL reads the session before its first await, so the two queued
 * sessions go to the calls in the order they are made; `bFirst` swaps that
 * order, so both outcomes are likely even where the database runs them one by one.
 */
function race<A, B>(
  userA: TestUser,
  a: () => Promise<A>,
  userB: TestUser,
  b: () => Promise<B>,
  bFirst: boolean,
): Promise<[A, B]> {
  const claims = vi.mocked(getSessionClaims);
  if (bFirst) {
    claims.mockResolvedValueOnce(claimsOf(userB)).mockResolvedValueOnce(claimsOf(userA));
    const pb = b();
    const pa = a();
    return both(pa, pb);
  }
  claims.mockResolvedValueOnce(claimsOf(userA)).mockResolvedValueOnce(claimsOf(userB));
  const pa = a();
  const pb = b();
  return both(pa, pb);
}

/** Both answers; if either call throws, the error once both have finished (none runs on). */
async function both<A, B>(pa: Promise<A>, pb: Promise<B>): Promise<[A, B]> {
  const [a, b] = await Promise.allSettled([pa, pb]);
  if (a.status === "rejected") throw a.reason;
  if (b.status === "rejected") throw b.reason;
  return [a.value, b.value];
}

const decide =
  (id: number, decision: "approve" | "reject" = "approve", version = 1) =>
  () =>
    decideSubmission({
      type: "edit",
      id,
      version,
      decision,
      reason: decision === "reject" ? REASON : "",
    });

/** Runs one race per city at once, `rounds` times over; each round starts from the profile as it then is. */
async function rounds<R>(
  setup: (cityId: number, round: number) => Promise<R>,
  run: (prepared: R, i: number) => Promise<void>,
) {
  for (let round = 0; round < ROUNDS; round++) {
    const prepared = await Promise.all(CITIES.map((slug) => setup(cityIds.get(slug)!, round)));
    // Every race of the round is started before any is awaited; a failure is
    // reported once all have settled, so no race runs on into the next test.
    const settled = await Promise.allSettled(
      prepared.map((p, i) => run(p, round * CITIES.length + i)),
    );
    const failed = settled.find((r) => r.status === "rejected");
    if (failed) throw failed.reason;
  }
  expect(await getSessionClaims(), "every queued session was used").toBeNull();
}

describe("two moderators approve two edits of the same field at the same moment", () => {
  it("exactly one is applied; the other is 'Not applied' and writes nothing", async () => {
    const fieldOf = (round: number): ProfileFieldKey =>
      round % 2 === 0 ? "leader" : "federal_actions";
    let races = 0;
    const revisionsBefore = new Map<number, number>();
    for (const id of cityIds.values()) revisionsBefore.set(id, (await revisionsOf(id)).length);

    await rounds(
      async (cityId, round) => {
        const field = fieldOf(round);
        const shown = await currentFields(cityId);
        const tag = unique();
        const values = [`Value A ${tag}`, `Value B ${tag}`] as const;
        const [editA, editB] = await insertEdits(
          [authorA, authorB].map((author, i) => ({
            jurisdictionId: cityId,
            authorId: author.id,
            changes: changesFor(shown, { [field]: { value: values[i] } }),
          })),
        );
        return { cityId, field, shown, values, ids: [editA!, editB!] as const };
      },
      async ({ cityId, field, shown, values, ids }, i) => {
        const results = await race(modA, decide(ids[0]), modB, decide(ids[1]), i % 2 === 1);
        races++;
        await expectOneApplied({ cityId, field, shown, values, ids, results });
      },
    );
    expect(races).toBe(CITIES.length * ROUNDS);
    // One "edit" revision per race, no more.
    for (const [cityId, before] of revisionsBefore) {
      const after = await revisionsOf(cityId);
      expect(after.length - before, `revisions of city ${cityId}`).toBe(ROUNDS);
    }
  });
});

async function expectOneApplied(r: {
  cityId: number;
  field: ProfileFieldKey;
  shown: Awaited<ReturnType<typeof currentFields>>;
  values: readonly [string, string];
  ids: readonly [number, number];
  results: [DalResult, DalResult];
}) {
  const { cityId, field, values, ids, results } = r;
  const label = `${field} of city ${cityId}, edits ${ids.join(" and ")}`;
  expect(
    results.filter((x) => x.ok),
    label,
  ).toHaveLength(1);
  const w = results[0].ok ? 0 : 1;
  const l = w === 0 ? 1 : 0;
  const winnerMod = w === 0 ? modA : modB;
  const city = await cityRow(cityId);
  expect(results[w], label).toEqual({ ok: true, data: null });
  expect(results[l], label).toEqual({
    ok: false,
    refusal: { code: "edit_conflict", fields: [field], leaderTitle: city.leaderTitle },
  });
  // The profile holds the winner's value.
  const now = await currentFields(cityId);
  expect(now[field].value, label).toBe(values[w]);
  if (field === "leader") expect(city.leaderName, label).toBe(values[w]);
  expect(await editRow(ids[w]), label).toMatchObject({
    status: "approved",
    decidedById: winnerMod.id,
  });
  expect(await editRow(ids[l]), label).toMatchObject({
    status: "pending",
    version: 1,
    decidedById: null,
    decidedAt: null,
    claimedById: null,
  });
  // One revision, for the winner, with the winner's changes.
  const revisions = (await revisionsOf(cityId)).filter(
    (rev) => rev.editId === ids[0] || rev.editId === ids[1],
  );
  expect(revisions, label).toEqual([
    expect.objectContaining({
      kind: "edit",
      editId: ids[w],
      approvedById: winnerMod.id,
      // the edit's changes, dated the day they were applied
      changes: (await editChanges(ids[w]!)).map((c) => ({ ...c, asOf: todayUtc() })),
    }),
  ]);
  const audit = await auditOf(ids.map((id) => `edit:${id}`));
  expect(
    audit.map((a) => [a.action, a.subject, a.actorId]),
    label,
  ).toEqual([["edit.approve", `edit:${ids[w]}`, winnerMod.id]]);
}

describe("two moderators decide the same edit at the same moment", () => {
  it("approve and reject at once: exactly one decision, the loser told who decided, no deadlock", async () => {
    await rounds(
      async (cityId) => {
        const shown = await currentFields(cityId);
        const value = `Same edit ${unique()}`;
        const [id] = await insertEdits([
          {
            jurisdictionId: cityId,
            authorId: authorA.id,
            changes: changesFor(shown, { federal_actions: { value } }),
          },
        ]);
        return { cityId, shown, value, id: id! };
      },
      async ({ cityId, shown, value, id }, i) => {
        // A approves while B rejects.
        const [a, b] = await race(modA, decide(id), modB, decide(id, "reject"), i % 2 === 1);
        expect([a.ok, b.ok].filter(Boolean), `edit ${id}`).toHaveLength(1);
        const approved = a.ok;
        const winner = approved ? modA : modB;
        const status = approved ? "approved" : "rejected";
        expect(approved ? b : a, `edit ${id}`).toEqual({
          ok: false,
          refusal: { code: "already_decided", status, by: winner.name },
        });
        expect(await editRow(id)).toMatchObject({
          status,
          decidedById: winner.id,
          decisionReason: approved ? null : REASON,
        });
        expect((await currentFields(cityId)).federal_actions.value).toBe(
          approved ? value : shown.federal_actions.value,
        );
        expect((await revisionsOf(cityId)).filter((r) => r.editId === id)).toHaveLength(
          approved ? 1 : 0,
        );
        expect((await auditOf([`edit:${id}`])).map((r) => [r.action, r.actorId, r.reason])).toEqual(
          [[approved ? "edit.approve" : "edit.reject", winner.id, approved ? null : REASON]],
        );
      },
    );
  });
});

describe("the author revises or withdraws while a moderator approves", () => {
  it("either the approval or the author's change wins, never both, and neither fails (no deadlock)", async () => {
    await rounds(
      async (cityId, round) => {
        const author = await agedUser();
        const shown = await currentFields(cityId);
        const v1 = `Version one ${unique()}`;
        const [id] = await insertEdits([
          {
            jurisdictionId: cityId,
            authorId: author.id,
            changes: changesFor(shown, { federal_actions: { value: v1 } }),
          },
        ]);
        const v2 = editInput(shown, { federal_actions: { value: `Version two ${unique()}` } });
        return { cityId, shown, author, id: id!, v1, v2, withdraw: (round + cityId) % 2 === 0 };
      },
      async ({ cityId, shown, author, id, v1, v2, withdraw }, i) => {
        const byAuthor = withdraw
          ? () => withdrawSubmission({ type: "edit", id })
          : () => reviseEdit(id, 1, v2);
        const [approval, change] = await race(modA, decide(id), author, byAuthor, i % 2 === 1);
        const label = `edit ${id} (${withdraw ? "withdraw" : "revise"})`;
        expect([approval.ok, change.ok].filter(Boolean), label).toHaveLength(1);
        const row = await editRow(id);
        const value = (await currentFields(cityId)).federal_actions.value;
        const revisions = (await revisionsOf(cityId)).filter((r) => r.editId === id);
        if (approval.ok) {
          // A revision that arrives after the approval applied v1 starts from a stale
          // value, and is refused on that field before its status is looked at.
          const alreadyDecided = {
            ok: false,
            refusal: { code: "decided_by_a_moderator", status: "approved" },
          };
          const staleField = {
            ok: false,
            refusal: { code: "stale_fields", fields: [{ field: "federal_actions", value: v1 }] },
          };
          expect([alreadyDecided, ...(withdraw ? [] : [staleField])], label).toContainEqual(change);
          expect(row, label).toMatchObject({ status: "approved", version: 1 });
          expect(value, label).toBe(v1);
          expect(revisions, label).toHaveLength(1);
        } else {
          expect(approval, label).toEqual({
            ok: false,
            refusal: withdraw
              ? { code: "withdrawn_by_author" }
              : { code: "revised_since_opened", version: 2 },
          });
          expect(row, label).toMatchObject(
            withdraw ? { status: "withdrawn", version: 1 } : { status: "pending", version: 2 },
          );
          expect(value, label).toBe(shown.federal_actions.value);
          expect(revisions, label).toEqual([]);
        }
        const actions = (await auditOf([`edit:${id}`])).map((r) => r.action);
        expect(actions, label).toEqual([
          approval.ok ? "edit.approve" : withdraw ? "edit.withdraw" : "edit.revise",
        ]);
      },
    );
  });
});

describe("a moderator claims an edit while another approves it", () => {
  it("either the claim or the approval wins, and neither fails (no deadlock)", async () => {
    await rounds(
      async (cityId) => {
        const shown = await currentFields(cityId);
        const value = `Claimed ${unique()}`;
        const [id] = await insertEdits([
          {
            jurisdictionId: cityId,
            authorId: authorA.id,
            changes: changesFor(shown, { federal_actions: { value } }),
          },
        ]);
        return { cityId, shown, value, id: id! };
      },
      async ({ cityId, shown, value, id }, i) => {
        const claim = () => claimSubmission({ type: "edit", id });
        const [approval, claimed] = await race(modA, decide(id), modB, claim, i % 2 === 1);
        const label = `edit ${id}`;
        expect([approval.ok, claimed.ok].filter(Boolean), label).toHaveLength(1);
        const row = await editRow(id);
        if (approval.ok) {
          expect(claimed, label).toEqual({
            ok: false,
            refusal: { code: "already_decided", status: "approved", by: modA.name },
          });
          expect(row, label).toMatchObject({ status: "approved", claimedById: null });
          expect((await currentFields(cityId)).federal_actions.value, label).toBe(value);
        } else {
          expect(approval, label).toEqual({
            ok: false,
            refusal: { code: "claimed_by_another", by: modB.name, until: expect.any(String) },
          });
          expect(row, label).toMatchObject({ status: "pending", claimedById: modB.id });
          expect((await currentFields(cityId)).federal_actions.value, label).toBe(
            shown.federal_actions.value,
          );
        }
        expect(
          (await auditOf([`edit:${id}`])).map((r) => r.action),
          label,
        ).toEqual([approval.ok ? "edit.approve" : "edit.claim"]);
      },
    );
  });
});

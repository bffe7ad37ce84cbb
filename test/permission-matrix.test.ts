// The permission matrix (QUALITY Security 1 and 2): every server action and
// mutating route, called directly as each kind of caller, answers exactly what
// the rules say, and the database changes only when the call is allowed. The
// rows live in test/permission-matrix/; a completeness test fails when an
// action or route has no row.
import path from "node:path";
import { revalidatePath, revalidateTag, updateTag } from "next/cache";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { endpointKey, listEndpoints, serverActionFiles } from "@/test/action-inventory";
import { actAs, createTestUser } from "@/test/users";
import { ACCOUNT_ROWS } from "./permission-matrix/account";
import { ADMIN_PUBLIC_ROWS } from "./permission-matrix/admin-public";
import { COMMENT_ROWS } from "./permission-matrix/comments";
import {
  AUTH_MESSAGES,
  CALLERS,
  label,
  makeCase,
  UNKNOWN_FIELDS,
  type AnySpec,
  type CallerKind,
  type Outcome,
} from "./permission-matrix/kit";
import { MODERATION_ROWS } from "./permission-matrix/moderation";
import { PROPOSAL_ROWS } from "./permission-matrix/proposals";
import { SUBMISSION_ROWS } from "./permission-matrix/submissions";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));
vi.mock("next/cache", () => ({
  revalidateTag: vi.fn(),
  updateTag: vi.fn(),
  revalidatePath: vi.fn(),
  unstable_cache: (fn: unknown) => fn,
}));
// Sign-up reads the client IP for its per-IP limit: a new one per request.
vi.mock("next/headers", () => ({
  headers: vi.fn(async () => new Headers({ "x-forwarded-for": `matrix-${Math.random()}` })),
  cookies: vi.fn(async () => new Map()),
}));
// Unsubscribe tokens are signed with the site secret (required with DATABASE_URL).
vi.stubEnv("NEXTAUTH_SECRET", "permission-matrix-test-secret");

const MATRIX: AnySpec[] = [
  ...SUBMISSION_ROWS,
  ...MODERATION_ROWS,
  ...PROPOSAL_ROWS,
  ...COMMENT_ROWS,
  ...ACCOUNT_ROWS,
  ...ADMIN_PUBLIC_ROWS,
];

beforeAll(async () => {
  await getDb();
});

const cacheCalls = () =>
  [revalidateTag, updateTag, revalidatePath].flatMap((f) => vi.mocked(f).mock.calls as unknown[]);
const clearCacheCalls = () =>
  [revalidateTag, updateTag, revalidatePath].forEach((f) => vi.mocked(f).mockClear());

function says(outcome: Exclude<Outcome, "n/a">): string {
  if (outcome === "ok") return "is allowed";
  if (outcome === "ok, no write") return "is answered ok and changes nothing";
  if (outcome === "sign in") return "is sent to sign in";
  if (typeof outcome === "string") return `is refused (${outcome})`;
  return `is refused: "${outcome.formError}"`;
}

async function runCell(spec: AnySpec, kind: CallerKind, outcome: Exclude<Outcome, "n/a">) {
  const c = await makeCase(spec, kind);
  const fx = await spec.setup(c);
  const before = await spec.state(fx, c);
  clearCacheCalls();
  actAs(c.caller);
  const result = await spec.call(fx, c);
  const after = await spec.state(fx, c);
  if (outcome === "ok") {
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(after).not.toEqual(before);
    spec.wrote?.({ after, before, fx, c, result });
  } else if (outcome === "ok, no write") {
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(after).toEqual(before);
  } else if (outcome === "sign in") {
    expect(result).toEqual({
      ok: true,
      data: { redirectTo: expect.stringMatching(/^\/login\?callbackUrl=%2F/) },
    });
    expect(after).toEqual(before);
    expect(cacheCalls()).toEqual([]);
  } else {
    const formError = typeof outcome === "string" ? AUTH_MESSAGES[outcome] : outcome.formError;
    expect(result).toEqual({ ok: false, formError });
    expect(after).toEqual(before);
    expect(cacheCalls()).toEqual([]);
  }
}

describe("permission matrix: each action as each caller", () => {
  for (const spec of MATRIX) {
    describe(label(spec), () => {
      for (const kind of CALLERS) {
        const outcome = spec.expect[kind];
        if (outcome === "n/a") continue;
        it(`${label(spec)} as ${kind} ${says(outcome)}`, () => runCell(spec, kind, outcome));
      }
    });
  }
});

describe("fields the schema does not expect are refused and write nothing (Security 2)", () => {
  const DEFAULT_KEYS = ["role", "status", "authorId", "userId"];
  for (const spec of MATRIX) {
    const keys = spec.extraKeys ?? DEFAULT_KEYS;
    // the first caller the row allows (rows where nobody is allowed have a sibling that is)
    const kind = CALLERS.find((k) => spec.expect[k] === "ok");
    if (!kind || keys.length === 0) continue;
    it(`${label(spec)} as ${kind} with an extra ${keys.join(" / ")}`, async () => {
      const c = await makeCase(spec, kind);
      const fx = await spec.setup(c);
      const before = await spec.state(fx, c);
      const other = await createTestUser({ role: "admin" });
      const values: Record<string, unknown> = {
        role: "admin",
        status: "approved",
        authorId: other.id,
        userId: other.id,
        cityId: 1,
        isAdmin: true,
      };
      actAs(c.caller);
      for (const key of keys) {
        expect(await spec.call(fx, c, { [key]: values[key] }), key).toEqual(UNKNOWN_FIELDS);
      }
      expect(await spec.state(fx, c)).toEqual(before);
      // the same call without the extra field goes through: the field was the reason
      expect((await spec.call(fx, c)).ok).toBe(true);
    });
  }
});

describe("the matrix is complete", () => {
  it("every server action and mutating route has rows, for every kind of caller", async () => {
    const { actions, routes } = await listEndpoints();
    // the scan itself works: it finds the actions we know of
    expect(actions.map((a) => a.name)).toEqual(
      expect.arrayContaining([
        "signUp",
        "decideAction",
        "postCommentFormAction",
        "unsubscribeAction",
      ]),
    );
    expect(routes).toContainEqual({ file: "app/api/unsubscribe/route.ts", name: "POST" });
    // inline "use server" functions inside components would escape this scan
    expect(serverActionFiles().inline).toEqual([]);

    const rows = new Set(MATRIX.map((s) => endpointKey(s.endpoint)));
    const missing = [...actions, ...routes].filter((e) => !rows.has(endpointKey(e)));
    expect(missing, "actions or routes without a row in the permission matrix").toEqual([]);

    const found = new Set([...actions, ...routes].map(endpointKey));
    const stale = MATRIX.filter((s) => !found.has(endpointKey(s.endpoint))).map(label);
    expect(stale, "rows naming endpoints that no longer exist").toEqual([]);

    for (const spec of MATRIX) {
      const mod = (await import(
        path.resolve(import.meta.dirname, "..", spec.endpoint.file)
      )) as Record<string, unknown>;
      expect(mod[spec.endpoint.name], label(spec)).toBe(spec.fn);
      expect(Object.keys(spec.expect).sort(), label(spec)).toEqual([...CALLERS].sort());
    }
  });
});

// The permission matrix's vocabulary: who calls (six kinds of caller), what
// they should get (an outcome), and one row per action saying how to set up
// its content, call it, and read back what the database holds about it.
import { and, asc, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { expect } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, commentReports, notifications, users } from "@/db/schema";
import { type Role } from "@/lib/enums";
import type { ActionResult } from "@/lib/actions/result";
import type { AuthErrorCode } from "@/lib/auth/current-user";
import type { Endpoint } from "@/test/action-inventory";
import { commentRow, insertComments } from "@/test/comments";
import { createTestCity } from "@/test/edits";
import { auditOfUpdates, insertUpdates, updateRow } from "@/test/updates";
import { createTestUser, unique, type TestUser } from "@/test/users";

export const CALLERS = ["anonymous", "resident", "banned", "author", "moderator", "admin"] as const;
/**
 * anonymous: no session. resident: signed in, not the author. banned: a banned
 * account (see Spec.bannedAs). author: the person whose content or account the
 * action concerns (see Spec.authorRole). moderator, admin: not the author.
 */
export type CallerKind = (typeof CALLERS)[number];

/**
 * "ok": answers ok and writes what the row's `wrote` checks.
 * "ok, no write": answers ok, and the content concerned is untouched.
 * An AuthErrorCode: refused by the session check, nothing written.
 * { formError }: refused by the DAL's own rule with this message, nothing written.
 * "sign in": sent to sign in (a redirect to /login?callbackUrl=…), nothing written.
 * "n/a": the action concerns no one's content, so there is no author.
 */
export type Outcome =
  "ok" | "ok, no write" | "sign in" | AuthErrorCode | { formError: string } | "n/a";

export type Case = { kind: CallerKind; author: TestUser; caller: TestUser | null };

export type Spec<F = unknown, S = unknown> = {
  /** Which export this row tests, and the function itself (checked against the module). */
  endpoint: Endpoint;
  fn: unknown;
  /** Rows of one action that differ in their content ("hide", "restore"). */
  variant?: string;
  /** The author's role when the author is the caller (default resident). */
  authorRole?: Role;
  /** Who the banned caller is: the banned author, or a banned user of a role (default resident). */
  bannedAs?: "author" | Role;
  setup(c: Case): Promise<F>;
  /** Calls the action with valid input; `extra` is added to the form's fields. */
  call(fx: F, c: Case, extra?: Record<string, unknown>): Promise<ActionResult<unknown>>;
  /** What the database holds about the content concerned (equal snapshots: nothing written). */
  state(fx: F, c: Case): Promise<S>;
  /** For an allowed call: what it answered and what must have been written. */
  wrote?(w: { after: S; before: S; fx: F; c: Case; result: ActionResult<unknown> }): void;
  expect: Record<CallerKind, Outcome>;
  /**
   * Keys the schema does not expect, each of which must be refused with the
   * form error and nothing written (default role, status, authorId, userId).
   */
  extraKeys?: string[];
};

/** A row of the matrix, its content type erased so rows of all actions fit one list. */
export type AnySpec = Spec<unknown, unknown>;
export const row = <F, S>(spec: Spec<F, S>): AnySpec => spec as unknown as AnySpec;

/** "decideAction (reject an edit)", or for a route "POST /api/unsubscribe (a forged token)". */
export function label(s: AnySpec): string {
  const { file, name } = s.endpoint;
  const route = /^(GET|POST|PUT|PATCH|DELETE)$/.test(name)
    ? `${name} ${file
        .replace(/^app/, "")
        .replace(/\/\([^/]+\)/g, "")
        .replace(/\/route\.\w+$/, "")}`
    : name;
  return s.variant ? `${route} (${s.variant})` : route;
}

const BAN_REASON = "test ban";
export const AUTH_MESSAGES: Record<AuthErrorCode, string> = {
  unauthenticated: "Please sign in to do this.",
  session_expired: "Your session has ended. Please sign in again.",
  unverified:
    "Confirm your email address first: open the link we emailed you when you signed up, or choose “Resend verification email” at the top of the page.",
  banned: `Your account is banned, so you cannot do this. Reason: ${BAN_REASON}`,
  forbidden: "You do not have permission to do this.",
};
export const UNKNOWN_FIELDS = {
  ok: false,
  fieldErrors: {},
  formError: "The form sent fields it should not have.",
};

/** The author and the caller of one cell, each a fresh account. */
export async function makeCase(spec: AnySpec, kind: CallerKind): Promise<Case> {
  if (kind === "banned" && spec.bannedAs === "author") {
    const author = await createTestUser({ role: spec.authorRole ?? "resident", banned: true });
    return { kind, author, caller: author };
  }
  const author = await createTestUser({
    role: kind === "author" ? (spec.authorRole ?? "resident") : "resident",
  });
  const caller =
    kind === "anonymous"
      ? null
      : kind === "author"
        ? author
        : kind === "banned"
          ? await createTestUser({ role: (spec.bannedAs as Role) ?? "resident", banned: true })
          : kind === "resident"
            ? await createTestUser()
            : await createTestUser({ role: kind });
  return { kind, author, caller };
}

/** The caller of an allowed cell (the matrix never expects an anonymous success to write as someone). */
export const signedIn = (c: Case): TestUser => {
  if (!c.caller) throw new Error(`${c.kind} has no account`);
  return c.caller;
};

// ---- content -------------------------------------------------------------

let city: Promise<{ id: number; slug: string }> | undefined;
/** A city of this test file's own (on a shared Postgres no other file writes to it). */
export const sharedCity = () => (city ??= createTestCity());

type UpdateStatus = "pending" | "approved" | "rejected" | "hidden" | "withdrawn";

/** An update of the shared city by `author`, in `status`; returns its id. */
export async function updateBy(author: TestUser, status: UpdateStatus = "pending") {
  const { id: jurisdictionId } = await sharedCity();
  const [id] = await insertUpdates([
    {
      jurisdictionId,
      authorId: author.id,
      title: `Matrix update ${unique()}`,
      status,
      decidedAt: status === "pending" ? null : new Date(),
    },
  ]);
  return id!;
}

/** The update's row and its audit rows. */
export const updateState = async (id: number) => ({
  row: await updateRow(id),
  audit: await auditOfUpdates([id]),
});

/** A comment by `author` on the shared city's page. */
export async function commentBy(
  author: TestUser,
  values: { status?: "visible" | "hidden"; review?: "pending" } = {},
) {
  const { id: subjectId } = await sharedCity();
  const [id] = await insertComments([
    { subjectType: "city", subjectId, authorId: author.id, ...values },
  ]);
  return id!;
}

/** The comment's row, its reports and its audit rows. */
export async function commentState(id: number) {
  const db = await getDb();
  return {
    row: await commentRow(id),
    reports: await db
      .select()
      .from(commentReports)
      .where(eq(commentReports.commentId, id))
      .orderBy(asc(commentReports.reporterId)),
    audit: await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subject, `comment:${id}`))
      .orderBy(asc(auditLog.id)),
  };
}

/** An unread notification of `userId` (an update approved in the shared city). */
export async function notificationOf(userId: number): Promise<number> {
  const db = await getDb();
  const { id: jurisdictionId } = await sharedCity();
  const updateId = await updateBy(await createTestUser(), "approved");
  const [row] = await db
    .insert(notifications)
    .values({ userId, kind: "update_approved", jurisdictionId, updateId })
    .returning({ id: notifications.id });
  return row!.id;
}

export async function notificationRow(id: number) {
  const db = await getDb();
  const [row] = await db.select().from(notifications).where(eq(notifications.id, id));
  return row;
}

/** A user's row, or null for nobody. */
export async function accountOf(user: TestUser | null) {
  if (!user) return null;
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.id, user.id));
  return row ?? null;
}

/** Audit rows about a user, by action. */
export async function auditAbout(userId: number, action?: string) {
  const db = await getDb();
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetUserId, userId), action ? eq(auditLog.action, action) : undefined))
    .orderBy(asc(auditLog.id));
}

// ---- route handlers --------------------------------------------------------

/** A route's Response as a result: 2xx ok, 4xx a refusal with the body's `error`; never 5xx. */
export async function asResult(response: Response): Promise<ActionResult<unknown>> {
  expect(response.status).toBeLessThan(500);
  const body = (await response.json()) as { error?: string };
  if (response.ok) return { ok: true, data: body };
  expect(response.status).toBeGreaterThanOrEqual(400);
  return { ok: false, formError: body.error };
}

/** A one-click unsubscribe POST as a mail client sends it (no cookies). */
export const unsubscribeRequest = (token: string, query = "") =>
  new NextRequest(
    `https://citywatch.test/api/unsubscribe?token=${encodeURIComponent(token)}${query}`,
    {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    },
  );

// Comments for tests: posted through the DAL as a given person, or inserted
// straight into the database (fast, any time, any status), plus what the
// database holds about them. Test files must mock the claims module themselves.
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { expect } from "vitest";
import { getDb } from "@/db/client";
import { commentCounts, commentReports, comments, users } from "@/db/schema";
import type { DalResult } from "@/lib/refusals";
import { reportComment } from "@/lib/dal/comments/reports";
import {
  listComments,
  postComment,
  type CommentView,
  type ThreadView,
} from "@/lib/dal/comments/comments";
import type { CommentSubjectType } from "@/lib/enums";
import { REPORTER_MIN_AGE_DAYS } from "@/lib/validation/comment";
import { agedUser } from "./edits";
import { insertUpdates } from "./updates";
import { actAs, createTestUser, unique, type TestUser } from "./users";

export type City = { id: number; slug: string };

/** The subject name of a city's comments. */
export const citySubject = (city: Pick<City, "slug">) => `city:${city.slug}`;

/** An update of `city` in `status` (approved: it takes comments); returns its id. */
export async function updateIn(
  city: Pick<City, "id">,
  author: Pick<TestUser, "id">,
  status: "approved" | "pending" | "rejected" | "hidden" = "approved",
): Promise<number> {
  const [id] = await insertUpdates([
    {
      jurisdictionId: city.id,
      authorId: author.id,
      title: `Detainer ordinance ${unique()}`,
      status,
      decidedAt: status === "pending" ? null : new Date(),
    },
  ]);
  return id!;
}

/** N people, so `const [a, b] = await newPeople(2)` needs no checks. */
type People<N extends number, R extends TestUser[] = []> = R["length"] extends N
  ? R
  : People<N, [TestUser, ...R]>;

/** Makes `count` people one after another, so their ids ascend in the order given. */
async function people<N extends number>(
  count: N,
  create: () => Promise<TestUser>,
): Promise<People<N>> {
  const made: TestUser[] = [];
  for (let i = 0; i < count; i++) made.push(await create());
  return made as People<N>;
}

/** `count` people whose accounts are new (one comment per 30 s each). */
export const newPeople = <N extends number>(
  count: N,
  options: Parameters<typeof createTestUser>[0] = {},
) => people(count, () => createTestUser(options));

/** `count` people whose accounts are two days old (five comments a minute each). */
export const oldPeople = <N extends number>(
  count: N,
  options: Parameters<typeof agedUser>[0] = {},
) => people(count, () => agedUser(options));

/** Moves an account's creation back by `days`, straight in the database; returns the user. */
export async function backdateAccount<U extends Pick<TestUser, "id">>(user: U, days: number) {
  const db = await getDb();
  await db
    .update(users)
    .set({ createdAt: sql`now() - make_interval(days => ${days})` })
    .where(eq(users.id, user.id));
  return user;
}

/** `count` people whose accounts were made `days` ago (verified unless `options` say not). */
export const peopleOfAge = <N extends number>(
  days: number,
  count: N,
  options: Parameters<typeof createTestUser>[0] = {},
) => people(count, async () => backdateAccount(await createTestUser(options), days));

/**
 * `count` people whose reports count toward hiding a comment: verified, and
 * older than REPORTER_MIN_AGE_DAYS (lib/dal/comments/reports.ts, reporterCounts).
 */
export const establishedPeople = <N extends number>(count: N) =>
  peopleOfAge(REPORTER_MIN_AGE_DAYS + 1, count);

/** What a successful action returned; fails the test with the refusal otherwise. */
export function okData<T>(result: DalResult<T>): T {
  if (!result.ok) expect.fail(`refused: ${JSON.stringify(result)}`);
  return result.data;
}

/** `who` posts `body` on `subject` (a reply to `parentId` if given); it must go through. */
export async function post(
  who: TestUser,
  subject: string,
  body = `A comment ${unique()}`,
  parentId?: number,
): Promise<CommentView> {
  actAs(who);
  return okData(await postComment({ subject, body, parentId }));
}

type NewComment = Partial<Omit<typeof comments.$inferInsert, "createdAt">> & {
  subjectType: CommentSubjectType;
  subjectId: number;
  authorId: number;
  /** A time, or an SQL expression for one (for sub-millisecond times). */
  createdAt?: Date | SQL;
};

/** Inserts comments straight into the database (no limits, any time); returns their ids in order. */
export async function insertComments(rows: NewComment[]): Promise<number[]> {
  const db = await getDb();
  const inserted = await db
    .insert(comments)
    .values(rows.map((r) => ({ body: `A comment ${unique()}`, ...r })))
    .returning({ id: comments.id });
  return inserted.map((r) => r.id);
}

/** The comment's row as the database holds it now. */
export async function commentRow(id: number) {
  const db = await getDb();
  const [row] = await db.select().from(comments).where(eq(comments.id, id));
  if (!row) throw new Error(`no comment ${id}`);
  return row;
}

/** Every comment row of a subject, oldest first. */
export async function commentRowsOf(subjectType: CommentSubjectType, subjectId: number) {
  const db = await getDb();
  return db
    .select()
    .from(comments)
    .where(and(eq(comments.subjectType, subjectType), eq(comments.subjectId, subjectId)))
    .orderBy(asc(comments.id));
}

/** The comment's reports as the database holds them, by reporter. */
export async function reportsOf(commentId: number) {
  const db = await getDb();
  return db
    .select()
    .from(commentReports)
    .where(eq(commentReports.commentId, commentId))
    .orderBy(asc(commentReports.reporterId));
}

/** comment_counts for a subject (0 when it has no row). */
export async function storedCount(subjectType: CommentSubjectType, subjectId: number) {
  const db = await getDb();
  const [row] = await db
    .select({ n: commentCounts.n })
    .from(commentCounts)
    .where(and(eq(commentCounts.subjectType, subjectType), eq(commentCounts.subjectId, subjectId)));
  return row?.n ?? 0;
}

/** How many visible comments a subject has, counted from the comments themselves. */
export async function visibleCount(subjectType: CommentSubjectType, subjectId: number) {
  const rows = await commentRowsOf(subjectType, subjectId);
  return rows.filter((r) => r.status === "visible").length;
}

/** Moves a comment's posting time back by `minutes`, straight in the database. */
export async function backdate(id: number, minutes: number) {
  const db = await getDb();
  await db
    .update(comments)
    .set({ createdAt: sql`${comments.createdAt} - make_interval(mins => ${minutes})` })
    .where(eq(comments.id, id));
}

/** `reporters` each report the comment (each report must go through); returns the last answer. */
export async function reportBy(
  id: number,
  reporters: TestUser[],
  reason: "spam" | "abusive" | "off_topic" | "other" = "spam",
) {
  let last: { hidden: boolean } | undefined;
  for (const reporter of reporters) {
    actAs(reporter);
    last = okData(await reportComment({ id, reason }));
  }
  return last;
}

/** The list of a subject as `viewer` sees it (null: signed out); it must exist. */
export async function listAs(viewer: TestUser | null, subject: string, after?: string) {
  actAs(viewer);
  const page = await listComments(subject, after);
  if (!page) expect.fail(`no comment list for ${subject}`);
  return page;
}

/** Every thread of a subject as `viewer` sees it, walking `next` to the end. */
export async function allThreads(viewer: TestUser | null, subject: string) {
  const threads: ThreadView[] = [];
  const pages: number[] = [];
  let after: string | undefined;
  do {
    const page = await listAs(viewer, subject, after);
    threads.push(...page.threads);
    pages.push(page.threads.length);
    after = page.next ?? undefined;
    if (pages.length > 100) expect.fail("next never ends");
  } while (after);
  return { threads, pages };
}

/** Every comment (roots and replies) of a subject's first page as `viewer` sees it, by id. */
export async function shownTo(viewer: TestUser | null, subject: string) {
  const page = await listAs(viewer, subject);
  return new Map(
    page.threads.flatMap((t) => [t.root, ...t.replies]).map((c) => [c.id, c] as const),
  );
}

/**
 * Waits, if need be, until at least `marginMs` remain in the current fixed
 * window of `windowSeconds`, so several hits in a row land in one window.
 */
export async function awayFromWindowEdge(windowSeconds: number, marginMs = 5_000) {
  const windowMs = windowSeconds * 1000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

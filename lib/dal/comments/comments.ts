import "server-only";
import { and, asc, desc, eq, gt, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import type { Database, Transaction } from "@/db/open";
import { commentCounts, comments, notifications, users } from "@/db/schema";
import { getCurrentUser, requireUser, requireVerifiedUser } from "@/lib/auth/current-user";
import type { DalResult } from "@/lib/refusals";
import {
  COMMENT_EDIT_MINUTES,
  COMMENT_MAX_DEPTH,
  type CommentRef,
  type EditCommentInput,
  type PostCommentInput,
} from "@/lib/validation/comment";
import {
  expireCommentsOf,
  resolveSubject,
  subjectNameOfComment,
  titleOfSubject,
  type CommentSubject,
} from "@/lib/dal/comments/internal/subjects";
import { invalidateComments } from "@/lib/cache/tags";
import { madeBefore, oncePerKey } from "@/lib/dal/internal/once";
import { hitPersonLimit, RATE_LIMITS } from "@/lib/dal/internal/rate-limit";
import { renderUserMarkdown } from "@/lib/markdown/user-markdown";

const THREADS_PAGE = 10;
const REPLIES_PAGE = 50;
const EDIT_MS = COMMENT_EDIT_MINUTES * 60_000;

export type CommentView = {
  id: number;
  parentId: number | null;
  depth: number;
  authorName: string;
  /** Null for a deleted comment, and for a hidden one unless it is mine. */
  body: string | null;
  /** The body rendered and sanitised on the server (null with it). */
  html: string | null;
  state: "visible" | "deleted" | "hidden";
  createdAt: string;
  edited: boolean;
  mine: boolean;
  /** Until when I may still edit it (mine, visible, within the window). */
  editableUntil: string | null;
  /** Why moderators hid it (shown to its author only). */
  hiddenReason: string | null;
};

export type ThreadView = {
  root: CommentView;
  /** Oldest first; each reply's parentId places it in the tree. */
  replies: CommentView[];
  /** Where "Show more replies" continues, or null when all are shown. */
  moreReplies: string | null;
};

export type CommentPage = {
  threads: ThreadView[];
  /** Where "Show more" continues (older threads), or null. */
  next: string | null;
  /** Visible comments on the page in all. */
  count: number;
  signedIn: boolean;
};

/** "<ms>.<id>" of the last thread shown: threads are newest first. */
export function parseThreadCursor(raw: string | undefined): { at: Date; id: number } | null {
  const m = raw?.match(/^(\d{1,15})\.(\d{1,10})$/);
  if (!m || Number(m[1]) >= 253_402_300_800_000 || Number(m[2]) > 2_147_483_647) return null;
  return { at: new Date(Number(m[1])), id: Number(m[2]) };
}

const author = alias(users, "comment_author");

function commentQuery(db: Database) {
  return db
    .select({
      id: comments.id,
      parentId: comments.parentId,
      depth: comments.depth,
      authorId: comments.authorId,
      authorName: author.name,
      authorDeleted: author.deletedAt,
      body: comments.body,
      status: comments.status,
      moderationReason: comments.moderationReason,
      createdAt: comments.createdAt,
      editedAt: comments.editedAt,
      rootId: comments.rootId,
    })
    .from(comments)
    .innerJoin(author, eq(author.id, comments.authorId))
    .$dynamic();
}
type CommentRow = Awaited<ReturnType<typeof commentQuery>>[number];

function toView(r: CommentRow, myId: number | null, now: number): CommentView {
  const mine = myId !== null && r.authorId === myId;
  const state = r.status;
  const body = state === "visible" || (state === "hidden" && mine) ? r.body : null;
  const editableUntil = r.createdAt.getTime() + EDIT_MS;
  return {
    id: r.id,
    parentId: r.parentId,
    depth: r.depth,
    authorName: r.authorDeleted ? "deleted user" : r.authorName,
    body,
    html: body === null ? null : renderUserMarkdown(body),
    state,
    createdAt: r.createdAt.toISOString(),
    edited: r.editedAt !== null,
    mine,
    editableUntil:
      mine && state === "visible" && editableUntil > now
        ? new Date(editableUntil).toISOString()
        : null,
    hiddenReason: mine && state === "hidden" ? r.moderationReason : null,
  };
}

/**
 * Drops what nobody needs to see: a deleted or hidden comment (not mine) with
 * no readable reply under it, repeated up the thread. One with replies stays
 * as a placeholder.
 */
function prune(views: CommentView[]): CommentView[] {
  let kept = views;
  for (;;) {
    const parents = new Set(kept.map((v) => v.parentId));
    const next = kept.filter((v) => v.body !== null || parents.has(v.id));
    if (next.length === kept.length) return kept;
    kept = next;
  }
}

/**
 * A thread's root is listed if it can be read (visible, or hidden and mine),
 * or if a reply under it can be.
 */
const rootWorthShowing = (myId: number | null): SQL => {
  // `t` is one of two fixed aliases, never input: the only sql.raw in the app (test/sql-safety.test.ts).
  const mine = (t: "comments" | "r") =>
    myId === null
      ? sql`false`
      : sql`(${sql.raw(t)}.status = 'hidden' and ${sql.raw(t)}.author_id = ${myId})`;
  return or(
    eq(comments.status, "visible"),
    sql`${mine("comments")}`,
    sql`exists (select 1 from ${comments} r where r.root_id = ${comments.id} and (r.status = 'visible' or ${mine("r")}))`,
  )!;
};

/** The comments on a page as whoever asks sees them: threads newest first, 10 at a time. */
export async function listComments(
  subjectName: string,
  after?: string,
): Promise<CommentPage | null> {
  const me = await getCurrentUser();
  return commentPage(subjectName, after, me?.id ?? null);
}

/**
 * The first page of a page's comments as anyone signed out sees them: the
 * same for everyone, so the page's HTML carries it from the cache.
 */
export async function listPublicComments(subjectName: string): Promise<CommentPage | null> {
  return commentPage(subjectName, undefined, null);
}

async function commentPage(
  subjectName: string,
  after: string | undefined,
  myId: number | null,
): Promise<CommentPage | null> {
  const db = await getDb();
  const subject = await resolveSubject(db, subjectName);
  if (!subject) return null;
  const cursor = parseThreadCursor(after);
  const roots = await commentQuery(db)
    .where(
      and(
        eq(comments.subjectType, subject.type),
        eq(comments.subjectId, subject.id),
        isNull(comments.parentId),
        cursor
          ? or(
              lt(comments.createdAt, cursor.at),
              and(eq(comments.createdAt, cursor.at), lt(comments.id, cursor.id)),
            )
          : undefined,
        rootWorthShowing(myId),
      ),
    )
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(THREADS_PAGE + 1);
  const shown = roots.slice(0, THREADS_PAGE);
  const now = Date.now();
  const replies = await firstRepliesOf(
    db,
    shown.map((r) => r.id),
  );
  const threads = shown.map((root) => {
    const rows = replies.filter((r) => r.rootId === root.id);
    const first = rows.slice(0, REPLIES_PAGE);
    return {
      root: toView(root, myId, now),
      replies: prune(first.map((r) => toView(r, myId, now))),
      moreReplies: rows.length > REPLIES_PAGE ? String(first.at(-1)!.id) : null,
    };
  });
  const last = shown.at(-1);
  const [count] = await db
    .select({ n: commentCounts.n })
    .from(commentCounts)
    .where(
      and(eq(commentCounts.subjectType, subject.type), eq(commentCounts.subjectId, subject.id)),
    );
  return {
    threads,
    next: roots.length > THREADS_PAGE && last ? `${last.createdAt.getTime()}.${last.id}` : null,
    count: count?.n ?? 0,
    signedIn: myId !== null,
  };
}

/** A page with comments, for the pages that write on it without JavaScript. */
export type CommentPlace = {
  /** Its subject name: "city:boston-ma". */
  subject: string;
  path: string;
  title: string;
};

/** The page a subject name refers to (null: none, or not public). Anyone may ask. */
export async function getCommentPlace(subjectName: string): Promise<CommentPlace | null> {
  const db = await getDb();
  const subject = await resolveSubject(db, subjectName);
  if (!subject) return null;
  return { subject: subjectName, path: subject.path, title: await titleOfSubject(db, subject) };
}

/**
 * One comment as whoever asks sees it, with the page it is on and what the
 * reader may do (for the comment's own page). Null when there is no such
 * comment, or it was deleted. A hidden one comes without its text unless it
 * is mine: a report or a moderator's hide on its page answers on that page,
 * which says the comment is hidden, rather than "not found".
 */
export async function getComment(id: number): Promise<{
  comment: CommentView;
  place: CommentPlace;
  viewer: { signedIn: boolean; moderator: boolean };
} | null> {
  const db = await getDb();
  const name = await subjectNameOfComment(db, id);
  const place = name ? await getCommentPlace(name) : null;
  if (!place) return null;
  const me = await getCurrentUser();
  const [row] = await commentQuery(db).where(eq(comments.id, id));
  const comment = row ? toView(row, me?.id ?? null, Date.now()) : null;
  if (!comment || comment.state === "deleted") return null;
  const moderator = me?.role === "moderator" || me?.role === "admin";
  return { comment, place, viewer: { signedIn: me !== null, moderator } };
}

const threadRoot = alias(comments, "thread_root");

/**
 * The first REPLIES_PAGE + 1 replies of each of these threads, oldest first,
 * in one query (a LATERAL subquery per thread walks its replies index).
 */
async function firstRepliesOf(db: Database, rootIds: number[]) {
  if (rootIds.length === 0) return [];
  const first = db
    .select({ id: comments.id })
    .from(comments)
    .where(eq(comments.rootId, threadRoot.id))
    .orderBy(asc(comments.id))
    .limit(REPLIES_PAGE + 1)
    .as("first_replies");
  const ids = db
    .select({ id: first.id })
    .from(threadRoot)
    .crossJoinLateral(first)
    .where(inArray(threadRoot.id, rootIds));
  return commentQuery(db).where(inArray(comments.id, ids)).orderBy(asc(comments.id));
}

async function repliesOf(
  db: Database,
  rootId: number,
  afterId: number,
  myId: number | null,
  now: number,
) {
  const rows = await commentQuery(db)
    .where(and(eq(comments.rootId, rootId), gt(comments.id, afterId)))
    .orderBy(asc(comments.id))
    .limit(REPLIES_PAGE + 1);
  const shown = rows.slice(0, REPLIES_PAGE);
  return {
    replies: shown.map((r) => toView(r, myId, now)),
    moreReplies: rows.length > REPLIES_PAGE ? String(shown.at(-1)!.id) : null,
  };
}

/** More replies of one thread, after the last one shown (anyone may read). */
export async function listMoreReplies(
  rootId: number,
  afterId: number,
): Promise<{ replies: CommentView[]; moreReplies: string | null }> {
  const me = await getCurrentUser();
  const { replies, moreReplies } = await repliesOf(
    await getDb(),
    rootId,
    afterId,
    me?.id ?? null,
    Date.now(),
  );
  return { replies: prune(replies), moreReplies };
}

/**
 * Posts a comment, or a reply (nested at most three deep: a reply to a
 * third-level comment joins it at the third level). Signed-in people who
 * are not banned; rate limited, more tightly for accounts under a day old.
 * The author of the comment replied to is notified.
 */
export async function postComment(
  input: PostCommentInput,
  idempotencyKey?: string,
): Promise<DalResult<CommentView>> {
  const me = await requireVerifiedUser("post comment");
  const db = await getDb();
  const subject = await resolveSubject(db, input.subject);
  if (!subject) return { ok: false, refusal: { code: "no_such_comment_page" } };
  let parent: {
    id: number;
    rootId: number | null;
    parentId: number | null;
    depth: number;
    authorId: number;
  } | null = null;
  if (input.parentId !== undefined) {
    const [row] = await db
      .select({
        id: comments.id,
        rootId: comments.rootId,
        parentId: comments.parentId,
        depth: comments.depth,
        authorId: comments.authorId,
        status: comments.status,
        subjectType: comments.subjectType,
        subjectId: comments.subjectId,
      })
      .from(comments)
      .where(eq(comments.id, input.parentId));
    if (!row || row.subjectType !== subject.type || row.subjectId !== subject.id) {
      return { ok: false, refusal: { code: "reply_not_on_page" } };
    }
    if (row.status !== "visible") {
      return { ok: false, refusal: { code: "reply_to_unavailable" } };
    }
    parent = row;
  }
  const once = { userId: me.id, key: idempotencyKey, kind: "comment" };
  const before = await madeBefore(db, once);
  if (before !== null) return { ok: true, data: await viewOf(db, before, me.id) };
  const limit = await hitPersonLimit(me.id, {
    established: RATE_LIMITS.comment,
    newAccount: RATE_LIMITS.commentNewAccount,
    perIp: RATE_LIMITS.commentPerIp,
  });
  if (!limit.ok) {
    return {
      ok: false,
      refusal: {
        code: "rate_limited",
        limit: "comments",
        retryAfterSeconds: limit.retryAfterSeconds,
      },
    };
  }
  const placement = parent
    ? parent.depth >= COMMENT_MAX_DEPTH
      ? { parentId: parent.parentId, rootId: parent.rootId, depth: parent.depth }
      : { parentId: parent.id, rootId: parent.rootId ?? parent.id, depth: parent.depth + 1 }
    : { parentId: null, rootId: null, depth: 1 };
  // The same form sent again (double click, retry) answers with the first comment.
  const made = await oncePerKey(db, once, async (tx) => {
    const [inserted] = await tx
      .insert(comments)
      .values({
        subjectType: subject.type,
        subjectId: subject.id,
        authorId: me.id,
        body: input.body,
        ...placement,
      })
      .returning({ id: comments.id });
    if (parent && parent.authorId !== me.id)
      await notifyReply(tx, parent.authorId, inserted!.id, subject);
    return { id: inserted!.id };
  });
  invalidateComments(input.subject);
  return { ok: true, data: await viewOf(db, made.id, me.id) };
}

/** One comment as `myId` sees it, by id (one that exists). */
async function viewOf(db: Database, id: number, myId: number): Promise<CommentView> {
  const [row] = await commentQuery(db).where(eq(comments.id, id));
  return toView(row!, myId, Date.now());
}

async function notifyReply(
  tx: Transaction,
  userId: number,
  commentId: number,
  subject: CommentSubject,
) {
  const [who] = await tx
    .select({
      deletedAt: users.deletedAt,
      bannedAt: users.bannedAt,
      frequency: users.emailFrequency,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!who || who.deletedAt || who.bannedAt) return;
  await tx.insert(notifications).values({
    userId,
    kind: "comment_reply",
    jurisdictionId: subject.jurisdictionId,
    commentId,
    emailPending: who.frequency !== "never",
  });
}

/** Loads my comment for a change, or the refusal saying why it cannot be changed. */
async function myComment(id: number, myId: number) {
  const db = await getDb();
  const [row] = await db
    .select({ authorId: comments.authorId, status: comments.status, createdAt: comments.createdAt })
    .from(comments)
    .where(eq(comments.id, id));
  if (!row || row.status === "deleted") return { refusal: { code: "no_such_comment" } } as const;
  if (row.authorId !== myId) return { refusal: { code: "not_your_comment" } } as const;
  return { row } as const;
}

/** The author edits their visible comment within 15 minutes of posting it; it is marked "edited". */
export async function editComment(input: EditCommentInput): Promise<DalResult<CommentView>> {
  const me = await requireUser("edit comment");
  const found = await myComment(input.id, me.id);
  if (found.refusal) return { ok: false, refusal: found.refusal };
  if (found.row.status !== "visible") {
    return { ok: false, refusal: { code: "comment_hidden_no_edit" } };
  }
  const db = await getDb();
  const [row] = await db
    .update(comments)
    .set({ body: input.body, editedAt: new Date(), updatedAt: new Date() })
    .where(
      and(
        eq(comments.id, input.id),
        eq(comments.authorId, me.id),
        eq(comments.status, "visible"),
        sql`${comments.createdAt} > now() - make_interval(mins => ${COMMENT_EDIT_MINUTES})`,
      ),
    )
    .returning();
  if (!row) {
    return {
      ok: false,
      refusal: { code: "comment_edit_window_over", minutes: COMMENT_EDIT_MINUTES },
    };
  }
  await expireCommentsOf(db, input.id);
  return {
    ok: true,
    data: toView({ ...row, authorName: me.name, authorDeleted: null }, me.id, Date.now()),
  };
}

/** The author deletes their comment at any time; its text is erased, its replies stay. */
export async function deleteComment(ref: CommentRef): Promise<DalResult> {
  const me = await requireUser("delete comment");
  const found = await myComment(ref.id, me.id);
  if (found.refusal) return { ok: false, refusal: found.refusal };
  const db = await getDb();
  await db
    .update(comments)
    // out of the moderators' queue too: there is nothing left to review
    .set({ status: "deleted", body: "", review: null, updatedAt: new Date() })
    .where(and(eq(comments.id, ref.id), eq(comments.authorId, me.id)));
  await expireCommentsOf(db, ref.id);
  return { ok: true, data: null };
}

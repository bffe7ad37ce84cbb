// Rows: comments. Anyone signed in posts and reports; only the author edits or
// deletes; only moderators hide or restore.
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import {
  deleteCommentFormAction,
  editCommentFormAction,
  moderateCommentFormAction,
  postCommentFormAction,
  reportCommentFormAction,
} from "@/app/_comments/actions";
import { getDb } from "@/db/client";
import { comments } from "@/db/schema";
import { citySubject } from "@/test/comments";
import { submitForm } from "@/test/forms";
import { unique } from "@/test/users";
import { commentBy, commentState, row, sharedCity, signedIn, type AnySpec } from "./kit";

const COMMENTS = "app/_comments/actions.ts";
const NOT_OWN = { formError: "You can only change your own comments." };

/** Who may change a comment: its author only, moderators included. */
const authorOnly = {
  anonymous: "unauthenticated",
  resident: NOT_OWN,
  banned: "banned",
  author: "ok",
  moderator: NOT_OWN,
  admin: NOT_OWN,
} as const;

export const COMMENT_ROWS: AnySpec[] = [
  row({
    endpoint: { file: COMMENTS, name: "postCommentFormAction" },
    fn: postCommentFormAction,
    async setup() {
      return { subject: citySubject(await sharedCity()), body: `Matrix comment ${unique()}` };
    },
    call: (fx, _c, extra) =>
      submitForm(postCommentFormAction, { subject: fx.subject, body: fx.body, ...extra }),
    async state(fx) {
      const db = await getDb();
      return db.select().from(comments).where(eq(comments.body, fx.body));
    },
    wrote({ after, c, result }) {
      expect(after).toHaveLength(1);
      expect(after[0]).toMatchObject({ authorId: signedIn(c).id, status: "visible", depth: 1 });
      expect(result).toMatchObject({ ok: true });
    },
    expect: {
      anonymous: "unauthenticated",
      resident: "ok",
      banned: "banned",
      author: "n/a",
      moderator: "ok",
      admin: "ok",
    },
  }),

  row({
    endpoint: { file: COMMENTS, name: "editCommentFormAction" },
    fn: editCommentFormAction,
    bannedAs: "author",
    setup: async (c) => ({ id: await commentBy(c.author), body: `Edited ${unique()}` }),
    call: (fx, _c, extra) =>
      submitForm(editCommentFormAction, { id: fx.id, body: fx.body, ...extra }),
    state: (fx) => commentState(fx.id),
    wrote({ after, fx }) {
      expect(after.row).toMatchObject({ body: fx.body, status: "visible" });
      expect(after.row.editedAt).not.toBeNull();
    },
    expect: authorOnly,
  }),

  row({
    endpoint: { file: COMMENTS, name: "deleteCommentFormAction" },
    fn: deleteCommentFormAction,
    bannedAs: "author",
    setup: async (c) => ({ id: await commentBy(c.author) }),
    call: (fx, _c, extra) =>
      submitForm((state, data) => deleteCommentFormAction("city:boston-ma", state, data), {
        id: fx.id,
        ...extra,
      }),
    state: (fx) => commentState(fx.id),
    wrote({ after }) {
      expect(after.row).toMatchObject({ status: "deleted", body: "" });
    },
    expect: authorOnly,
  }),

  row({
    endpoint: { file: COMMENTS, name: "reportCommentFormAction" },
    fn: reportCommentFormAction,
    setup: async (c) => ({ id: await commentBy(c.author) }),
    call: (fx, _c, extra) =>
      submitForm(reportCommentFormAction, { id: fx.id, reason: "spam", ...extra }),
    state: (fx) => commentState(fx.id),
    wrote({ after, c, result }) {
      expect(after.reports.map((r) => [r.reporterId, r.reason])).toEqual([
        [signedIn(c).id, "spam"],
      ]);
      expect(after.row).toMatchObject({ openReports: 1, status: "visible" });
      expect(result).toEqual({ ok: true, data: null });
    },
    expect: {
      anonymous: "unauthenticated",
      resident: "ok",
      banned: "banned",
      author: { formError: "You cannot report your own comment." },
      moderator: "ok",
      admin: "ok",
    },
  }),

  row({
    endpoint: { file: COMMENTS, name: "moderateCommentFormAction" },
    variant: "hide",
    fn: moderateCommentFormAction,
    bannedAs: "moderator",
    setup: async (c) => ({ id: await commentBy(c.author) }),
    call: (fx, _c, extra) =>
      submitForm(moderateCommentFormAction, {
        id: fx.id,
        action: "hide",
        reason: "Abusive language",
        ...extra,
      }),
    state: (fx) => commentState(fx.id),
    wrote({ after, c }) {
      expect(after.row).toMatchObject({
        status: "hidden",
        review: "hidden",
        moderationReason: "Abusive language",
      });
      expect(after.audit.map((a) => [a.action, a.actorId])).toEqual([
        ["comment.hide", signedIn(c).id],
      ]);
    },
    expect: {
      anonymous: "unauthenticated",
      resident: "forbidden",
      banned: "banned",
      author: "forbidden",
      moderator: "ok",
      admin: "ok",
    },
  }),

  row({
    endpoint: { file: COMMENTS, name: "moderateCommentFormAction" },
    variant: "restore",
    fn: moderateCommentFormAction,
    // a moderator's own comment, hidden by readers' reports and waiting for review
    authorRole: "moderator",
    bannedAs: "moderator",
    setup: async (c) => ({
      id: await commentBy(c.author, { status: "hidden", review: "pending" }),
    }),
    call: (fx, _c, extra) =>
      submitForm(moderateCommentFormAction, {
        id: fx.id,
        action: "restore",
        reason: "Reviewed: fine",
        ...extra,
      }),
    state: (fx) => commentState(fx.id),
    wrote({ after }) {
      expect(after.row).toMatchObject({ status: "visible", review: "restored" });
      expect(after.audit.map((a) => a.action)).toEqual(["comment.restore"]);
    },
    expect: {
      anonymous: "unauthenticated",
      resident: "forbidden",
      banned: "banned",
      // as with updates (visibilityAction restore): publishing one's own content again
      // after readers' reports hid it is for another moderator to decide
      author: { formError: "You cannot restore your own comment: another moderator must." },
      moderator: "ok",
      admin: "ok",
    },
  }),
];

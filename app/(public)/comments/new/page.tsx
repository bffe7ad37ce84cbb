import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { postCommentFormAction } from "@/app/_comments/actions";
import { CommentBox } from "@/app/_comments/comment-box";
import { newFormKey } from "@/lib/actions/form-state";
import { guardPage } from "@/lib/auth/page-guards";
import { getCommentPlace } from "@/lib/dal/comments/comments";
import { commentSubjectSchema } from "@/lib/validation/comment";

export const metadata: Metadata = { title: "Write a comment" };

type Props = { searchParams: Promise<{ on?: string | string[] }> };

/** A new comment on a page, as a page of its own: the comments' form without JavaScript. */
export default async function NewCommentPage({ searchParams }: Props) {
  const subject = commentSubjectSchema.safeParse((await searchParams).on);
  if (!subject.success) notFound();
  await guardPage(`/comments/new?on=${encodeURIComponent(subject.data)}`);
  const place = await getCommentPlace(subject.data);
  if (!place) notFound();
  return (
    <div className="max-w-2xl">
      <p className="text-sm">
        <Link href={`${place.path}#comments`}>Back to {place.title}</Link>
      </p>
      <h1 className="mt-3 text-3xl font-bold">Comment on {place.title}</h1>
      <div className="mt-6">
        <CommentBox
          action={postCommentFormAction}
          fields={{ subject: place.subject }}
          idempotencyKey={newFormKey()}
          submitLabel="Post comment"
          pendingLabel="Posting…"
        />
      </div>
    </div>
  );
}

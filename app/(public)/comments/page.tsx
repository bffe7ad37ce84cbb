import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublicComments } from "@/app/_comments/public-comments";
import { getCommentPlace, listComments } from "@/lib/dal/comments/comments";
import { commentSubjectSchema } from "@/lib/validation/comment";

export const metadata: Metadata = { title: "Comments", robots: { index: false } };

type Props = { searchParams: Promise<{ on?: string | string[]; after?: string | string[] }> };

/**
 * A page's comments read afresh for whoever asks, ten threads at a time:
 * where a comment lands once posted (the page itself is cached, and may lag a
 * few seconds), and "Show older comments" (`after`).
 */
export default async function CommentsPage({ searchParams }: Props) {
  const { on, after } = await searchParams;
  const subject = commentSubjectSchema.safeParse(on);
  const place = subject.success ? await getCommentPlace(subject.data) : null;
  const from = typeof after === "string" ? after : undefined;
  const page = place ? await listComments(place.subject, from) : null;
  if (!place || !page) notFound();
  return (
    <div className="max-w-3xl">
      <p className="text-sm">
        <a href={`${place.path}#comments`}>Back to {place.title}</a>
      </p>
      <h1 className="mt-3 text-3xl font-bold">
        {from ? "Older comments" : "Comments"} on {place.title}
      </h1>
      <section id="comments" aria-labelledby="comments-heading" className="mt-6">
        <PublicComments subject={place.subject} page={page} />
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublicComments } from "@/app/_comments/public-comments";
import { getCommentPlace, listComments } from "@/lib/dal/comments/comments";
import { commentSubjectSchema } from "@/lib/validation/comment";

export const metadata: Metadata = { title: "Older comments", robots: { index: false } };

type Props = { searchParams: Promise<{ on?: string | string[]; after?: string | string[] }> };

/** Older comments on a page, ten threads at a time: "Show older comments" without JavaScript. */
export default async function OlderCommentsPage({ searchParams }: Props) {
  const { on, after } = await searchParams;
  const subject = commentSubjectSchema.safeParse(on);
  const place = subject.success ? await getCommentPlace(subject.data) : null;
  const page = place && typeof after === "string" ? await listComments(place.subject, after) : null;
  if (!place || !page) notFound();
  return (
    <div className="max-w-3xl">
      <p className="text-sm">
        <a href={`${place.path}#comments`}>Back to {place.title}</a>
      </p>
      <h1 className="mt-3 text-3xl font-bold">Older comments on {place.title}</h1>
      <section id="comments" aria-labelledby="comments-heading" className="mt-6">
        <PublicComments subject={place.subject} page={page} />
      </section>
    </div>
  );
}

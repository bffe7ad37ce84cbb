import type { Metadata } from "next";
import Link from "next/link";
import { Comments } from "@/app/_comments/comments";
import { ModeratorLink } from "@/components/moderator-link";
import { notFound } from "next/navigation";
import { UserMarkdown } from "@/components/user-markdown";
import { getPublishedUpdateCached } from "@/lib/cache/public-data";
import { formatDate } from "@/lib/format";
import { idParam } from "@/lib/validation/params";
import { UPDATE_KIND_LABELS } from "@/lib/labels";

// Rendered on first request, then cached until its tags are invalidated.
export const revalidate = 86400;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = idParam((await params).id);
  const update = id ? await getPublishedUpdateCached(id) : null;
  return update ? { title: update.title } : { title: "Update not found" };
}

export default async function UpdatePage({ params }: Props) {
  const id = idParam((await params).id);
  const update = id ? await getPublishedUpdateCached(id) : null;
  if (!update) notFound();
  return (
    <article className="max-w-3xl">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/cities">Cities</Link> <span aria-hidden="true">/</span>{" "}
        <Link href={`/cities/${update.city.slug}`}>{update.city.name}</Link>{" "}
        <span aria-hidden="true">/</span> Update
      </nav>
      <p className="mt-3 text-sm font-semibold uppercase tracking-wide text-brand-700">
        {UPDATE_KIND_LABELS[update.kind]} · {update.city.name}, {update.city.state}
      </p>
      <h1 className="mt-1 text-3xl font-bold">{update.title}</h1>
      <p className="mt-2 text-stone-700">
        Took effect <time dateTime={update.effectiveOn}>{formatDate(update.effectiveOn)}</time> ·
        sent by {update.authorName} · published{" "}
        <time dateTime={update.publishedAt}>{formatDate(update.publishedAt)}</time>
      </p>
      <div className="mt-6 rounded-lg border border-stone-200 bg-white p-5">
        <UserMarkdown>{update.summary}</UserMarkdown>
      </div>
      <p className="mt-4">
        Source:{" "}
        <a href={update.sourceUrl} rel="nofollow ugc noopener" className="break-all">
          {update.sourceUrl}
        </a>
      </p>
      <ModeratorLink href={`/moderation/updates/${update.id}`}>
        Moderate this update (hide it from the public)
      </ModeratorLink>
      <Comments subject={`update:${update.id}`} />
    </article>
  );
}

import Link from "next/link";
import type { PublishedUpdate } from "@/lib/dal/submissions/updates";
import { formatDate } from "@/lib/format";
import { UPDATE_KIND_LABELS } from "@/lib/labels";

/** Approved updates, newest first, each linking to its own page. */
export function UpdateTimeline({ updates }: { updates: PublishedUpdate[] }) {
  return (
    <ol className="mt-4 space-y-4" aria-label="Approved policy updates">
      {updates.map((u) => (
        <li key={u.id} className="rounded-lg border border-stone-200 bg-white p-4">
          <p className="text-sm text-stone-600">
            {UPDATE_KIND_LABELS[u.kind]} · took effect{" "}
            <time dateTime={u.effectiveOn}>{formatDate(u.effectiveOn)}</time>
          </p>
          <h3 className="mt-1 text-lg font-semibold">
            <Link href={`/updates/${u.id}`}>{u.title}</Link>
          </h3>
          <p className="mt-1 text-sm text-stone-600">
            Sent by {u.authorName} · published{" "}
            <time dateTime={u.publishedAt}>{formatDate(u.publishedAt)}</time> ·{" "}
            <a href={u.sourceUrl} rel="nofollow ugc noopener">
              Source<span className="sr-only"> for {u.title}</span>
            </a>
          </p>
        </li>
      ))}
    </ol>
  );
}

"use client";

import Link from "next/link";
import type { QueuePageData } from "@/lib/dal/moderation/queue-page";
import { formatDate } from "@/lib/format";
import { QUEUE_KIND_LABELS } from "@/lib/labels";
import type { ReviewRef } from "@/lib/validation/moderation";
import { ModerationTabs } from "./moderation-tabs";
import { QueueFilterForm } from "./queue-filter-form";

/** Where a moderator reviews a submission. */
const REVIEW_PATHS = { update: "updates", edit: "edits", proposal: "proposals" } as const;
const reviewHref = (ref: ReviewRef) => `/moderation/${REVIEW_PATHS[ref.type]}/${ref.id}`;

/**
 * Everything under the heading of /moderation: the tabs, the filters and a
 * page of the queue. The page rendered on the server and the cached shell
 * (app/shell/moderation) both draw it, from the same data
 * (GET /api/moderation/queue).
 */
export function ModerationView({ data: { filter, queue, reported } }: { data: QueuePageData }) {
  const base = new URLSearchParams({
    ...(filter.city && { city: filter.city }),
    ...(filter.kind && { kind: filter.kind }),
  });
  return (
    <>
      <ModerationTabs current="submissions" reported={reported} />
      <p className="mt-4 text-stone-700">
        {queue.total === 1 ? "1 submission is" : `${queue.total} submissions are`} waiting for
        review, oldest first.
      </p>
      <QueueFilterForm
        cities={queue.cityOptions}
        more={queue.moreCities}
        kinds={queue.countsByKind}
        city={filter.city}
        kind={filter.kind}
      />
      {queue.items.length === 0 ? (
        <div className="mt-6 rounded border border-dashed border-stone-300 bg-white p-6">
          <p className="font-medium">
            Nothing is waiting for review{filter.city || filter.kind ? " with these filters" : ""}.
          </p>
          <p className="mt-1 text-stone-600">
            Volunteers’ submissions show up here as soon as they are sent.
          </p>
        </div>
      ) : (
        <ol className="mt-6 space-y-3" aria-label="Pending submissions">
          {queue.items.map((item) => (
            <li
              key={`${item.type}-${item.id}`}
              className="rounded-lg border border-stone-200 bg-white p-4"
            >
              <Link href={reviewHref(item)} className="font-semibold">
                {item.title}
              </Link>
              <p className="mt-1 text-sm text-stone-600">
                {QUEUE_KIND_LABELS[item.kind]} · {item.city.name}, {item.city.state} · by{" "}
                {item.authorName} · sent {formatDate(item.submittedAt)}
              </p>
              {item.claimedBy && (
                <p className="mt-1 text-sm font-medium text-amber-800">
                  Being reviewed by {item.claimedBy}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      <nav aria-label="Pages" className="mt-4 flex gap-4">
        {filter.after && <Link href={`/moderation?${base}`}>First page</Link>}
        {queue.nextAfter && (
          <Link
            href={`/moderation?${new URLSearchParams({ ...Object.fromEntries(base), after: queue.nextAfter })}`}
          >
            Next page
          </Link>
        )}
      </nav>
    </>
  );
}

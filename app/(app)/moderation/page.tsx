import type { Metadata } from "next";
import Link from "next/link";
import { guardPage } from "@/lib/auth/page-guards";
import { listQueue, reviewHref } from "@/lib/dal/moderation/queue";
import { formatDate } from "@/lib/format";
import { QUEUE_KIND_LABELS, queueFilterSchema } from "@/lib/validation/moderation";
import { countReportedComments } from "@/lib/dal/comments/reports";
import { ModerationTabs } from "./_components/moderation-tabs";
import { QueueFilterForm } from "./_components/queue-filter-form";

export const metadata: Metadata = { title: "Review queue" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ModerationPage({ searchParams }: Props) {
  await guardPage("/moderation", "moderator", "admin");
  const raw = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const filter = queueFilterSchema.parse({
    city: first(raw.city),
    kind: first(raw.kind),
    after: first(raw.after),
  });
  const [queue, reported] = await Promise.all([listQueue(filter), countReportedComments()]);
  const base = new URLSearchParams({
    ...(filter.city && { city: filter.city }),
    ...(filter.kind && { kind: filter.kind }),
  });

  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-3xl font-bold">Review queue</h1>
        <Link href="/moderation/log">Moderation log</Link>
      </div>
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
    </div>
  );
}

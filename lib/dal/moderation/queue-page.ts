import "server-only";
import { countReportedComments } from "@/lib/dal/comments/reports";
import { queueFilterSchema } from "@/lib/validation/moderation";
import { listQueue } from "./queue";

type Raw = Record<string, string | string[] | undefined>;

/**
 * What /moderation shows (moderators): the filter read from the query (a bad
 * value is dropped), a page of the queue with its counts, and how many
 * comments are reported.
 */
export async function loadQueuePage(raw: Raw) {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const filter = queueFilterSchema.parse({
    city: first(raw.city),
    kind: first(raw.kind),
    after: first(raw.after),
  });
  const [queue, reported] = await Promise.all([listQueue(filter), countReportedComments()]);
  return { filter, queue, reported };
}

export type QueuePageData = Awaited<ReturnType<typeof loadQueuePage>>;

import Link from "next/link";
import { QUEUE_KIND_LABELS, type QueueKind } from "@/lib/validation/moderation";

type Props = {
  cities: { slug: string; name: string; n: number }[];
  kinds: { kind: QueueKind; n: number }[];
  city?: string;
  kind?: string;
};

/** Filters for the queue, with how many items wait in each city and kind. */
export function QueueFilterForm({ cities, kinds, city, kind }: Props) {
  return (
    <form
      method="get"
      action="/moderation"
      aria-label="Filter the queue"
      className="mt-4 flex flex-wrap items-end gap-4 rounded-lg border border-stone-200 bg-white p-4"
    >
      <div className="flex flex-col gap-1">
        <label htmlFor="queue-city" className="text-sm font-medium">
          City
        </label>
        <select
          id="queue-city"
          name="city"
          defaultValue={city ?? ""}
          className="rounded border border-stone-300 bg-white px-3 py-2"
        >
          <option value="">All cities</option>
          {cities.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.name} ({c.n})
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="queue-kind" className="text-sm font-medium">
          Kind
        </label>
        <select
          id="queue-kind"
          name="kind"
          defaultValue={kind ?? ""}
          className="rounded border border-stone-300 bg-white px-3 py-2"
        >
          <option value="">All kinds</option>
          {kinds.map((k) => (
            <option key={k.kind} value={k.kind}>
              {QUEUE_KIND_LABELS[k.kind]} ({k.n})
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900"
      >
        Filter
      </button>
      {(city || kind) && (
        <Link href="/moderation" className="py-2">
          Clear filters
        </Link>
      )}
    </form>
  );
}

import Link from "next/link";
import { SelectFilter } from "@/components/forms/select-filter";
import { QUEUE_CITY_OPTIONS } from "@/lib/queue-cities";
import { QUEUE_KIND_LABELS } from "@/lib/labels";
import type { QueueKind } from "@/lib/validation/moderation";

type Props = {
  /** The busiest cities (and the chosen one), by name. */
  cities: { slug: string; name: string; n: number }[];
  /** How many other cities have items waiting. */
  more: number;
  kinds: { kind: QueueKind; n: number }[];
  city?: string;
  kind?: string;
};

/** Filters for the queue, with how many items wait in each city and kind. */
export function QueueFilterForm({ cities, more, kinds, city, kind }: Props) {
  return (
    <form
      method="get"
      action="/moderation"
      aria-label="Filter the queue"
      className="mt-4 flex flex-wrap items-end gap-4 rounded-lg border border-stone-200 bg-white p-4"
    >
      <SelectFilter
        id="queue-city"
        name="city"
        label="City"
        allLabel="All cities"
        value={city}
        options={cities.map((c) => ({ value: c.slug, label: `${c.name} (${c.n})` }))}
      />
      <SelectFilter
        id="queue-kind"
        name="kind"
        label="Kind"
        allLabel="All kinds"
        value={kind}
        options={kinds.map((k) => ({
          value: k.kind,
          label: `${QUEUE_KIND_LABELS[k.kind]} (${k.n})`,
        }))}
      />
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
      {more > 0 && (
        <p className="basis-full text-sm text-stone-600">
          Showing the {QUEUE_CITY_OPTIONS} cities with the most waiting; {more} more cities have
          items in the queue.
        </p>
      )}
    </form>
  );
}

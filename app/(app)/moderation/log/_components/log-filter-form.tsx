import Link from "next/link";
import { SelectFilter } from "@/components/forms/select-filter";
import type { ModerationLog } from "@/lib/dal/moderation/log";
import type { AuditLogFilterInput } from "@/lib/validation/audit-log";

type Props = {
  filter: AuditLogFilterInput;
  moderators: ModerationLog["moderators"];
  cities: ModerationLog["cities"];
};

/** Narrow the log to one moderator, one city, or both (a plain GET form). */
export function LogFilterForm({ filter, moderators, cities }: Props) {
  return (
    <form
      method="get"
      action="/moderation/log"
      aria-label="Filter the log"
      className="mt-4 flex flex-wrap items-end gap-4 rounded-lg border border-stone-200 bg-white p-4"
    >
      <SelectFilter
        id="log-moderator"
        name="moderator"
        label="Moderator"
        allLabel="All moderators"
        value={filter.moderator !== undefined ? String(filter.moderator) : undefined}
        options={moderators.map((m) => ({ value: String(m.id), label: m.name }))}
      />
      <SelectFilter
        id="log-city"
        name="city"
        label="City"
        allLabel="All cities"
        value={filter.city}
        options={cities.map((c) => ({ value: c.slug, label: c.name }))}
      />
      <button
        type="submit"
        className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900"
      >
        Filter
      </button>
      {isFiltered(filter) && (
        <Link href="/moderation/log" className="py-2">
          Clear filters
        </Link>
      )}
    </form>
  );
}

/** Whether the log shows one moderator's or one city's actions rather than all. */
export const isFiltered = (filter: AuditLogFilterInput) =>
  filter.moderator !== undefined || filter.city !== undefined;

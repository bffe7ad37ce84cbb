import Link from "next/link";
import { POLICY_BADGE_LABELS } from "@/lib/policy-fields";

type Props = {
  states: { code: string; name: string }[];
  state?: string;
  policy?: string;
};

/** A plain GET form: works without JavaScript and gives shareable filter URLs. */
export function CityFilterForm({ states, state, policy }: Props) {
  return (
    <form
      method="get"
      action="/cities"
      className="mt-6 flex flex-wrap items-end gap-4 rounded-lg border border-stone-200 bg-white p-4"
      aria-label="Filter cities"
    >
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-state" className="text-sm font-medium">
          State
        </label>
        <select
          id="filter-state"
          name="state"
          defaultValue={state ?? ""}
          className="min-w-44 rounded border border-stone-300 bg-white px-3 py-2"
        >
          <option value="">All states</option>
          {states.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-policy" className="text-sm font-medium">
          Policy
        </label>
        <select
          id="filter-policy"
          name="policy"
          defaultValue={policy ?? ""}
          className="min-w-44 rounded border border-stone-300 bg-white px-3 py-2"
        >
          <option value="">All policies</option>
          {Object.entries(POLICY_BADGE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900"
      >
        Apply filters
      </button>
      {(state || policy) && (
        <Link href="/cities" className="py-2">
          Clear filters
        </Link>
      )}
    </form>
  );
}

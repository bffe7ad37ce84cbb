import Link from "next/link";
import { SelectFilter } from "@/components/forms/select-filter";
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
      <SelectFilter
        id="filter-state"
        name="state"
        label="State"
        allLabel="All states"
        value={state}
        options={states.map((s) => ({ value: s.code, label: s.name }))}
      />
      <SelectFilter
        id="filter-policy"
        name="policy"
        label="Policy"
        allLabel="All policies"
        value={policy}
        options={Object.entries(POLICY_BADGE_LABELS).map(([value, label]) => ({ value, label }))}
      />
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

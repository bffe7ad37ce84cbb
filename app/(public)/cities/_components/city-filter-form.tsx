import Link from "next/link";
import { SelectFilter } from "@/components/forms/select-filter";
import { filterProblemId } from "./filter-problems";
import { FILTER_LABELS } from "@/lib/messages/browse";
import { POLICY_BADGE_LABELS, POLICY_FIELDS } from "@/lib/policy-fields";
import {
  FILTER_FIELDS,
  isFiltered,
  PAGE_SIZES,
  TEXT_FILTER_FIELDS,
  type CityFilterInput,
  type CityFilterKey,
  type CityFilterProblem,
} from "@/lib/validation/city-filter";

type Props = {
  states: { code: string; name: string }[];
  filter: Partial<CityFilterInput>;
  /** What is wrong with the address's filters: those fields are marked, keep what was typed and point to it. */
  problems?: Partial<Record<CityFilterKey, CityFilterProblem>>;
};

export const SORT_LABELS = {
  name: "Name",
  state: "State",
  population: "Population (largest first)",
  followers: "Most followed",
  recent: "Recently changed",
} as const;

/** A plain GET form: works without JavaScript and gives shareable filter URLs. */
export function CityFilterForm({ states, filter, problems = {} }: Props) {
  const values = filter as Record<string, string | undefined>;
  // the policy details open when one of them is set, or is what is wrong
  const fieldFiltered = [...FILTER_FIELDS, ...TEXT_FILTER_FIELDS].some(
    (f) => values[f] || problems[f],
  );
  return (
    <form
      method="get"
      action="/cities"
      className="mt-6 rounded-lg border border-stone-200 bg-white p-4"
      aria-label="Filter cities"
    >
      <div className="flex flex-wrap items-end gap-4">
        <SelectFilter
          id="filter-state"
          name="state"
          label="State"
          allLabel="All states"
          value={filter.state}
          options={states.map((s) => ({ value: s.code, label: s.name }))}
        />
        <SelectFilter
          id="filter-policy"
          name="policy"
          label="Policy"
          allLabel="All policies"
          value={filter.policy}
          options={Object.entries(POLICY_BADGE_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-sort" className="text-sm font-medium">
            Sort by
          </label>
          <select
            id="filter-sort"
            name="sort"
            defaultValue={filter.sort ?? "name"}
            className="rounded border border-stone-300 bg-white px-3 py-2"
          >
            {Object.entries(SORT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-per" className="text-sm font-medium">
            Per page
          </label>
          <select
            id="filter-per"
            name="per"
            defaultValue={String(filter.per ?? 24)}
            className="rounded border border-stone-300 bg-white px-3 py-2"
          >
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      </div>
      <details className="mt-4" open={fieldFiltered}>
        <summary className="cursor-pointer font-medium">Filter by policy details</summary>
        <div className="mt-3 flex flex-wrap items-end gap-4">
          {FILTER_FIELDS.map((field) => (
            <SelectFilter
              key={field}
              id={`filter-${field}`}
              name={field}
              label={FILTER_LABELS[field]}
              allLabel="Any"
              value={values[field]}
              options={Object.entries(POLICY_FIELDS[field].options ?? {}).map(([value, label]) => ({
                value,
                label,
              }))}
            />
          ))}
          {TEXT_FILTER_FIELDS.map((field) => (
            <div key={field} className="flex flex-col gap-1">
              <label htmlFor={`filter-${field}`} className="text-sm font-medium">
                {FILTER_LABELS[field]}
              </label>
              <input
                id={`filter-${field}`}
                name={field}
                type="text"
                defaultValue={problems[field]?.value ?? values[field]}
                aria-invalid={problems[field] ? true : undefined}
                aria-describedby={problems[field] ? filterProblemId(field) : undefined}
                placeholder="Text it contains, e.g. funding"
                className="min-w-56 rounded border border-stone-300 bg-white px-3 py-2"
              />
            </div>
          ))}
        </div>
      </details>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button
          type="submit"
          className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900"
        >
          Apply filters
        </button>
        {isFiltered(filter) && (
          <Link href="/cities" className="py-2">
            Clear filters
          </Link>
        )}
      </div>
    </form>
  );
}

import Link from "next/link";
import { PolicyBadge } from "@/components/policy-badge";
import type { CityListItem } from "@/lib/dal/cities/browse";
import { formatDate, formatNumber } from "@/lib/format";
import { FollowButton, FollowStates } from "./follow";

/** The form the list's "Compare" boxes belong to (they sit outside it, beside each city's follow form). */
export const COMPARE_FORM_ID = "compare-form";

/** One page of cities: each with its profile facts, a follow button and a box to compare it. */
export function CityList({ cities }: { cities: CityListItem[] }) {
  return (
    <FollowStates slugs={cities.map((c) => c.slug)}>
      <ul className="mt-4 grid gap-4 sm:grid-cols-2" aria-label="Cities">
        {cities.map((c) => (
          <li key={c.slug} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
            <div className="flex items-start justify-between gap-3">
              <h2 className="text-lg font-semibold">
                <Link href={`/cities/${c.slug}`}>{c.name}</Link>
              </h2>
              <PolicyBadge badge={c.badge} />
            </div>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-stone-600">State</dt>
              <dd>{c.stateName}</dd>
              <dt className="text-stone-600">{c.leaderTitle}</dt>
              <dd>
                {c.leaderName}{" "}
                <span className="text-stone-600">(as of {formatDate(c.leaderAsOf)})</span>
              </dd>
              <dt className="text-stone-600">Population</dt>
              <dd>{formatNumber(c.population)}</dd>
              {c.changedAt && (
                <>
                  <dt className="text-stone-600">Last change</dt>
                  <dd>
                    <time dateTime={c.changedAt}>{formatDate(c.changedAt)}</time>
                  </dd>
                </>
              )}
            </dl>
            <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
              <FollowButton slug={c.slug} />
              <label className="flex items-center gap-2 py-2 text-sm">
                <input
                  type="checkbox"
                  name="cities"
                  value={c.slug}
                  form={COMPARE_FORM_ID}
                  className="h-5 w-5"
                />
                Compare <span className="sr-only">{c.name}</span>
              </label>
            </div>
          </li>
        ))}
      </ul>
    </FollowStates>
  );
}

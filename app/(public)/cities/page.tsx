import type { Metadata } from "next";
import Link from "next/link";
import { PolicyBadge } from "@/components/policy-badge";
import { listJurisdictionsCached, listStatesCached } from "@/lib/cache/public-data";
import { formatDate, formatNumber } from "@/lib/format";
import { FollowButton, FollowStates } from "./_components/follow";
import { parseCityFilter } from "@/lib/validation/city-filter";
import { CityFilterForm } from "./_components/city-filter-form";

export const metadata: Metadata = {
  title: "Cities",
  description: "Every city and county the World Mayor article names, with its sanctuary policy.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CitiesPage({ searchParams }: Props) {
  const filter = parseCityFilter(await searchParams);
  const [cities, states] = await Promise.all([
    listJurisdictionsCached({ state: filter.state, badge: filter.policy }),
    listStatesCached(),
  ]);
  const filtered = Boolean(filter.state || filter.policy);

  return (
    <>
      <h1 className="text-3xl font-bold">Cities and counties</h1>
      <p className="mt-2 max-w-2xl text-stone-700">
        The places named in the World Mayor article of 24 April 2017. Each profile records its
        sanctuary policy with sources; each mayor is shown with the date they were known to be in
        office.
      </p>
      <p className="mt-2">
        <Link href="/cities/new">Propose a jurisdiction</Link>
        <span className="text-stone-600"> that is not here yet.</span>
      </p>

      <CityFilterForm states={states} state={filter.state} policy={filter.policy} />

      <p className="mt-6 text-sm text-stone-600" role="status">
        {cities.length === 1 ? "1 place" : `${cities.length} places`}
        {filtered ? " match these filters." : "."}
      </p>

      {cities.length === 0 ? (
        <div className="mt-4 rounded border border-dashed border-stone-300 bg-white p-6">
          <p>No city or county matches these filters.</p>
          <p className="mt-2">
            <Link href="/cities">Show all cities</Link>
          </p>
        </div>
      ) : (
        <FollowStates slugs={cities.map((c) => c.slug)}>
          <ul className="mt-4 grid gap-4 sm:grid-cols-2" aria-label="Cities">
            {cities.map((c) => (
              <li
                key={c.slug}
                className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
              >
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
                </dl>
                <div className="mt-3">
                  <FollowButton slug={c.slug} />
                </div>
              </li>
            ))}
          </ul>
        </FollowStates>
      )}
    </>
  );
}

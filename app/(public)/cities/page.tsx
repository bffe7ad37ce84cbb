import type { Metadata } from "next";
import Link from "next/link";
import { listCityPageCached, listStatesCached } from "@/lib/cache/public-data";
import { isFiltered, parseCityFilter } from "@/lib/validation/city-filter";
import { CityFilterForm } from "./_components/city-filter-form";
import { CityList } from "./_components/city-list";
import { CityPages } from "./_components/city-pages";
import { FilterProblems } from "./_components/filter-problems";

export const metadata: Metadata = {
  title: "Cities",
  description: "Every city and county CityWatch follows, with its sanctuary policy.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CitiesPage({ searchParams }: Props) {
  const parsed = parseCityFilter(await searchParams);
  const [result, states] = await Promise.all([
    parsed.ok ? listCityPageCached(parsed.filter) : null,
    listStatesCached(),
  ]);
  const problems = !parsed.ok
    ? parsed.problems
    : result && !result.ok
      ? { [parsed.filter.before ? "before" : "after"]: { code: "bad_cursor", value: "" } }
      : null;

  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-3xl font-bold">Cities and counties</h1>
        <div className="flex flex-wrap gap-4">
          <Link href="/cities/new">Propose a jurisdiction</Link>
          <Link href="/map">See them on a map</Link>
          <Link href="/compare">Compare places</Link>
        </div>
      </div>
      <p className="mt-2 max-w-2xl text-stone-700">
        The places CityWatch follows, starting with those named in the World Mayor article of 24
        April 2017. Each profile records its sanctuary policy with sources; each mayor is shown with
        the date they were known to be in office.
      </p>

      <CityFilterForm
        states={states}
        filter={parsed.filter}
        problems={parsed.ok ? undefined : parsed.problems}
      />

      {problems ? (
        <FilterProblems problems={problems} />
      ) : result?.ok ? (
        <>
          <p className="mt-6 text-sm text-stone-600" role="status">
            {result.page.total === 1 ? "1 place" : `${result.page.total} places`}
            {isFiltered(parsed.filter) ? " match these filters." : "."}
          </p>
          {result.page.cities.length === 0 ? (
            <div className="mt-4 rounded border border-dashed border-stone-300 bg-white p-6">
              <p>
                {result.page.total === 0
                  ? "No city or county matches these filters."
                  : "No more places on this page."}
              </p>
              <p className="mt-2">
                <Link href="/cities">Show all cities</Link>
              </p>
            </div>
          ) : (
            <>
              <p className="mt-2 text-sm text-stone-600">
                Tick up to four places and choose “Compare selected” to see them side by side.
              </p>
              <CityList cities={result.page.cities} />
              {parsed.ok && (
                <CityPages filter={parsed.filter} next={result.page.next} prev={result.page.prev} />
              )}
            </>
          )}
        </>
      ) : null}
    </>
  );
}

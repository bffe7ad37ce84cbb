import type { Metadata } from "next";
import Link from "next/link";
import { listJurisdictionsCached } from "@/lib/cache/public-data";
import { isOnMap, MAP_HEIGHT, MAP_WIDTH } from "@/lib/geo/projection";
import type { PolicyBadge } from "@/lib/policy-fields";
import { parseCityFilter } from "@/lib/validation/city-filter";
import { MAP_TITLE } from "./frame/map-document";
import { MapLegend } from "./_components/map-legend";
import { groupByState, StateIndex, StatePlaces } from "./_components/places-by-state";

export const metadata: Metadata = {
  title: "Map",
  description: "Every city and county on a map of the United States, by sanctuary policy.",
};

/** Up to this many places the list shows them all; above it, one state at a time. */
const FULL_LIST_LIMIT = 200;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MapPage({ searchParams }: Props) {
  // An invalid state is ignored here: the list then shows the index of states.
  const { state } = parseCityFilter(await searchParams).filter;
  const places = await listJurisdictionsCached();
  const counts: Record<PolicyBadge, number> = { sanctuary: 0, limited: 0, none: 0, unknown: 0 };
  for (const p of places) counts[p.badge]++;
  const offMap = places.filter((p) => !isOnMap(p)).length;
  const groups = groupByState(places);
  const chosen = state ? groups.find((g) => g.code === state) : undefined;
  const full = places.length <= FULL_LIST_LIMIT;

  return (
    <>
      <h1 className="text-3xl font-bold">Map</h1>
      <p className="mt-2 max-w-2xl text-stone-700">
        {places.length === 1 ? "1 place" : `${places.length} places`} by sanctuary policy. Each
        marker is a link to the place&apos;s profile; the list gives the same places in words.
        {offMap > 0
          ? ` ${offMap} of them ${offMap === 1 ? "is" : "are"} not on the map (territories, or no coordinates yet).`
          : null}
      </p>
      <MapLegend counts={counts} />

      <div className="mt-4 grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <iframe
          src="/map/frame"
          title={MAP_TITLE}
          className="block h-auto w-full rounded border border-stone-200 bg-white"
          style={{ aspectRatio: `${MAP_WIDTH} / ${MAP_HEIGHT}` }}
        />

        <section id="places" aria-labelledby="places-heading">
          <h2 id="places-heading" className="text-xl font-semibold">
            Places by state
          </h2>
          {places.length === 0 ? (
            <p className="mt-2">
              No city or county yet. <Link href="/cities">See the cities page</Link>.
            </p>
          ) : full ? (
            groups.map((g) => <StatePlaces key={g.code} name={g.name} places={g.places} />)
          ) : (
            <>
              <p className="mt-2 text-sm text-stone-700">
                {places.length} places in {groups.length} states: choose a state to list its places.
              </p>
              {chosen ? <StatePlaces name={chosen.name} places={chosen.places} /> : null}
              {state && !chosen ? (
                <p className="mt-2 text-sm">No city or county in that state yet.</p>
              ) : null}
              <StateIndex groups={groups} />
            </>
          )}
        </section>
      </div>
    </>
  );
}

import { listJurisdictionsCached } from "@/lib/cache/public-data";
import { parseCityFilter } from "@/lib/validation/city-filter";

/** Public JSON: every jurisdiction with its policy badge; same filters as /cities. */
export async function GET(request: Request) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filter = parseCityFilter(params);
  const cities = await listJurisdictionsCached({ state: filter.state, badge: filter.policy });
  return Response.json(
    { cities: cities.map((c) => ({ ...c, url: `/cities/${c.slug}` })) },
    { headers: { "cache-control": "no-cache" } },
  );
}

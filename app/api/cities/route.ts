import { listJurisdictionsDated } from "@/lib/cache/public-data";
import { conditionalJson } from "@/lib/http/conditional";
import { parseCityFilter } from "@/lib/validation/city-filter";

/**
 * Public JSON: every jurisdiction with its policy badge; same filters as
 * /cities. ETag and Last-Modified, and 304 when the client's copy is current.
 */
export async function GET(request: Request) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filter = parseCityFilter(params);
  const { value: cities, readAt } = await listJurisdictionsDated({
    state: filter.state,
    badge: filter.policy,
  });
  return conditionalJson(
    request,
    { cities: cities.map((c) => ({ ...c, url: `/cities/${c.slug}` })) },
    { lastModified: readAt, headers: { "cache-control": "no-cache" } },
  );
}

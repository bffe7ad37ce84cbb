import { listCityPageDated } from "@/lib/cache/public-data";
import { conditionalJson } from "@/lib/http/conditional";
import { filterProblemMessage } from "@/lib/messages/browse";
import {
  cityFilterQuery,
  parseCityFilter,
  type CityFilterKey,
  type CityFilterProblem,
} from "@/lib/validation/city-filter";

const refused = (problems: Partial<Record<CityFilterKey, CityFilterProblem>>) =>
  Response.json(
    {
      error: "invalid_filter",
      problems: Object.fromEntries(
        (Object.entries(problems) as [CityFilterKey, CityFilterProblem][]).map(([k, p]) => [
          k,
          { code: p.code, message: filterProblemMessage(k, p) },
        ]),
      ),
    },
    { status: 400 },
  );

/**
 * Public JSON: one page of jurisdictions with their policy badge; the same filters,
 * orders and cursors as /cities. `next` and `prev` are the URLs of the pages beside it.
 * ETag and Last-Modified, and 304 when the client's copy is current.
 */
export async function GET(request: Request) {
  const parsed = parseCityFilter(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.ok) return refused(parsed.problems);
  const { value: result, readAt } = await listCityPageDated(parsed.filter);
  if (!result.ok) {
    const key = parsed.filter.before ? "before" : "after";
    return refused({ [key]: { code: result.code, value: "" } });
  }
  const { cities, total, next, prev } = result.page;
  const page = (extra: Record<string, string>) =>
    `/api/cities?${cityFilterQuery(parsed.filter, extra)}`;
  return conditionalJson(
    request,
    {
      cities: cities.map((c) => ({ ...c, url: `/cities/${c.slug}` })),
      total,
      next: next ? page({ after: next }) : null,
      prev: prev ? page({ before: prev }) : null,
    },
    { lastModified: readAt, headers: { "cache-control": "no-cache" } },
  );
}

import { getJurisdictionCached, listLatestUpdatesCached } from "@/lib/cache/public-data";
import { slugParam } from "@/lib/validation/params";

/** Public JSON: one jurisdiction's approved profile. */
export async function GET(_request: Request, ctx: { params: Promise<{ slug: string }> }) {
  const slug = slugParam((await ctx.params).slug);
  if (!slug) {
    return Response.json(
      { error: "bad_request", message: "A city slug has only a-z, 0-9 and hyphens." },
      { status: 400 },
    );
  }
  const [city, timeline] = await Promise.all([
    getJurisdictionCached(slug),
    listLatestUpdatesCached(slug),
  ]);
  if (!city) {
    return Response.json(
      { error: "not_found", message: `No city or county with slug "${slug}".` },
      { status: 404 },
    );
  }
  const updates = timeline.updates.map(
    ({ city: _city, ...u }) => (void _city, { ...u, url: `/updates/${u.id}` }),
  );
  return Response.json(
    { city: { ...city, updates } },
    { headers: { "cache-control": "no-cache" } },
  );
}

import { getJurisdictionWithUpdatesDated } from "@/lib/cache/public-data";
import { conditionalJson } from "@/lib/http/conditional";
import { slugParam } from "@/lib/validation/params";

/**
 * Public JSON: one jurisdiction's approved profile. ETag and Last-Modified,
 * and 304 when the client's copy is current.
 */
export async function GET(request: Request, ctx: { params: Promise<{ slug: string }> }) {
  const slug = slugParam((await ctx.params).slug);
  if (!slug) {
    return Response.json(
      { error: "bad_request", message: "A city slug has only a-z, 0-9 and hyphens." },
      { status: 400 },
    );
  }
  const {
    value: [city, timeline],
    readAt,
  } = await getJurisdictionWithUpdatesDated(slug);
  if (!city) {
    return Response.json(
      { error: "not_found", message: `No city or county with slug "${slug}".` },
      { status: 404 },
    );
  }
  const updates = timeline.updates.map(
    ({ city: _city, ...u }) => (void _city, { ...u, url: `/updates/${u.id}` }),
  );
  return conditionalJson(
    request,
    { city: { ...city, updates } },
    { lastModified: readAt, headers: { "cache-control": "no-cache" } },
  );
}

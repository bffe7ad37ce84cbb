import { getJurisdictionCached } from "@/lib/cache/public-data";

/** Public JSON: one jurisdiction's approved profile. */
export async function GET(_request: Request, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  const city = await getJurisdictionCached(slug);
  if (!city) {
    return Response.json(
      { error: "not_found", message: `No city or county with slug "${slug}".` },
      { status: 404 },
    );
  }
  return Response.json({ city }, { headers: { "cache-control": "public, max-age=60" } });
}

import type { NextRequest } from "next/server";
import { renderAtom } from "@/lib/atom";
import { getJurisdictionCached, listLatestUpdatesCached } from "@/lib/cache/public-data";
import { siteOrigin } from "@/lib/site-url";
import { citySlugSchema } from "@/lib/validation/auth";

// With no updates yet, the feed is as old as the article it starts from.
const ARTICLE_DATE = "2017-04-24T00:00:00.000Z";

/** A city's approved policy updates as an Atom feed, newest first (public). */
export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const city = citySlugSchema.safeParse(slug).success ? await getJurisdictionCached(slug) : null;
  if (!city) {
    return new Response("There is no such city.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const { updates } = await listLatestUpdatesCached(slug);
  const origin = siteOrigin(request.nextUrl.origin);
  const page = `${origin}/cities/${city.slug}`;
  const xml = renderAtom({
    id: page,
    title: `CityWatch: policy updates in ${city.name}, ${city.stateName}`,
    selfLink: `${page}/feed.xml`,
    alternateLink: page,
    updated: updates[0]?.publishedAt ?? ARTICLE_DATE,
    entries: updates.map((u) => ({
      id: `${origin}/updates/${u.id}`,
      title: u.title,
      link: `${origin}/updates/${u.id}`,
      updated: u.publishedAt,
      published: u.publishedAt,
      author: u.authorName,
      summary: u.summary,
    })),
  });
  return new Response(xml, {
    headers: {
      "content-type": "application/atom+xml; charset=utf-8",
      "cache-control": "public, no-cache",
    },
  });
}

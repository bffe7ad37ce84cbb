import type { NextRequest } from "next/server";
import { renderAtom } from "@/lib/atom";
import { readPrivateFeed } from "@/lib/dal/news/private-feed";
import { siteOrigin } from "@/lib/site-url";

const EPOCH = "2017-04-24T00:00:00.000Z";

/** My followed cities' approved updates and profile changes, as Atom, at a secret address. */
export async function GET(
  request: NextRequest,
  { params }: { params: Promise<{ token: string }> },
) {
  const { token } = await params;
  const feed = await readPrivateFeed(token);
  if (!feed) {
    return new Response("There is no such feed. Its address may have been reset.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  const origin = siteOrigin(request.nextUrl.origin);
  const items = feed.page.items;
  const xml = renderAtom({
    id: `${origin}/feeds/${token}`,
    title: `CityWatch: the cities ${feed.name} follows`,
    selfLink: `${origin}/feeds/${token}/feed.xml`,
    alternateLink: `${origin}/me`,
    updated: items[0]?.at ?? EPOCH,
    entries: items.map((item) => {
      const link =
        item.type === "update"
          ? `${origin}/updates/${item.id}`
          : `${origin}/cities/${item.city.slug}/history#revision-${item.id}`;
      const title =
        item.type === "update"
          ? `${item.city.name}: ${item.title}`
          : `${item.city.name}: profile ${item.kind === "revert" ? "reverted" : "updated"} (${item.fields.join(", ")})`;
      return {
        id: link,
        title,
        link,
        updated: item.at,
        published: item.at,
        author: "CityWatch",
        summary: title,
      };
    }),
  });
  return new Response(xml, {
    headers: {
      "content-type": "application/atom+xml; charset=utf-8",
      // private: a shared cache must never keep one person's feed
      "cache-control": "private, no-cache",
      "x-robots-tag": "noindex",
    },
  });
}

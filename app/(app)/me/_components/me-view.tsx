"use client";

import Link from "next/link";
import type { FeedItem } from "@/lib/dal/news/feed";
import type { MyPageData } from "@/lib/dal/news/me";
import { formatDate } from "@/lib/format";
import { UPDATE_KIND_LABELS } from "@/lib/labels";
import { FollowedCities } from "./followed-cities";

/**
 * Everything under the heading of /me: the cities I follow and one feed of
 * what changed in them. The page rendered on the server and the cached shell
 * (app/shell/me) both draw it, from the same data (GET /api/me).
 */
export function MeView({ data: { after, cities, feed } }: { data: MyPageData }) {
  return (
    <>
      {cities.length === 0 ? (
        <div className="mt-6 rounded border border-dashed border-stone-300 bg-white p-6">
          <p className="font-medium">You do not follow any city yet.</p>
          <p className="mt-2">
            Pick one from the <Link href="/cities">city list</Link> and press “Follow”: what changes
            there will show up here.
          </p>
        </div>
      ) : (
        <section aria-labelledby="followed" className="mt-6">
          <h2 id="followed" className="text-xl font-bold">
            Cities you follow
          </h2>
          <FollowedCities cities={cities} />
        </section>
      )}

      <section aria-labelledby="feed" className="mt-10">
        <h2 id="feed" className="text-xl font-bold">
          What changed
        </h2>
        {feed.items.length === 0 ? (
          <p className="mt-2 text-stone-600">
            {after
              ? "Nothing older."
              : cities.length === 0
                ? "Follow a city to see its approved updates and profile changes here."
                : "Nothing has been approved for your cities yet. Their approved updates and profile changes will appear here."}
          </p>
        ) : (
          <ol aria-label="Feed" className="mt-3 space-y-3">
            {feed.items.map((item) => (
              <FeedEntry key={`${item.type}-${item.id}`} item={item} />
            ))}
          </ol>
        )}
        <nav aria-label="Pages" className="mt-4 flex gap-4">
          {after && <Link href="/me">Newest</Link>}
          {feed.next && <Link href={`/me?after=${feed.next}`}>Show older</Link>}
        </nav>
      </section>
    </>
  );
}

function FeedEntry({ item }: { item: FeedItem }) {
  return (
    <li className="rounded-lg border border-stone-200 bg-white p-4">
      <p className="text-sm text-stone-600">
        <Link href={`/cities/${item.city.slug}`}>{item.city.name}</Link> ·{" "}
        <time dateTime={item.at}>{formatDate(item.at)}</time> ·{" "}
        {item.type === "update" ? UPDATE_KIND_LABELS[item.kind] : "Profile change"}
      </p>
      {item.type === "update" ? (
        <Link href={`/updates/${item.id}`} className="mt-1 block font-semibold">
          {item.title}
        </Link>
      ) : (
        <Link
          href={`/cities/${item.city.slug}/history#revision-${item.id}`}
          className="mt-1 block font-semibold"
        >
          {item.kind === "revert" ? "Profile reverted" : "Profile updated"}:{" "}
          {item.fields.join(", ")}
        </Link>
      )}
    </li>
  );
}

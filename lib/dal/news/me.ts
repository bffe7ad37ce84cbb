import "server-only";
import { listFollowedCities } from "@/lib/dal/cities/follows";
import { listMyFeed, parseFeedCursor } from "./feed";

/** What /me shows: the cities I follow and a page of my feed (`after`: its cursor, kept if valid). */
export async function loadMyPage(after: string | undefined) {
  const cursor = after && parseFeedCursor(after) ? after : undefined;
  const [cities, feed] = await Promise.all([listFollowedCities(), listMyFeed(cursor)]);
  return {
    after: cursor ?? null,
    cities: cities.map(({ slug, name, state }) => ({ slug, name, state })),
    feed,
  };
}

export type MyPageData = Awaited<ReturnType<typeof loadMyPage>>;

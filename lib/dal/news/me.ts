import "server-only";
import { listFollowedCities } from "@/lib/dal/cities/follows";
import { listMyFeed, parseFeedCursor } from "./feed";

/** What /me shows: the cities I follow and a page of my feed (`after`: its cursor, if valid). */
export async function loadMyPage(after: string | undefined) {
  const cursor = after && parseFeedCursor(after) ? after : undefined;
  const [cities, feed] = await Promise.all([listFollowedCities(), listMyFeed(cursor)]);
  return {
    after: cursor,
    data: { cities: cities.map(({ slug, name, state }) => ({ slug, name, state })), feed },
  };
}

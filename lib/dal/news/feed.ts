import "server-only";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/current-user";
import { feedPage, parseFeedCursor, type FeedPage } from "./internal/feed-page";

export { parseFeedCursor, type FeedItem, type FeedPage } from "./internal/feed-page";

/**
 * One feed of what changed in the cities I follow: approved updates and
 * approved profile changes, newest first. Each list is keyset-paginated on
 * its own order; a page merges the next rows of both and the cursor records
 * where it stopped in each, so the last page costs what the first does.
 */
export async function listMyFeed(after?: string): Promise<FeedPage> {
  const me = await requireUser("read feed");
  return feedPage(await getDb(), me.id, parseFeedCursor(after));
}

import { countMyUnread } from "@/lib/dal/news/notifications";

/**
 * `{ "unread": 3 }`: how many notifications the visitor has not read (0 when
 * signed out). Pages are cached for everyone, so the header asks here.
 */
export async function GET() {
  const unread = await countMyUnread();
  return Response.json({ unread }, { headers: { "cache-control": "private, no-store" } });
}

import type { NextRequest } from "next/server";
import { loadQueuePage } from "@/lib/dal/moderation/queue-page";
import { personalJson } from "@/lib/http/personal-json";

/**
 * What /moderation shows a moderator: `?city=&kind=&after=` →
 * `{ filter, queue: { items, nextAfter, total, countsByKind, cityOptions,
 * moreCities }, reported }`. The page's cached shell asks here; 401 when
 * signed out, 403 without the moderator or admin role.
 */
export async function GET(request: NextRequest) {
  const raw = Object.fromEntries(request.nextUrl.searchParams);
  return personalJson(() => loadQueuePage(raw));
}

import type { NextRequest } from "next/server";
import { loadNotificationsPage } from "@/lib/dal/news/notifications-page";
import { personalJson } from "@/lib/http/personal-json";

/**
 * What /notifications shows: `?before=<id>` → `{ before, items, next }`,
 * newest first, 20 a page. The page's cached shell asks here; 401 when signed out.
 */
export async function GET(request: NextRequest) {
  const before = request.nextUrl.searchParams.get("before") ?? undefined;
  return personalJson(() => loadNotificationsPage(before));
}

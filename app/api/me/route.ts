import type { NextRequest } from "next/server";
import { loadMyPage } from "@/lib/dal/news/me";
import { personalJson } from "@/lib/http/personal-json";

/**
 * What /me shows the signed-in person: `?after=<feed cursor>` →
 * `{ after, cities: [{slug, name, state}], feed: { items, next } }`. The page's
 * cached shell (app/shell/me) asks here; 401 when signed out.
 */
export async function GET(request: NextRequest) {
  const after = request.nextUrl.searchParams.get("after") ?? undefined;
  return personalJson(() => loadMyPage(after));
}

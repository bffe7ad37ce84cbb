import type { NextRequest } from "next/server";
import { getFollowStates } from "@/lib/dal/cities/follows";
import { citySlugSchema } from "@/lib/validation/auth";

/**
 * Follow state of up to 50 cities for whoever asks: `?city=boston-ma&city=…`
 * → `{ "boston-ma": { "following": false, "followers": 3, "signedIn": false } }`.
 * Pages are cached for everyone, so the buttons ask here. Never cached.
 */
export async function GET(request: NextRequest) {
  const slugs = [...new Set(request.nextUrl.searchParams.getAll("city"))]
    .filter((s) => citySlugSchema.safeParse(s).success)
    .slice(0, 50);
  const states = await getFollowStates(slugs);
  return Response.json(states, { headers: { "cache-control": "private, no-store" } });
}

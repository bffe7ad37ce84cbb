import { connection } from "next/server";
import { listJurisdictionsCached } from "@/lib/cache/public-data";
import { mapDocument } from "./map-document";

/**
 * The SVG map that /map frames (next.config.ts lets only this site frame it).
 * Its data is the cached city list, so adding a place or changing its status
 * (which expires that list's tag) changes the map on the next request.
 */
export async function GET() {
  await connection(); // rendered at request time (the build has no database); data is cached
  const places = await listJurisdictionsCached();
  return new Response(mapDocument(places), {
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache" },
  });
}

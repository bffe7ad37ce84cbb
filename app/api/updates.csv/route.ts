import type { NextRequest } from "next/server";
import { exportPublishedUpdates } from "@/lib/dal/open-data/updates";
import { badRequest, csvResponse } from "@/lib/http/csv-response";
import { UPDATES_TABLE } from "@/lib/open-data/tables";
import { siteOrigin } from "@/lib/site-url";
import { parseQuery, updatesCsvQuerySchema } from "@/lib/validation/open-data";

/** Every published policy update as CSV, oldest first: `?city=boston-ma&kind=ordinance`. */
export async function GET(request: NextRequest) {
  const query = parseQuery(updatesCsvQuerySchema, request.nextUrl.searchParams);
  if (!query.ok) return badRequest(request, query.message);
  const batches = await exportPublishedUpdates(query.data);
  if (!batches) {
    return Response.json(
      { error: "not_found", message: `No city or county with slug "${query.data.city}".` },
      { status: 404, headers: { "cache-control": "no-store" } },
    );
  }
  return csvResponse(UPDATES_TABLE, batches, siteOrigin(request.nextUrl.origin));
}

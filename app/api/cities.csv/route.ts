import type { NextRequest } from "next/server";
import { exportCities } from "@/lib/dal/open-data/cities";
import { badRequest, csvResponse } from "@/lib/http/csv-response";
import { CITIES_TABLE } from "@/lib/open-data/tables";
import { siteOrigin } from "@/lib/site-url";
import { citiesCsvQuerySchema, parseQuery } from "@/lib/validation/open-data";

/** Every jurisdiction's profile as CSV, each field with its source and as-of date: `?state=CA`. */
export async function GET(request: NextRequest) {
  const query = parseQuery(citiesCsvQuerySchema, request.nextUrl.searchParams);
  if (!query.ok) return badRequest(request, query.message);
  return csvResponse(CITIES_TABLE, exportCities(query.data), siteOrigin(request.nextUrl.origin));
}

import "server-only";
import { logBadRequest, logError } from "@/lib/log";
import { csvStream } from "@/lib/open-data/csv";
import { LICENSE_LINK } from "@/lib/open-data/license";
import type { CsvTable } from "@/lib/open-data/tables";

/**
 * A CSV download streamed from the DAL's batches. The first batch is read
 * before answering, so a database that is down gives the usual 503, not a
 * 200 with a header line and nothing after it.
 */
export async function csvResponse<R>(
  table: CsvTable<R>,
  batches: AsyncGenerator<R[]>,
  origin: string,
): Promise<Response> {
  const first = await batches.next();
  const body = csvStream(
    table.header,
    (row: R) => table.values(row, origin),
    first,
    batches,
    (error) => logError(`${table.filename}: the download stopped part way`, error),
  );
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${table.filename}"`,
      "cache-control": "no-cache",
      link: LICENSE_LINK,
    },
  });
}

/** The API's 400: a JSON error with a sentence for the program's author, logged in one line. */
export function badRequest(request: Request, message: string): Response {
  logBadRequest(request.method, new URL(request.url).pathname, 400, message);
  return Response.json(
    { error: "bad_request", message },
    { status: 400, headers: { "cache-control": "no-store" } },
  );
}

import { conditionalJson } from "@/lib/http/conditional";
import { OPENAPI_DOCUMENT } from "@/lib/open-data/openapi";

// The document is fixed by the build: it last changed no later than this server started.
const LOADED_AT = Date.now();

/** The OpenAPI 3.1 description of /api (people read it at /docs/api). */
export function GET(request: Request) {
  return conditionalJson(request, OPENAPI_DOCUMENT, {
    lastModified: LOADED_AT,
    headers: { "cache-control": "no-cache" },
  });
}

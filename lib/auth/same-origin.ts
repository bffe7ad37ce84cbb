/**
 * Refuses a cross-site mutating request: the Origin (or, failing that, the
 * Referer) must name this host. Server actions get the same check from Next.
 * X-Forwarded-Host reaches here only from a trusted proxy: the server's edge
 * (lib/http/server-edge.mjs) drops it from anyone else.
 */
export function isSameOrigin(request: Request): boolean {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const source = request.headers.get("origin") ?? request.headers.get("referer");
  if (!host || !source) return false;
  try {
    return new URL(source).host === host;
  } catch {
    return false;
  }
}

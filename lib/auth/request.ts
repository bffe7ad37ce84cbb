/**
 * The client's IP for rate limits and logs: X-Forwarded-For, which the
 * server's edge (lib/http/server-edge.mjs) has set to the one address it
 * trusts: the socket's peer, or the client a trusted proxy (TRUSTED_PROXIES)
 * named. Whatever a direct client writes there never reaches this.
 */
export function clientIp(headers: { get(name: string): string | null }): string {
  const forwarded = headers.get("x-forwarded-for");
  return forwarded?.split(",")[0]?.trim() || "unknown";
}

/** Only same-origin relative paths: "/cities?x=1" yes; "//evil.example", "https://…" no. */
export function safeCallbackPath(raw: unknown, fallback = "/"): string {
  if (typeof raw !== "string" || !raw.startsWith("/") || raw.startsWith("//")) return fallback;
  try {
    const base = "http://citywatch.invalid";
    const url = new URL(raw, base);
    const path = `${url.pathname}${url.search}${url.hash}`;
    // Dot segments can normalise "/..//evil.example" into "//evil.example".
    if (url.origin !== base || path.startsWith("//") || path.startsWith("/\\")) return fallback;
    return path;
  } catch {
    return fallback;
  }
}

/** Where next-auth keeps a callbackUrl between requests (with and without HTTPS). */
const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

/** next-auth's own test of a callbackUrl (core/lib/assert): a path, or an http(s) URL. */
function nextAuthAccepts(url: string): boolean {
  try {
    const base = url.startsWith("/") ? "http://citywatch.invalid" : undefined;
    return /^https?:/.test(new URL(url, base).protocol);
  } catch {
    return false;
  }
}

type CallbackSource = { in: "query" } | { in: "cookie"; cookie: string };

/**
 * A callbackUrl that next-auth would refuse with a 500 before reading
 * anything else: in the query string, or in its callback-url cookie.
 */
export function badCallbackUrl(request: {
  nextUrl: URL;
  cookies: { get(name: string): { value: string } | undefined };
}): CallbackSource | null {
  if (request.nextUrl.searchParams.getAll("callbackUrl").some((u) => u && !nextAuthAccepts(u))) {
    return { in: "query" };
  }
  for (const cookie of CALLBACK_COOKIES) {
    const value = request.cookies.get(cookie)?.value;
    if (value && !nextAuthAccepts(value)) return { in: "cookie", cookie };
  }
  return null;
}

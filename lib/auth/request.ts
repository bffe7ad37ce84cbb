/**
 * The client's IP for rate limits: the first X-Forwarded-For entry. Next sets
 * it from the socket when absent; in production run behind a proxy that
 * overwrites it, or a client could choose its own (per-account limits hold
 * either way).
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

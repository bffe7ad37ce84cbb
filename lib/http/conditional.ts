import { createHash } from "node:crypto";

/*
 * Conditional GETs for public JSON (RFC 9110 §13): a weak ETag from a hash of
 * the body, a Last-Modified, and 304 Not Modified when the client's copy is
 * current, so a poller pays for a few headers instead of the whole body.
 */

/** A weak validator: the same JSON gives the same tag on every instance. */
export function weakEtag(body: string): string {
  return `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** Whether an If-None-Match header names this ETag (weak comparison; `*` names any). */
export function etagMatches(ifNoneMatch: string, etag: string): boolean {
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  const mine = opaque(etag);
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === mine);
}

/** Whether the resource is unchanged for this request (If-None-Match wins over If-Modified-Since). */
export function notModified(
  headers: Headers,
  validators: { etag: string; lastModified?: number },
): boolean {
  const ifNoneMatch = headers.get("if-none-match");
  if (ifNoneMatch !== null) return etagMatches(ifNoneMatch, validators.etag);
  const ifModifiedSince = headers.get("if-modified-since");
  if (ifModifiedSince === null || validators.lastModified === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  // An HTTP date has whole seconds; a date that does not parse is ignored (RFC 9110 §13.1.3).
  return Number.isFinite(since) && Math.floor(validators.lastModified / 1000) * 1000 <= since;
}

/**
 * `Response.json(data)` with ETag and Last-Modified (`lastModified` in
 * milliseconds: when what the body says last changed, or a later time), or an
 * empty 304 carrying the same validators and headers when the client's copy
 * is current. Only GET and HEAD are answered 304.
 */
export function conditionalJson(
  request: Request,
  data: unknown,
  options: { lastModified?: number; headers?: Record<string, string> } = {},
): Response {
  const body = JSON.stringify(data);
  const headers = new Headers(options.headers);
  const etag = weakEtag(body);
  headers.set("etag", etag);
  if (options.lastModified !== undefined) {
    headers.set("last-modified", new Date(options.lastModified).toUTCString());
  }
  const safe = request.method === "GET" || request.method === "HEAD";
  if (safe && notModified(request.headers, { etag, lastModified: options.lastModified })) {
    return new Response(null, { status: 304, headers });
  }
  headers.set("content-type", "application/json");
  return new Response(body, { headers });
}

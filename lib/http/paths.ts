/**
 * Why a raw (still percent-encoded) URL path cannot name anything here, or
 * null when it may. Next decodes each dynamic segment with
 * decodeURIComponent: a bad escape (`%ff`, `%E0%A4`) makes it throw, and the
 * 400 it means to answer needs a Pages Router error page this app does not
 * have, so the answer is a bare 500. A control character (`%00`) decodes, but
 * Postgres refuses NUL in text, so the query behind the page fails. No route
 * here has a use for either.
 */
export function badPathReason(pathname: string): string | null {
  if (!pathname.includes("%")) return null;
  for (const segment of pathname.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return "malformed percent-escape in the path";
    }
    if (/\p{Cc}/u.test(decoded)) return "control character in the path";
  }
  return null;
}

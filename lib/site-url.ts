/**
 * The site's public origin for links that leave the page (feeds, emails):
 * NEXTAUTH_URL when set, else the request's origin, else localhost:PORT.
 */
export function siteOrigin(requestOrigin?: string): string {
  return (
    process.env.NEXTAUTH_URL?.replace(/\/+$/, "") ||
    requestOrigin ||
    `http://localhost:${process.env.PORT || 3000}`
  );
}

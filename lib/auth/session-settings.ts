/** How long a session lasts unused, as next-auth is told in lib/auth/options.ts. */
export const SESSION_MAX_AGE = 30 * 24 * 60 * 60;

/**
 * next-auth's cookie names: the `__Secure-` one when the site is served over
 * HTTPS (NEXTAUTH_URL), as next-auth itself decides.
 */
export const SESSION_COOKIES = {
  secure: "__Secure-next-auth.session-token",
  plain: "next-auth.session-token",
} as const;

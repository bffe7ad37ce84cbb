import type { Role } from "@/lib/enums";

/*
 * Signed-in pages served as a cached shell. The shell (everything but the
 * person's own data) is one static page for everyone, served from the cache;
 * a client component in it asks an API route for the personal part. The
 * proxy (proxy.ts) picks the shell for a browser that runs scripts and whose
 * session cookie names a role the page allows; everyone else (no scripts,
 * signed out, the wrong role, an old cookie) gets the page rendered on the
 * server, which redirects or refuses as before. The API routes check the
 * session against the database on every request (the DAL), so the cookie
 * only chooses which of two equivalent pages to send.
 */

/** Set by every page's scripts (components/scripts-cookie.tsx): this browser runs JavaScript. */
export const SCRIPTS_COOKIE = "cw-js";

/** `?plain=1` asks for the page rendered on the server (the shells' <noscript> link). */
export const PLAIN_PARAM = "plain";

type Shell = { shell: string; roles: readonly Role[] | null };

export const SHELLS: Readonly<Record<string, Shell>> = {
  "/me": { shell: "/shell/me", roles: null },
  "/notifications": { shell: "/shell/notifications", roles: null },
  "/moderation": { shell: "/shell/moderation", roles: ["moderator", "admin"] },
};

export type ShellRequest = {
  method: string;
  pathname: string;
  /** The request is a server action call from Next's client (header `next-action`). */
  action: boolean;
  scripts: boolean;
  plain: boolean;
  /** The role the session cookie names; null when there is no valid session cookie. */
  role: string | null;
};

/** The shell's path to rewrite this request to, or null to render the page on the server. */
export function shellFor(request: ShellRequest): string | null {
  const page = SHELLS[request.pathname];
  if (!page || !request.scripts || request.plain || request.role === null) return null;
  const reads = request.method === "GET" || request.method === "HEAD";
  // A server action called from the shell re-renders the shell, the tree its page has.
  if (!reads && !(request.method === "POST" && request.action)) return null;
  if (page.roles && !page.roles.includes(request.role as Role)) return null;
  return page.shell;
}

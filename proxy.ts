import { NextResponse, type NextRequest } from "next/server";
import { cookieRole } from "@/lib/auth/cookie-token";
import { accountChangedSince } from "@/lib/cache/account-changes";
import { isSameOrigin } from "@/lib/auth/same-origin";
import { checkActionRequest } from "@/lib/http/action-request";
import { badPathReason } from "@/lib/http/paths";
import { logBadRequest } from "@/lib/log";
import { PLAIN_PARAM, SCRIPTS_COOKIE, SHELLS, shellFor } from "@/lib/pages/shells";

/*
 * Requests Next would answer with a 500 and a stack trace, answered here with
 * a 4xx and one log line instead. Authorization is not done here (STYLE.md):
 * this only refuses what no route can serve, and picks a signed-in page's
 * cached shell (lib/pages/shells.ts). The matcher below runs it for four
 * kinds of request only, so a public page view never pays for it.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");

  const pathProblem = badPathReason(pathname);
  if (pathProblem) {
    logBadRequest(request.method, pathname, isApi ? 400 : 404, pathProblem);
    if (isApi) {
      return Response.json(
        { error: "bad_request", message: "That address is not valid." },
        { status: 400 },
      );
    }
    if (request.method !== "GET" && request.method !== "HEAD") {
      return new NextResponse("That address is not valid.", { status: 400 });
    }
    // The site's own "Page not found", with its layout and a 404: no route has this path.
    return NextResponse.rewrite(new URL("/_bad-address", request.url));
  }

  if (request.method !== "POST") return (await shellRewrite(request)) ?? NextResponse.next();
  const isFetchAction = request.headers.has("next-action");
  const isFormPost = request.headers.get("content-type")?.startsWith("multipart/form-data");
  // Next refuses a cross-site action as well, but by throwing: a 500 for the caller. A form
  // post without an Origin header passes, as Next lets it (browsers send one with every POST).
  const crossSite = isFetchAction
    ? !isSameOrigin(request)
    : !isApi && isFormPost && request.headers.has("origin") && !isSameOrigin(request);
  if (crossSite) {
    logBadRequest(request.method, pathname, 403, "cross-site action request");
    return new NextResponse("Cross-site request refused.", { status: 403 });
  }
  if (isApi) return NextResponse.next();

  const check = await checkActionRequest(request);
  if (check.ok) return (await shellRewrite(request)) ?? NextResponse.next();
  logBadRequest(request.method, pathname, check.status, check.reason);
  if (isFetchAction) {
    // A program sent this (Next's client sends nothing like it): the API routes' error shape.
    return Response.json(
      { error: check.status === 413 ? "too_large" : "bad_request", message: check.reason },
      { status: check.status },
    );
  }
  // A form posted without JavaScript: a person reads this.
  return new NextResponse(refusalPage(check.status), {
    status: check.status,
    headers: { "content-type": "text/html; charset=utf-8" },
  });
}

/**
 * The role the session cookie names, unless an admin changed the person's role
 * or banned them since it was issued (or this instance cannot tell): then
 * null, and the page is rendered on the server, which reads the account.
 */
async function currentCookieRole(request: NextRequest): Promise<string | null> {
  const claims = await cookieRole(request.cookies);
  if (!claims || accountChangedSince(claims.userId, claims.issuedAt)) return null;
  return claims.role;
}

/** The signed-in page's cached shell, when this request may have it; null otherwise. */
async function shellRewrite(request: NextRequest): Promise<NextResponse | null> {
  const { pathname, searchParams } = request.nextUrl;
  if (!SHELLS[pathname]) return null;
  const scripts = request.cookies.get(SCRIPTS_COOKIE)?.value === "1";
  const plain = searchParams.has(PLAIN_PARAM);
  const shell = shellFor({
    method: request.method,
    pathname,
    action: request.headers.has("next-action"),
    scripts,
    plain,
    role: scripts ? await currentCookieRole(request) : null,
  });
  if (!shell) {
    if (!scripts || !plain) return null;
    // The shell's <noscript> link: this browser does not run scripts after all.
    const response = NextResponse.next();
    response.cookies.delete(SCRIPTS_COOKIE);
    return response;
  }
  const url = request.nextUrl.clone();
  url.pathname = shell;
  const response = NextResponse.rewrite(url);
  // The shell is the same for everyone, but this address answers each browser differently;
  // no-store also keeps it, with the data drawn into it, out of the back/forward cache.
  response.headers.set("cache-control", "private, no-store");
  response.headers.set("vary", "cookie");
  return response;
}

function refusalPage(status: 400 | 413): string {
  const [title, advice] =
    status === 413
      ? ["That form is too large to send", "Go back, shorten what you wrote, and send it again."]
      : ["That form could not be read", "Go back to the page and send the form again."];
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title} · CityWatch</title></head><body><main><h1>${title}</h1><p>${advice}</p><p><a href="/">CityWatch home page</a></p></main></body></html>`;
}

export const config = {
  matcher: [
    // Server action calls from Next's client, on any path.
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    // Form posts, which Next decodes as possible server actions (not API routes).
    {
      source: "/((?!api/).*)",
      has: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }],
    },
    // Paths with a percent-escape, which may not decode.
    "/(.*%.*)",
    // The signed-in pages with a cached shell (lib/pages/shells.ts).
    "/me",
    "/notifications",
    "/moderation",
  ],
};

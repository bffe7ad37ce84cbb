import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { badCallbackUrl } from "@/lib/auth/request";
import { isSameOrigin } from "@/lib/auth/same-origin";
import { logBadRequest } from "@/lib/log";

type Ctx = { params: Promise<{ nextauth: string[] }> };

const handler = NextAuth(authOptions);

/**
 * next-auth checks the callbackUrl parameter and cookie before anything else
 * and answers 500, with a stack in the log, when one is not an http(s) URL or
 * a path ("foo"). That is the caller's mistake: a 400 here, and the cookie
 * (which only a hand-made request can spoil) is cleared so the next request works.
 */
function refuseBadCallbackUrl(request: NextRequest): Response | null {
  const bad = badCallbackUrl(request);
  if (!bad) return null;
  logBadRequest(request.method, request.nextUrl.pathname, 400, `invalid callbackUrl ${bad.in}`);
  const response = Response.json(
    { error: "bad_request", message: "callbackUrl must be a path on this site or a URL." },
    { status: 400 },
  );
  if (bad.in === "cookie") {
    response.headers.append(
      "set-cookie",
      `${bad.cookie}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${bad.cookie.startsWith("__Secure-") ? "; Secure" : ""}`,
    );
  }
  return response;
}

export function GET(request: NextRequest, ctx: Ctx) {
  return refuseBadCallbackUrl(request) ?? handler(request, ctx);
}

/** Sign-in and sign-out posts: next-auth checks its CSRF token; we also refuse other origins. */
export function POST(request: NextRequest, ctx: Ctx) {
  if (!isSameOrigin(request)) {
    console.warn(
      `[auth] ${new Date().toISOString()} refused cross-origin POST to ${new URL(request.url).pathname}`,
    );
    return Response.json(
      { error: "cross_origin", message: "Cross-origin requests are refused." },
      { status: 403 },
    );
  }
  return refuseBadCallbackUrl(request) ?? handler(request, ctx);
}

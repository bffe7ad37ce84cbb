import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { isSameOrigin } from "@/lib/auth/same-origin";

type Ctx = { params: Promise<{ nextauth: string[] }> };

const handler = NextAuth(authOptions);

export function GET(request: Request, ctx: Ctx) {
  return handler(request, ctx);
}

/** Sign-in and sign-out posts: next-auth checks its CSRF token; we also refuse other origins. */
export function POST(request: Request, ctx: Ctx) {
  if (!isSameOrigin(request)) {
    console.warn(
      `[auth] ${new Date().toISOString()} refused cross-origin POST to ${new URL(request.url).pathname}`,
    );
    return Response.json(
      { error: "cross_origin", message: "Cross-origin requests are refused." },
      { status: 403 },
    );
  }
  return handler(request, ctx);
}

import { NextResponse, type NextRequest } from "next/server";
import { isSameOrigin } from "@/lib/auth/same-origin";

/**
 * Cross-site server action calls. Next refuses them as well, but by throwing:
 * the caller gets a 500 and the log a stack trace. This answers 403 first.
 * The matcher runs it only for server action requests, so page views pay nothing.
 */
export function proxy(request: NextRequest) {
  if (request.method === "POST" && !isSameOrigin(request)) {
    return new NextResponse("Cross-site request refused.", { status: 403 });
  }
  return NextResponse.next();
}

export const config = {
  matcher: [{ source: "/:path*", has: [{ type: "header", key: "next-action" }] }],
};

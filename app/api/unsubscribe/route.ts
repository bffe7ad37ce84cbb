import type { NextRequest } from "next/server";
import { unsubscribeWithToken } from "@/lib/dal/news/email-settings";
import { refused } from "@/lib/actions/result";

/**
 * RFC 8058 one-click unsubscribe: mail clients POST
 * `List-Unsubscribe=One-Click` to the List-Unsubscribe URL's token here,
 * with no cookies and from their own servers. The signed token is the only
 * permission, so no origin check applies.
 */
export async function POST(request: NextRequest) {
  const token = request.nextUrl.searchParams.get("token") ?? "";
  const result = await unsubscribeWithToken(token.slice(0, 200));
  return Response.json(
    result.ok ? { unsubscribed: true } : { error: refused(result.refusal).formError },
    {
      status: result.ok ? 200 : 400,
      headers: { "cache-control": "no-store" },
    },
  );
}

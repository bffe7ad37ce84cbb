import { type NextRequest, NextResponse } from "next/server";
import { verifyEmail } from "@/lib/dal/people/email-verification";
import { linkTokenSchema } from "@/lib/validation/password-reset";

/**
 * The link in the verification email: opening it confirms the address (the
 * token is the permission), then shows the outcome on /verify-email/done.
 */
export async function GET(request: NextRequest) {
  const token = linkTokenSchema.safeParse(request.nextUrl.searchParams.get("token"));
  const result = token.success
    ? await verifyEmail(token.data)
    : ({ ok: false, refusal: { code: "bad_link", problem: "invalid_link" } } as const);
  const outcome = result.ok
    ? "verified"
    : result.refusal.code === "bad_link"
      ? result.refusal.problem
      : "invalid_link";
  // Relative to the request: the page is on this same site, whatever NEXTAUTH_URL says.
  return NextResponse.redirect(new URL(`/verify-email/done?result=${outcome}`, request.url), 303);
}

import { type NextRequest, NextResponse } from "next/server";
import { confirmEmailChange } from "@/lib/dal/people/email-verification";
import { linkTokenSchema } from "@/lib/validation/password-reset";

/**
 * The link emailed to a new address: opening it makes the address the
 * account's (the token is the permission), then shows the outcome.
 */
export async function GET(request: NextRequest) {
  const token = linkTokenSchema.safeParse(request.nextUrl.searchParams.get("token"));
  const result = token.success
    ? await confirmEmailChange(token.data)
    : ({ ok: false, refusal: { code: "bad_link", problem: "invalid_link" } } as const);
  const outcome = result.ok
    ? "changed"
    : result.refusal.code === "bad_link"
      ? result.refusal.problem
      : result.refusal.code === "email_taken"
        ? "email_taken"
        : "invalid_link";
  return NextResponse.redirect(
    new URL(`/verify-email/done?result=${outcome}&for=change`, request.url),
    303,
  );
}

import "server-only";
import { verifyCredentials, type SignedInUser } from "@/lib/dal/people/auth";
import type { DalResult } from "@/lib/refusals";
import type { SignInInput } from "@/lib/validation/auth";
import { startSession } from "./session-cookie";

/**
 * Checks an email and password (under the sign-in limits) and, when they are
 * right, starts this browser's session. Refusals say why in reason codes.
 */
export async function signInWith(input: SignInInput, ip: string): Promise<DalResult<SignedInUser>> {
  const result = await verifyCredentials(input, ip);
  if (result.ok) {
    await startSession(result.user);
    return { ok: true, data: result.user };
  }
  if (result.reason === "rate_limited") {
    return {
      ok: false,
      refusal: {
        code: "rate_limited",
        limit: "sign_ins",
        retryAfterSeconds: result.retryAfterSeconds,
      },
    };
  }
  return {
    ok: false,
    refusal: { code: result.reason === "banned" ? "account_banned" : "wrong_credentials" },
  };
}

import "server-only";
import { headers } from "next/headers";
import { verifyCredentials, type SignedInUser } from "@/lib/dal/people/auth";
import { openSession } from "@/lib/dal/people/sessions";
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
    const userAgent = (await headers()).get("user-agent") ?? "";
    await startSession(result.user, await openSession(result.user, { userAgent, ip }));
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
  if (result.reason === "banned") return { ok: false, refusal: { code: "account_banned" } };
  return {
    ok: false,
    refusal: { code: "wrong_credentials", retryAfterSeconds: result.retryAfterSeconds },
  };
}

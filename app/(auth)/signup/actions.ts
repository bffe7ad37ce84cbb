"use server";

import { headers } from "next/headers";
import { success, type ActionResult } from "@/lib/actions/result";
import { runAction } from "@/lib/actions/run";
import { clientIp } from "@/lib/auth/request";
import { createAccount } from "@/lib/dal/people/auth";
import { describeRetry } from "@/lib/messages/retry";
import { signUpSchema } from "@/lib/validation/auth";

/** Creates an account; the answer is the same whether or not the email is already registered. */
export async function signUp(input: unknown): Promise<ActionResult> {
  return runAction(signUpSchema, input, async (data) => {
    const result = await createAccount(data, clientIp(await headers()));
    if (result.ok) return success(null);
    return {
      ok: false,
      formError: `Too many new accounts from your network. Try again ${describeRetry(result.retryAfterSeconds)}.`,
    };
  });
}

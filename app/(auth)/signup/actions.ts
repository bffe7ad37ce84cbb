"use server";

import { headers } from "next/headers";
import type { ActionResult } from "@/lib/actions/result";
import { runAction } from "@/lib/actions/run";
import { clientIp } from "@/lib/auth/request";
import { createAccount } from "@/lib/dal/people/auth";
import { signUpSchema } from "@/lib/validation/auth";

/** Creates an account; the answer is the same whether or not the email is already registered. */
export async function signUp(input: unknown): Promise<ActionResult> {
  return runAction(signUpSchema, input, async (data) =>
    createAccount(data, clientIp(await headers())),
  );
}

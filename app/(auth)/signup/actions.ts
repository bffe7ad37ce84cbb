"use server";

import { headers } from "next/headers";
import { goTo, runForm, takeCallbackPath } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/form-state";
import { clientIp } from "@/lib/auth/request";
import { createAccount } from "@/lib/dal/people/auth";
import { signUpSchema } from "@/lib/validation/auth";

/**
 * Creates an account and emails a link to confirm its address (or, when the
 * address has an account already, tells its owner so). Either way the page
 * that follows is the same "check your email", and nobody is signed in.
 */
export async function signUp(_state: FormState, formData: FormData): Promise<FormState> {
  const callbackPath = takeCallbackPath(formData);
  const ip = clientIp(await headers());
  return runForm(signUpSchema, formData, (data) => createAccount(data, ip), {
    secrets: ["password"],
    done: () => goTo(`/check-email?callbackUrl=${encodeURIComponent(callbackPath)}`),
  });
}

"use server";

import { headers } from "next/headers";
import { goTo, runForm, takeCallbackPath } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/form-state";
import { clientIp } from "@/lib/auth/request";
import { signInWith } from "@/lib/auth/sign-in";
import { createAccount } from "@/lib/dal/people/auth";
import { signUpSchema } from "@/lib/validation/auth";

/**
 * Creates an account and signs its owner in. The account step answers the
 * same whether or not the email is already registered; only signing in with
 * the password typed can tell, as it would on the sign-in page.
 */
export async function signUp(_state: FormState, formData: FormData): Promise<FormState> {
  const callbackPath = takeCallbackPath(formData);
  const ip = clientIp(await headers());
  return runForm(
    signUpSchema,
    formData,
    async (data) => {
      const created = await createAccount(data, ip);
      if (!created.ok) return created;
      const signedIn = await signInWith({ email: data.email, password: data.password }, ip);
      if (signedIn.ok || signedIn.refusal.code === "rate_limited") return signedIn;
      return { ok: false, refusal: { code: "signed_up_not_signed_in" } };
    },
    { secrets: ["password"], done: () => goTo(callbackPath, { reload: true }) },
  );
}

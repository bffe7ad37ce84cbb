"use server";

import { headers } from "next/headers";
import { runForm, saved } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/form-state";
import { clientIp } from "@/lib/auth/request";
import { requestPasswordReset } from "@/lib/dal/people/password-reset";
import { forgotPasswordSchema } from "@/lib/validation/password-reset";

/** Emails a reset link if the address has an account; the answer is the same if not. */
export async function forgotPasswordAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const ip = clientIp(await headers());
  return runForm(forgotPasswordSchema, formData, (data) => requestPasswordReset(data, ip), {
    done: () =>
      saved(
        "If an account uses that address, we have emailed it a link to reset the password. The link works for one hour.",
      ),
  });
}

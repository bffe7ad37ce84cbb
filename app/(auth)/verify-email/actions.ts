"use server";

import { z } from "zod";
import { runForm, saved } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/form-state";
import { resendVerificationEmail } from "@/lib/dal/people/email-verification";

/** The banner's "Resend verification email": a new link to the signed-in person's address. */
export async function resendVerificationAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runForm(z.strictObject({}), formData, () => resendVerificationEmail(), {
    done: ({ to }) => saved(`We sent a new link to ${to}. It works for 24 hours.`),
  });
}

"use server";

import { runForm, saved } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/form-state";
import { unsubscribeWithToken } from "@/lib/dal/news/email-settings";
import { unsubscribeSchema } from "@/lib/validation/notifications";

/** Stops every email to the person the token names; the token travels in the form, never a URL. */
export async function unsubscribeAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runForm(unsubscribeSchema, formData, ({ token }) => unsubscribeWithToken(token), {
    secrets: ["token"],
    done: () => saved("You are unsubscribed."),
  });
}

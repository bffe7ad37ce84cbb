"use server";

import { formFields, runForm, saved } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/form-state";
import { claimSubmission, decideSubmission } from "@/lib/dal/moderation/decisions";
import { setUpdateVisibility } from "@/lib/dal/moderation/update-visibility";
import { decisionFormSchema, reviewRefSchema, visibilitySchema } from "@/lib/validation/moderation";

/*
 * The review page's forms. Without JavaScript Next renders the page again
 * after each, so it shows the item's new state (claimed, decided, hidden);
 * once hydrated the forms refresh it.
 */

export async function claimAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runForm(reviewRefSchema, formData, claimSubmission, {
    done: () => saved("You are reviewing this item."),
  });
}

/** Approve, or reject with a reason (a common one, words of one's own, or both). */
export async function decideAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runForm(decisionFormSchema, formData, decideSubmission, {
    done: () => saved("Decided."),
  });
}

export async function visibilityAction(_state: FormState, formData: FormData): Promise<FormState> {
  const restore = formFields(formData).action === "restore";
  return runForm(visibilitySchema, formData, setUpdateVisibility, {
    done: () =>
      saved(restore ? "The update is public again." : "The update is hidden from the public."),
  });
}

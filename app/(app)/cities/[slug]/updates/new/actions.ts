"use server";

import { idempotencyKey, runForm, saved } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/form-state";
import { submitUpdate } from "@/lib/dal/submissions/updates";
import { citySlugSchema } from "@/lib/validation/auth";
import { safeParseInput } from "@/lib/validation/parse";
import { submitUpdateSchema } from "@/lib/validation/update";

/**
 * Sends a policy update for review. The city comes from the page (bound),
 * checked apart from the form; the form's key makes a second send of it
 * answer with the first update.
 */
export async function submitUpdateAction(
  citySlug: unknown,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const key = idempotencyKey(formData);
  return runForm(
    submitUpdateSchema,
    formData,
    async (data) => {
      const slug = safeParseInput(citySlugSchema, citySlug);
      if (!slug.success) return { ok: false, refusal: { code: "no_such_city" } };
      return submitUpdate(slug.data, data, key);
    },
    { done: () => saved("Thank you: your update was sent for review.") },
  );
}

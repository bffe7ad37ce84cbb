"use server";

import { idempotencyKey, runForm, saved } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/form-state";
import { proposeEdit } from "@/lib/dal/submissions/profile-edits";
import { citySlugSchema } from "@/lib/validation/auth";
import { safeParseInput } from "@/lib/validation/parse";
import { profileEditSchema } from "@/lib/validation/profile-edit";

/**
 * Sends a proposed profile edit for review. The city comes from the page
 * (bound), checked apart from the form; the form's key makes a second send
 * of it answer with the first edit.
 */
export async function proposeEditAction(
  citySlug: unknown,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const key = idempotencyKey(formData);
  return runForm(
    profileEditSchema,
    formData,
    async (data) => {
      const slug = safeParseInput(citySlugSchema, citySlug);
      if (!slug.success) return { ok: false, refusal: { code: "no_such_city" } };
      return proposeEdit(slug.data, data, key);
    },
    { done: () => saved("Thank you: your edit was sent for review.") },
  );
}

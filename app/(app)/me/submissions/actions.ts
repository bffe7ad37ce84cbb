"use server";

import { runForm, saved } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/form-state";
import { reviseEdit } from "@/lib/dal/submissions/profile-edits";
import { withdrawSubmission } from "@/lib/dal/submissions/my-submissions";
import { reviseUpdate } from "@/lib/dal/submissions/updates";
import { idSchema, reviewRefSchema } from "@/lib/validation/moderation";
import { safeParseInput } from "@/lib/validation/parse";
import { profileEditSchema } from "@/lib/validation/profile-edit";
import { submitUpdateSchema } from "@/lib/validation/update";

/** Withdraws my pending submission or proposed jurisdiction: moderators no longer see it. */
export async function withdrawAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runForm(reviewRefSchema, formData, withdrawSubmission, {
    done: () => saved("Withdrawn."),
  });
}

/** The submission and the version being revised come from the page, checked apart from the form. */
function parseTarget(id: unknown, version: unknown) {
  const ids = [safeParseInput(idSchema, id), safeParseInput(idSchema, version)] as const;
  return ids[0].success && ids[1].success ? { id: ids[0].data, version: ids[1].data } : null;
}

export async function reviseUpdateAction(
  id: unknown,
  version: unknown,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runForm(
    submitUpdateSchema,
    formData,
    async (data) => {
      const target = parseTarget(id, version);
      if (!target) return { ok: false, refusal: { code: "no_such_submission_of_yours" } };
      return reviseUpdate(target.id, target.version, data);
    },
    { done: () => saved("Your new version was sent for review.") },
  );
}

export async function reviseEditAction(
  id: unknown,
  version: unknown,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runForm(
    profileEditSchema,
    formData,
    async (data) => {
      const target = parseTarget(id, version);
      if (!target) return { ok: false, refusal: { code: "no_such_submission_of_yours" } };
      return reviseEdit(target.id, target.version, data);
    },
    { done: () => saved("Your new version was sent for review.") },
  );
}

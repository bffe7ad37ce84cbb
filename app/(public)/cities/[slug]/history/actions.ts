"use server";

import { runForm, saved } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/form-state";
import { revertProfile } from "@/lib/dal/profile/history";
import { revertSchema } from "@/lib/validation/moderation";

/** Moderators only: the DAL refuses everyone else. */
export async function revertAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runForm(revertSchema, formData, revertProfile, {
    done: ({ revisionId }) => saved(`Reverted: revision ${revisionId} records it.`),
  });
}

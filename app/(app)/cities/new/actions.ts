"use server";

import { idempotencyKey, runForm, saved } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/form-state";
import { proposeJurisdiction } from "@/lib/dal/submissions/jurisdiction-proposals";
import { jurisdictionProposalSchema } from "@/lib/validation/jurisdiction-proposal";

/** Sends a proposed jurisdiction for review; the form's key makes a second send answer with the first. */
export async function proposeJurisdictionAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const key = idempotencyKey(formData);
  return runForm(jurisdictionProposalSchema, formData, (data) => proposeJurisdiction(data, key), {
    done: () => saved("Thank you: your proposal was sent for review."),
  });
}

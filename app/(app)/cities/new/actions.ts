"use server";

import { idempotencyKey, runForm, saved } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/form-state";
import { proposeJurisdiction } from "@/lib/dal/submissions/jurisdiction-proposals";
import { jurisdictionProposalServerSchema } from "@/lib/validation/jurisdiction-proposal-server";

/** Sends a proposed jurisdiction for review; the form's key makes a second send answer with the first. */
export async function proposeJurisdictionAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const key = idempotencyKey(formData);
  return runForm(
    jurisdictionProposalServerSchema,
    formData,
    (data) => proposeJurisdiction(data, key),
    {
      done: () => saved("Thank you: your proposal was sent for review."),
    },
  );
}

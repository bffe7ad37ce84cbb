"use server";

import { goTo, runForm } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/form-state";
import { readResetLink, resetPassword } from "@/lib/dal/people/password-reset";
import { describeRefusal } from "@/lib/messages/refusals";
import { linkTokenSchema, resetPasswordSchemaFor } from "@/lib/validation/password-reset";

/**
 * Sets a new password with a reset link, then sends the person to sign in
 * with it. The password rule refuses the account's name and email, which
 * come from the link's account (the DAL's read), not from the form.
 */
export async function resetPasswordAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const token = linkTokenSchema.safeParse(formData.get("token"));
  const owner = token.success ? await readResetLink(token.data) : null;
  if (owner && !owner.ok && owner.refusal.code === "bad_link") {
    return { ok: false, formError: describeRefusal(owner.refusal), values: {} };
  }
  const schema = resetPasswordSchemaFor(owner?.ok ? owner.data : {});
  return runForm(schema, formData, resetPassword, {
    secrets: ["newPassword"],
    done: () => goTo("/login?notice=password-reset", { reload: true }),
  });
}

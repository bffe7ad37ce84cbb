"use client";

import { Field, inputClass } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { forgotPasswordSchema, type ForgotPasswordInput } from "@/lib/validation/password-reset";
import { forgotPasswordAction } from "../actions";

/** Posts to a server action, so it works before JavaScript loads and without it. */
export function ForgotPasswordForm() {
  const { form, state, pending, action, formProps, errorOf, valueOf } =
    useActionForm<ForgotPasswordInput>(forgotPasswordSchema, forgotPasswordAction);
  return (
    <form
      action={action}
      {...formProps}
      className="mt-6 flex flex-col gap-4 rounded-lg border border-stone-200 bg-white p-5"
    >
      <FormAlert error={state.formError} success={state.notice} />
      <Field id="email" label="Email" error={errorOf("email")}>
        {(aria) => (
          <input
            {...aria}
            {...form.register("email")}
            defaultValue={valueOf("email")}
            type="email"
            autoComplete="email"
            className={inputClass}
          />
        )}
      </Field>
      <SubmitButton pending={pending} pendingText="Sending…">
        Send reset link
      </SubmitButton>
    </form>
  );
}

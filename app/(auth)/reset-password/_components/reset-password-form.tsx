"use client";

import { useMemo } from "react";
import { Field, inputClass } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { PasswordStrength } from "@/components/forms/password-strength";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { resetPasswordSchemaFor, type ResetPasswordInput } from "@/lib/validation/password-reset";
import { resetPasswordAction } from "../actions";

type Props = { token: string; name: string; email: string };

/** `name` and `email` are the account's: the new password must not contain them. */
export function ResetPasswordForm({ token, name, email }: Props) {
  const schema = useMemo(() => resetPasswordSchemaFor({ name, email }), [name, email]);
  const { form, state, pending, action, formProps, errorOf } = useActionForm<ResetPasswordInput>(
    schema,
    resetPasswordAction,
  );
  const error = errorOf("newPassword");
  return (
    <form
      action={action}
      {...formProps}
      className="mt-6 flex flex-col gap-4 rounded-lg border border-stone-200 bg-white p-5"
    >
      <FormAlert error={state.formError} />
      <input type="hidden" {...form.register("token")} value={token} />
      {/* The browser fills it in for the password manager; it is not sent. */}
      <input type="hidden" autoComplete="username" value={email} readOnly />
      <Field
        id="newPassword"
        label="New password"
        error={error}
        hint="At least 8 characters and hard to guess. Setting it signs you out everywhere."
        status={
          <PasswordStrength
            id="newPassword-strength"
            control={form.control}
            name="newPassword"
            ownerName={name}
            ownerEmail={email}
            quiet={Boolean(error)}
          />
        }
      >
        {(aria) => (
          <input
            {...aria}
            {...form.register("newPassword")}
            type="password"
            autoComplete="new-password"
            className={inputClass}
          />
        )}
      </Field>
      <SubmitButton pending={pending} pendingText="Setting password…">
        Set new password
      </SubmitButton>
    </form>
  );
}

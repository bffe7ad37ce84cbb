"use client";

import { useMemo } from "react";
import { Field, inputClass } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { PasswordStrength } from "@/components/forms/password-strength";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { changePasswordSchemaFor, type ChangePasswordInput } from "@/lib/validation/account";
import { changePasswordAction } from "../actions";
import { Section } from "./section";

/** `name` and `email` are the signed-in person's: the new password must not contain them. */
export function PasswordForm({ name, email }: { name: string; email: string }) {
  const schema = useMemo(() => changePasswordSchemaFor({ name, email }), [name, email]);
  const { form, state, pending, action, formProps, errorOf } = useActionForm<ChangePasswordInput>(
    schema,
    changePasswordAction,
    { clearOnError: ["currentPassword"] },
  );
  const newPasswordError = errorOf("newPassword");
  return (
    <Section id="password-section" title="Password">
      <form action={action} {...formProps} className="flex flex-col gap-4">
        <FormAlert error={state.formError} />
        <Field id="currentPassword" label="Current password" error={errorOf("currentPassword")}>
          {(aria) => (
            <input
              {...aria}
              {...form.register("currentPassword")}
              type="password"
              autoComplete="current-password"
              className={inputClass}
            />
          )}
        </Field>
        <Field
          id="newPassword"
          label="New password"
          error={newPasswordError}
          hint="At least 8 characters and hard to guess. Changing it signs you out everywhere."
          status={
            <PasswordStrength
              id="newPassword-strength"
              control={form.control}
              name="newPassword"
              ownerName={name}
              ownerEmail={email}
              quiet={Boolean(newPasswordError)}
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
        <div>
          <SubmitButton pending={pending} pendingText="Changing password…">
            Change password
          </SubmitButton>
        </div>
      </form>
    </Section>
  );
}

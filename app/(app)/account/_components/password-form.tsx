"use client";

import { Field, inputClass } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/validation/account";
import { changePasswordAction } from "../actions";
import { Section } from "./section";

export function PasswordForm() {
  const { form, state, pending, action, formProps, errorOf } = useActionForm<ChangePasswordInput>(
    changePasswordSchema,
    changePasswordAction,
    { clearOnError: ["currentPassword"] },
  );
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
          error={errorOf("newPassword")}
          hint="At least 8 characters. Changing it signs you out everywhere."
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

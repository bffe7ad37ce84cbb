"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyResult } from "@/components/forms/apply-result";
import { Field, inputClass } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/validation/account";
import { changePasswordAction } from "../actions";
import { Section } from "./section";

export function PasswordForm() {
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, setError, resetField, formState } = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { currentPassword: "", newPassword: "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await changePasswordAction(values);
    if (!result.ok) {
      resetField("currentPassword");
      return setFormError(applyResult(result, setError));
    }
    // Every session ended with the change, this one too: sign in again.
    await signOut({ callbackUrl: "/login?notice=password-changed&callbackUrl=%2Faccount" });
  });
  const { errors } = formState;
  return (
    <Section id="password-section" title="Password">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <FormAlert error={formError} />
        <Field
          id="currentPassword"
          label="Current password"
          error={errors.currentPassword?.message}
        >
          {(aria) => (
            <input
              {...aria}
              {...register("currentPassword")}
              type="password"
              autoComplete="current-password"
              className={inputClass}
            />
          )}
        </Field>
        <Field
          id="newPassword"
          label="New password"
          error={errors.newPassword?.message}
          hint="At least 8 characters. Changing it signs you out everywhere."
        >
          {(aria) => (
            <input
              {...aria}
              {...register("newPassword")}
              type="password"
              autoComplete="new-password"
              className={inputClass}
            />
          )}
        </Field>
        <div>
          <SubmitButton pending={formState.isSubmitting} pendingText="Changing password…">
            Change password
          </SubmitButton>
        </div>
      </form>
    </Section>
  );
}

"use client";

import { Field, inputClass } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { changeEmailSchema, type ChangeEmailInput } from "@/lib/validation/account";
import { changeEmailAction } from "../actions";
import { Section } from "./section";

/** A new address: it applies once the link sent to it is opened. */
export function ChangeEmailForm({ email }: { email: string }) {
  const { form, state, pending, action, formProps, errorOf, valueOf } =
    useActionForm<ChangeEmailInput>(changeEmailSchema, changeEmailAction, {
      clearOnError: ["password"],
    });
  return (
    <Section id="email-address-section" title="Email address">
      <form action={action} {...formProps} className="flex flex-col gap-4">
        <FormAlert error={state.formError} success={state.notice} />
        <p className="text-sm text-stone-700">
          Your account uses <strong>{email}</strong>. A new address applies once you open the link
          we send to it; we also tell the current address.
        </p>
        <Field id="newEmail" label="New email address" error={errorOf("newEmail")}>
          {(aria) => (
            <input
              {...aria}
              {...form.register("newEmail")}
              defaultValue={valueOf("newEmail")}
              type="email"
              autoComplete="email"
              className={inputClass}
            />
          )}
        </Field>
        <Field id="changeEmailPassword" label="Account password" error={errorOf("password")}>
          {(aria) => (
            <input
              {...aria}
              {...form.register("password")}
              type="password"
              autoComplete="current-password"
              className={inputClass}
            />
          )}
        </Field>
        <div>
          <SubmitButton pending={pending} pendingText="Sending link…">
            Change email address
          </SubmitButton>
        </div>
      </form>
    </Section>
  );
}

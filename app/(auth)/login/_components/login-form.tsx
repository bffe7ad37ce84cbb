"use client";

import { Field, inputClass } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { CALLBACK_FIELD } from "@/lib/actions/form-state";
import { signInSchema, type SignInInput } from "@/lib/validation/auth";
import { signInAction } from "../actions";

type Props = { callbackPath: string; notice?: string };

/** Posts to a server action, so it signs in before JavaScript loads and without it. */
export function LoginForm({ callbackPath, notice }: Props) {
  const { form, state, pending, action, formProps, errorOf, valueOf } = useActionForm<SignInInput>(
    signInSchema,
    signInAction,
    { clearOnError: ["password"] },
  );
  const { register } = form;
  return (
    <form
      action={action}
      {...formProps}
      className="mt-6 flex flex-col gap-4 rounded-lg border border-stone-200 bg-white p-5"
    >
      <FormAlert error={state.formError} success={state.formError ? undefined : notice} />
      <input type="hidden" name={CALLBACK_FIELD} value={callbackPath} />
      <Field id="email" label="Email" error={errorOf("email")}>
        {(aria) => (
          <input
            {...aria}
            {...register("email")}
            defaultValue={valueOf("email")}
            type="email"
            autoComplete="email"
            className={inputClass}
          />
        )}
      </Field>
      <Field id="password" label="Password" error={errorOf("password")}>
        {(aria) => (
          <input
            {...aria}
            {...register("password")}
            type="password"
            autoComplete="current-password"
            className={inputClass}
          />
        )}
      </Field>
      <SubmitButton pending={pending} pendingText="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}

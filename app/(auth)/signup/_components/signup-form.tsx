"use client";

import { CitySelect, type CityOption } from "@/components/forms/city-select";
import { Field, inputClass } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { PasswordStrength } from "@/components/forms/password-strength";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useWatch } from "react-hook-form";
import { CALLBACK_FIELD } from "@/lib/actions/form-state";
import { signUpSchema, type SignUpInput } from "@/lib/validation/auth";
import { signUp } from "../actions";

type Props = { callbackPath: string; cities: CityOption[] };

/** Posts to a server action, so it works before JavaScript loads and without it. */
export function SignUpForm({ callbackPath, cities }: Props) {
  const { form, state, pending, action, formProps, errorOf, valueOf } = useActionForm<SignUpInput>(
    signUpSchema,
    signUp,
    { clearOnError: ["password"] },
  );
  const { register, control } = form;
  // The password must not contain them: the strength line reads them as typed.
  const [name, email] = useWatch({ control, name: ["name", "email"] });
  const passwordError = errorOf("password");
  return (
    <form
      action={action}
      {...formProps}
      className="mt-6 flex flex-col gap-4 rounded-lg border border-stone-200 bg-white p-5"
    >
      <FormAlert error={state.formError} />
      <input type="hidden" name={CALLBACK_FIELD} value={callbackPath} />
      <Field id="name" label="Name" error={errorOf("name")} hint="Shown next to what you write.">
        {(aria) => (
          <input
            {...aria}
            {...register("name")}
            defaultValue={valueOf("name")}
            autoComplete="name"
            className={inputClass}
          />
        )}
      </Field>
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
      <Field
        id="password"
        label="Password"
        error={passwordError}
        hint="At least 8 characters and hard to guess: a few uncommon words make a good one."
        status={
          <PasswordStrength
            id="password-strength"
            control={control}
            name="password"
            ownerName={name}
            ownerEmail={email}
            quiet={Boolean(passwordError)}
          />
        }
      >
        {(aria) => (
          <input
            {...aria}
            {...register("password")}
            type="password"
            autoComplete="new-password"
            className={inputClass}
          />
        )}
      </Field>
      <Field id="homeCity" label="Home city (optional)" error={errorOf("homeCity")}>
        {(aria) => (
          <CitySelect
            {...aria}
            {...register("homeCity")}
            defaultValue={valueOf("homeCity")}
            cities={cities}
          />
        )}
      </Field>
      <SubmitButton pending={pending} pendingText="Creating your account…">
        Sign up
      </SubmitButton>
    </form>
  );
}

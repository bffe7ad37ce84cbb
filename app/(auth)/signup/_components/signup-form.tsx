"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyResult } from "@/components/forms/apply-result";
import { CitySelect, type CityOption } from "@/components/forms/city-select";
import { Field, inputClass } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { signUpSchema, type SignUpInput } from "@/lib/validation/auth";
import { signUp } from "../actions";

type Props = { callbackPath: string; cities: CityOption[] };

export function SignUpForm({ callbackPath, cities }: Props) {
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SignUpInput>({
    resolver: zodResolver(signUpSchema),
    defaultValues: { name: "", email: "", password: "", homeCity: "" },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await signUp(values);
    if (!result.ok) return setFormError(applyResult(result, setError));
    const signedIn = await signIn("credentials", {
      email: values.email,
      password: values.password,
      redirect: false,
    });
    if (!signedIn || signedIn.error) {
      return setFormError(
        "We could not sign you in. If you already have an account with this email, sign in with its password.",
      );
    }
    router.push(callbackPath);
    router.refresh();
  });

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="mt-6 flex flex-col gap-4 rounded-lg border border-stone-200 bg-white p-5"
    >
      <FormAlert error={formError} />
      <Field
        id="name"
        label="Name"
        error={errors.name?.message}
        hint="Shown next to what you write."
      >
        {(aria) => (
          <input {...aria} {...register("name")} autoComplete="name" className={inputClass} />
        )}
      </Field>
      <Field id="email" label="Email" error={errors.email?.message}>
        {(aria) => (
          <input
            {...aria}
            {...register("email")}
            type="email"
            autoComplete="email"
            className={inputClass}
          />
        )}
      </Field>
      <Field
        id="password"
        label="Password"
        error={errors.password?.message}
        hint="At least 8 characters. A long passphrase is best; common passwords are refused."
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
      <Field id="homeCity" label="Home city (optional)" error={errors.homeCity?.message}>
        {(aria) => <CitySelect {...aria} {...register("homeCity")} cities={cities} />}
      </Field>
      <SubmitButton pending={isSubmitting} pendingText="Creating your account…">
        Sign up
      </SubmitButton>
    </form>
  );
}

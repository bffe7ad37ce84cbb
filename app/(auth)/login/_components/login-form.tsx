"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Field, inputClass } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { signInSchema, type SignInInput } from "@/lib/validation/auth";
import { signInErrorMessage } from "./sign-in-error";

type Props = { callbackPath: string; notice?: string };

export function LoginForm({ callbackPath, notice }: Props) {
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const {
    register,
    handleSubmit,
    resetField,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: "", password: "" },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      setFormError(signInErrorMessage(result?.error));
      resetField("password"); // never keep a rejected password around
      return;
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
      <FormAlert error={formError} success={formError ? undefined : notice} />
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
      <Field id="password" label="Password" error={errors.password?.message}>
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
      <SubmitButton pending={isSubmitting} pendingText="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}

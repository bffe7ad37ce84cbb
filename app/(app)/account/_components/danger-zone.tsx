"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signOut } from "next-auth/react";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { applyResult } from "@/components/forms/apply-result";
import { Field, inputClass } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { deleteAccountSchema, type DeleteAccountInput } from "@/lib/validation/account";
import { deleteAccountAction, signOutEverywhereAction } from "../actions";
import { Section } from "./section";

export function DangerZone() {
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const form = useForm<DeleteAccountInput>({
    resolver: zodResolver(deleteAccountSchema),
    defaultValues: { password: "", confirm: "" as DeleteAccountInput["confirm"] },
  });
  const { errors, isSubmitting } = form.formState;

  const signOutAll = () =>
    startTransition(async () => {
      const result = await signOutEverywhereAction({});
      if (!result.ok) return setError(result.formError);
      await signOut({ callbackUrl: "/login?notice=signed-out-everywhere" });
    });

  const onDelete = form.handleSubmit(async (values) => {
    setError(undefined);
    const result = await deleteAccountAction(values);
    if (!result.ok) {
      form.resetField("password");
      return setError(applyResult(result, form.setError));
    }
    await signOut({ callbackUrl: "/" });
  });

  return (
    <Section id="sessions-section" title="Sessions and deletion">
      <FormAlert error={error} />
      <p className="mt-2 text-stone-700">
        Lost a device, or signed in somewhere public? End every session at once.
      </p>
      <button
        type="button"
        onClick={signOutAll}
        disabled={pending}
        className="mt-3 rounded border border-stone-400 px-4 py-2 font-semibold hover:bg-stone-100 disabled:opacity-70"
      >
        {pending ? "Signing out everywhere…" : "Sign out everywhere"}
      </button>

      <form
        onSubmit={onDelete}
        noValidate
        className="mt-8 flex flex-col gap-4 border-t border-stone-200 pt-6"
      >
        <h3 className="text-lg font-semibold text-red-800">Delete my account</h3>
        <p className="text-stone-700">
          Your email, name and password are erased. What you wrote stays, attributed to “deleted
          user”. This cannot be undone.
        </p>
        <Field id="delete-password" label="Your password" error={errors.password?.message}>
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
        <Field
          id="delete-confirm"
          label='Type "delete my account" to confirm'
          error={errors.confirm?.message}
        >
          {(aria) => (
            <input
              {...aria}
              {...form.register("confirm")}
              autoComplete="off"
              className={inputClass}
            />
          )}
        </Field>
        <div>
          <SubmitButton pending={isSubmitting} pendingText="Deleting…" variant="danger">
            Delete my account
          </SubmitButton>
        </div>
      </form>
    </Section>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyResult } from "@/components/forms/apply-result";
import { Field, inputClass } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { useSessionRefresh } from "@/components/use-session-refresh";
import { changeNameSchema, type ChangeNameInput } from "@/lib/validation/account";
import { changeNameAction } from "../actions";
import { Section } from "./section";

export function NameForm({ name }: { name: string }) {
  const router = useRouter();
  const refreshSession = useSessionRefresh();
  const [status, setStatus] = useState<{ error?: string; success?: string }>({});
  const { register, handleSubmit, setError, formState } = useForm<ChangeNameInput>({
    resolver: zodResolver(changeNameSchema),
    defaultValues: { name },
  });
  const onSubmit = handleSubmit(async (values) => {
    setStatus({});
    const result = await changeNameAction(values);
    if (!result.ok) return setStatus({ error: applyResult(result, setError) });
    setStatus({ success: "Your name was saved." });
    refreshSession(); // the header shows the new name
    router.refresh();
  });
  return (
    <Section id="name-section" title="Name">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <FormAlert {...status} />
        <Field id="name" label="Name" error={formState.errors.name?.message}>
          {(aria) => (
            <input {...aria} {...register("name")} autoComplete="name" className={inputClass} />
          )}
        </Field>
        <div>
          <SubmitButton pending={formState.isSubmitting} pendingText="Saving…">
            Save name
          </SubmitButton>
        </div>
      </form>
    </Section>
  );
}

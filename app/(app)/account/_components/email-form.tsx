"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyResult } from "@/components/forms/apply-result";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import {
  EMAIL_FREQUENCY_LABELS,
  emailFrequencySchema,
  type EmailFrequencyInput,
} from "@/lib/validation/notifications";
import { EMAIL_FREQUENCIES, type EmailFrequency } from "@/lib/enums";
import { setEmailFrequencyAction } from "../actions";
import { Section } from "./section";

/** How often my notifications are emailed. */
export function EmailForm({ frequency }: { frequency: EmailFrequency }) {
  const [status, setStatus] = useState<{ error?: string; success?: string }>({});
  const { register, handleSubmit, setError, formState } = useForm<EmailFrequencyInput>({
    resolver: zodResolver(emailFrequencySchema),
    defaultValues: { frequency },
  });
  const onSubmit = handleSubmit(async (values) => {
    setStatus({});
    const result = await setEmailFrequencyAction(values);
    if (!result.ok) return setStatus({ error: applyResult(result, setError) });
    setStatus({ success: "Your email setting was saved." });
  });
  const error = formState.errors.frequency?.message;
  return (
    <Section id="email-section" title="Email">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <FormAlert {...status} />
        <fieldset aria-describedby={error ? "frequency-error" : undefined}>
          <legend className="font-medium">Email me about my notifications</legend>
          <div className="mt-2 flex flex-col gap-2">
            {EMAIL_FREQUENCIES.map((f) => (
              <label key={f} className="flex items-center gap-2">
                <input type="radio" value={f} {...register("frequency")} />
                {EMAIL_FREQUENCY_LABELS[f]}
              </label>
            ))}
          </div>
          {error && (
            <p id="frequency-error" className="mt-1 text-sm font-medium text-red-700">
              {error}
            </p>
          )}
        </fieldset>
        <div>
          <SubmitButton pending={formState.isSubmitting} pendingText="Saving…">
            Save email setting
          </SubmitButton>
        </div>
      </form>
    </Section>
  );
}

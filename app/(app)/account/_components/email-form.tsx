"use client";

import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
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
  const { form, state, pending, action, formProps, errorOf, valueOf } =
    useActionForm<EmailFrequencyInput>(emailFrequencySchema, setEmailFrequencyAction);
  const error = errorOf("frequency");
  const chosen = valueOf("frequency", frequency);
  return (
    <Section id="email-section" title="Email">
      <form action={action} {...formProps} className="flex flex-col gap-4">
        <FormAlert error={state.formError} success={state.notice} />
        <fieldset aria-describedby={error ? "frequency-error" : undefined}>
          <legend className="font-medium">Email me about my notifications</legend>
          <div className="mt-2 flex flex-col gap-2">
            {EMAIL_FREQUENCIES.map((f) => (
              <label key={f} className="flex items-center gap-2">
                <input
                  type="radio"
                  value={f}
                  defaultChecked={chosen === f}
                  {...form.register("frequency")}
                />
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
          <SubmitButton pending={pending} pendingText="Saving…">
            Save email setting
          </SubmitButton>
        </div>
      </form>
    </Section>
  );
}

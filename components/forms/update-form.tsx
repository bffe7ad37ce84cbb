"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { ActionResult } from "@/lib/actions/result";
import {
  submitUpdateSchema,
  UPDATE_KIND_LABELS,
  type SubmitUpdateInput,
} from "@/lib/validation/update";
import { UPDATE_KINDS } from "@/lib/enums";
import { applyResult } from "./apply-result";
import { Field, inputClass } from "./field";
import { FormAlert } from "./form-alert";
import { SubmitButton } from "./submit-button";

type Props = {
  cityName: string;
  /** When revising: the submission as it stands. */
  initial?: SubmitUpdateInput;
  submitLabel: string;
  sentMessage: string;
  /** Offer to send another (new submissions) or not (revisions). */
  canSendAnother: boolean;
  submit: (input: SubmitUpdateInput) => Promise<ActionResult<unknown>>;
};

/** A policy update's fields: used to submit a new one and to revise a pending one. */
export function UpdateForm({
  cityName,
  initial,
  submitLabel,
  sentMessage,
  canSendAnother,
  submit,
}: Props) {
  const [formError, setFormError] = useState<string>();
  const [sent, setSent] = useState(false);
  const { register, handleSubmit, setError, reset, formState } = useForm<SubmitUpdateInput>({
    resolver: zodResolver(submitUpdateSchema),
    defaultValues: initial ?? {
      title: "",
      summary: "",
      sourceUrl: "",
      effectiveOn: "",
      kind: "ordinance",
    },
  });
  const { errors } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await submit(values);
    if (!result.ok) return setFormError(applyResult(result, setError));
    reset();
    setSent(true);
  });

  if (sent) {
    return (
      <div role="status" className="mt-6 rounded-lg border border-emerald-300 bg-emerald-50 p-5">
        <p className="font-semibold">{sentMessage}</p>
        <p className="mt-1">It will appear on {cityName}’s page once a moderator approves it.</p>
        <p className="mt-3 flex gap-4">
          <Link href="/me/submissions">See your submissions</Link>
          {canSendAnother && (
            <button
              type="button"
              onClick={() => setSent(false)}
              className="text-brand-700 underline"
            >
              Submit another update
            </button>
          )}
        </p>
      </div>
    );
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="mt-6 flex flex-col gap-4 rounded-lg border border-stone-200 bg-white p-5"
    >
      <FormAlert error={formError} />
      <Field id="title" label="Title" error={errors.title?.message}>
        {(aria) => <input {...aria} {...register("title")} className={inputClass} />}
      </Field>
      <Field
        id="summary"
        label="Summary"
        error={errors.summary?.message}
        hint="What changed and what it means. Markdown works: **bold**, lists, links."
      >
        {(aria) => <textarea {...aria} {...register("summary")} rows={8} className={inputClass} />}
      </Field>
      <Field
        id="sourceUrl"
        label="Source URL"
        error={errors.sourceUrl?.message}
        hint="A public page that shows this: the city’s site, a court record, a news report."
      >
        {(aria) => (
          <input
            {...aria}
            {...register("sourceUrl")}
            type="url"
            inputMode="url"
            placeholder="https://"
            className={inputClass}
          />
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="effectiveOn" label="Date it took effect" error={errors.effectiveOn?.message}>
          {(aria) => (
            <input {...aria} {...register("effectiveOn")} type="date" className={inputClass} />
          )}
        </Field>
        <Field id="kind" label="Kind" error={errors.kind?.message}>
          {(aria) => (
            <select {...aria} {...register("kind")} className={inputClass}>
              {UPDATE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {UPDATE_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div>
        <SubmitButton pending={formState.isSubmitting} pendingText="Sending…">
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}

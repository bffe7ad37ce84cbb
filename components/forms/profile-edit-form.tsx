"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { ActionResult } from "@/lib/actions/result";
import {
  hasDetail,
  PROFILE_FIELD_KEYS,
  profileFieldLabel,
  profileFieldOptions,
  profileValueLabel,
  type FieldChange,
  type FieldState,
  type ProfileFieldKey,
} from "@/lib/profile-fields";
import {
  isChanged,
  profileEditSchema,
  type ProfileEditForm as FormValues,
  type ProfileEditInput,
} from "@/lib/validation/profile-edit";
import { applyResult } from "./apply-result";
import { Field, inputClass } from "./field";
import { FormAlert } from "./form-alert";
import { SubmitButton } from "./submit-button";

type Props = {
  cityName: string;
  leaderTitle: string;
  /** The profile as it is now: each change starts from these values. */
  fields: Record<ProfileFieldKey, FieldState>;
  /** When revising: what the edit proposed before. */
  proposed?: Partial<Record<ProfileFieldKey, FieldChange>>;
  note?: string;
  submitLabel: string;
  /** Gets the form as typed (the server parses it with the same schema). */
  submit: (input: FormValues) => Promise<ActionResult<unknown>>;
  sentMessage: string;
};

/** Every profile field with its current value; a person changes some and gives each a source. */
export function ProfileEditForm(props: Props) {
  const [formError, setFormError] = useState<string>();
  const [sent, setSent] = useState(false);
  const defaultValues: FormValues = {
    note: props.note ?? "",
    fields: Object.fromEntries(
      PROFILE_FIELD_KEYS.map((k) => {
        const now = props.fields[k];
        const was = props.proposed?.[k];
        return [
          k,
          {
            fromValue: now.value,
            fromDetail: now.detail,
            toValue: was?.toValue ?? now.value,
            toDetail: was?.toDetail ?? now.detail,
            sourceUrl: was?.sourceUrl ?? "",
          },
        ];
      }),
    ) as FormValues["fields"],
  };
  const { register, handleSubmit, setError, control, formState, getValues } = useForm<
    FormValues,
    unknown,
    ProfileEditInput
  >({ resolver: zodResolver(profileEditSchema), defaultValues });
  const { errors } = formState;
  const values = useWatch({ control, name: "fields" });

  // The schema's output is the list of changes; the action wants the form itself.
  const onSubmit = handleSubmit(async () => {
    setFormError(undefined);
    const result = await props.submit(getValues());
    if (!result.ok) return setFormError(applyResult(result, setError));
    setSent(true);
  });

  if (sent) {
    return (
      <div role="status" className="mt-6 rounded-lg border border-emerald-300 bg-emerald-50 p-5">
        <p className="font-semibold">{props.sentMessage}</p>
        <p className="mt-1">
          The profile of {props.cityName} changes once a moderator approves it.
        </p>
        <p className="mt-3">
          <Link href="/me/submissions">See your submissions</Link>
        </p>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 flex flex-col gap-5">
      <FormAlert error={formError ?? errors.root?.message} />
      {PROFILE_FIELD_KEYS.map((k) => {
        const label = profileFieldLabel(k, props.leaderTitle);
        const options = profileFieldOptions(k);
        const now = props.fields[k];
        const e = errors.fields?.[k];
        const changed = values?.[k] ? isChanged(values[k]) : false;
        return (
          <fieldset
            key={k}
            className={`rounded-lg border bg-white p-4 ${changed ? "border-brand-700" : "border-stone-200"}`}
          >
            <legend className="px-1 font-semibold">{label}</legend>
            <p className="text-sm text-stone-700">
              Now:{" "}
              <span className="font-medium">{profileValueLabel(k, now.value) || "(empty)"}</span>
              {changed && <span className="ml-2 font-semibold text-brand-700">Changed</span>}
            </p>
            <input type="hidden" {...register(`fields.${k}.fromValue`)} />
            <input type="hidden" {...register(`fields.${k}.fromDetail`)} />
            <div className="mt-3 grid gap-3">
              <Field
                id={`${k}-value`}
                label={
                  <>
                    Value<span className="sr-only"> for {label}</span>
                  </>
                }
                error={e?.toValue?.message}
              >
                {(aria) =>
                  options ? (
                    <select {...aria} {...register(`fields.${k}.toValue`)} className={inputClass}>
                      {Object.entries(options).map(([value, text]) => (
                        <option key={value} value={value}>
                          {text}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input {...aria} {...register(`fields.${k}.toValue`)} className={inputClass} />
                  )
                }
              </Field>
              {hasDetail(k) && (
                <Field
                  id={`${k}-detail`}
                  label={
                    <>
                      Explanation<span className="sr-only"> for {label}</span>
                    </>
                  }
                  error={e?.toDetail?.message}
                  hint="One or two plain sentences shown under the value."
                >
                  {(aria) => (
                    <textarea
                      {...aria}
                      {...register(`fields.${k}.toDetail`)}
                      rows={3}
                      className={inputClass}
                    />
                  )}
                </Field>
              )}
              <Field
                id={`${k}-source`}
                label={
                  <>
                    Source URL<span className="sr-only"> for {label}</span>
                  </>
                }
                error={e?.sourceUrl?.message}
                hint="Required if you change this field: a public page that shows the new value."
              >
                {(aria) => (
                  <input
                    {...aria}
                    {...register(`fields.${k}.sourceUrl`)}
                    type="url"
                    inputMode="url"
                    placeholder="https://"
                    className={inputClass}
                  />
                )}
              </Field>
            </div>
          </fieldset>
        );
      })}
      <div className="rounded-lg border border-stone-200 bg-white p-4">
        <Field
          id="note"
          label="Note to the moderator (optional)"
          error={errors.note?.message}
          hint="Anything that helps check the change: where in the source to look, what happened."
        >
          {(aria) => <textarea {...aria} {...register("note")} rows={3} className={inputClass} />}
        </Field>
      </div>
      <div>
        <SubmitButton pending={formState.isSubmitting} pendingText="Sending…">
          {props.submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}

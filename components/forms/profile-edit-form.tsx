"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { ActionResult } from "@/lib/actions/result";
import {
  PROFILE_FIELD_KEYS,
  profileFieldLabel,
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
import { profileEditDefaults } from "./profile-edit-defaults";
import { ProfileEditField } from "./profile-edit-field";
import { ProfileEditSent } from "./profile-edit-sent";
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
  const { register, handleSubmit, setError, control, formState, getValues } = useForm<
    FormValues,
    unknown,
    ProfileEditInput
  >({
    resolver: zodResolver(profileEditSchema),
    defaultValues: profileEditDefaults(props.fields, props.proposed, props.note),
  });
  const { errors } = formState;
  const values = useWatch({ control, name: "fields" });

  // The schema's output is the list of changes; the action wants the form itself.
  const onSubmit = handleSubmit(async () => {
    setFormError(undefined);
    const result = await props.submit(getValues());
    if (!result.ok) return setFormError(applyResult(result, setError));
    setSent(true);
  });

  if (sent) return <ProfileEditSent message={props.sentMessage} cityName={props.cityName} />;

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 flex flex-col gap-5">
      <FormAlert error={formError ?? errors.root?.message} />
      {PROFILE_FIELD_KEYS.map((k) => {
        const e = errors.fields?.[k];
        return (
          <ProfileEditField
            key={k}
            field={k}
            label={profileFieldLabel(k, props.leaderTitle)}
            now={props.fields[k]}
            changed={values?.[k] ? isChanged(values[k]) : false}
            register={register}
            errors={{
              toValue: e?.toValue?.message,
              toDetail: e?.toDetail?.message,
              sourceUrl: e?.sourceUrl?.message,
            }}
          />
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

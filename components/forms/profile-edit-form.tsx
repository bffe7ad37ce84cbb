"use client";

import { useWatch } from "react-hook-form";
import { IDEMPOTENCY_FIELD } from "@/lib/actions/form-state";
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
  type FieldInput,
  type ProfileEditForm as FormValues,
} from "@/lib/validation/profile-edit";
import { Field, inputClass } from "./field";
import { FormAlert } from "./form-alert";
import { profileEditDefaults } from "./profile-edit-defaults";
import { ProfileEditField } from "./profile-edit-field";
import { ProfileEditSent } from "./profile-edit-sent";
import { SubmitButton } from "./submit-button";
import { useActionForm, type FormAction } from "./use-action-form";
import { useKeepTypedBeforeHydration } from "./use-typed-before-hydration";

type Props = {
  cityName: string;
  leaderTitle: string;
  /** The profile as it is now: each change starts from these values. */
  fields: Record<ProfileFieldKey, FieldState>;
  /** When revising: what the edit proposed before. */
  proposed?: Partial<Record<ProfileFieldKey, FieldChange>>;
  note?: string;
  submitLabel: string;
  /** The server action, bound to its city or edit. */
  action: FormAction;
  /** New edits: one key per form shown, so sending it twice makes one edit. */
  idempotencyKey?: string;
};

const PARTS = ["fromValue", "fromDetail", "toValue", "toDetail", "sourceUrl"] as const;

/** Every profile field with its current value; a person changes some and gives each a source. */
export function ProfileEditForm(props: Props) {
  const { form, state, pending, action, formProps, errorOf, valueOf } = useActionForm<FormValues>(
    profileEditSchema,
    props.action,
  );
  const watched = useWatch({ control: form.control, name: "fields" });

  const defaults = profileEditDefaults(props.fields, props.proposed, props.note);
  useKeepTypedBeforeHydration("note");

  if (state.ok) return <ProfileEditSent message={state.notice ?? ""} cityName={props.cityName} />;
  // What each field shows first: what was typed before a refused post, else the defaults.
  const start = (k: ProfileFieldKey): FieldInput =>
    Object.fromEntries(
      PARTS.map((part) => [part, valueOf(`fields.${k}.${part}`, defaults.fields[k][part])]),
    ) as FieldInput;

  return (
    <form action={action} {...formProps} className="mt-6 flex flex-col gap-5">
      <FormAlert error={state.formError ?? errorOf("root")} />
      {props.idempotencyKey && (
        <input type="hidden" name={IDEMPOTENCY_FIELD} value={props.idempotencyKey} />
      )}
      {PROFILE_FIELD_KEYS.map((k) => {
        const first = start(k);
        return (
          <ProfileEditField
            key={k}
            field={k}
            label={profileFieldLabel(k, props.leaderTitle)}
            now={props.fields[k]}
            start={first}
            changed={isChanged(watched?.[k] ?? first)}
            register={form.register}
            errors={{
              toValue: errorOf(`fields.${k}.toValue`),
              toDetail: errorOf(`fields.${k}.toDetail`),
              sourceUrl: errorOf(`fields.${k}.sourceUrl`),
            }}
          />
        );
      })}
      <div className="rounded-lg border border-stone-200 bg-white p-4">
        <Field
          id="note"
          label="Note to the moderator (optional)"
          error={errorOf("note")}
          hint="Anything that helps check the change: where in the source to look, what happened."
        >
          {(aria) => (
            <textarea
              {...aria}
              {...form.register("note")}
              defaultValue={valueOf("note", defaults.note)}
              rows={3}
              className={inputClass}
            />
          )}
        </Field>
      </div>
      <div>
        <SubmitButton pending={pending} pendingText="Sending…">
          {props.submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}

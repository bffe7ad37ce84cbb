import type { UseFormRegister } from "react-hook-form";
import {
  hasDetail,
  profileFieldOptions,
  profileValueLabel,
  type FieldState,
  type ProfileFieldKey,
} from "@/lib/profile-fields";
import type { FieldInput, ProfileEditForm } from "@/lib/validation/profile-edit";
import { Field, inputClass } from "./field";
import { PolicyValueInput } from "./policy-value-input";
import { useKeepTypedBeforeHydration } from "./use-typed-before-hydration";

type Props = {
  field: ProfileFieldKey;
  label: string;
  now: FieldState;
  /** What the field's inputs show first (the HTML's values, kept before hydration). */
  start: FieldInput;
  changed: boolean;
  register: UseFormRegister<ProfileEditForm>;
  errors: { toValue?: string; toDetail?: string; sourceUrl?: string };
};

/** One profile field: its value now, and the new value, explanation and source a person gives. */
export function ProfileEditField({
  field: k,
  label,
  now,
  start,
  changed,
  register,
  errors,
}: Props) {
  const options = profileFieldOptions(k);
  useKeepTypedBeforeHydration(`${k}-detail`);
  // Every field has a "Value" and a "Source URL": the hidden words tell them apart.
  const named = (text: string) => (
    <>
      {text}
      <span className="sr-only"> for {label}</span>
    </>
  );
  return (
    <fieldset
      className={`rounded-lg border bg-white p-4 ${changed ? "border-brand-700" : "border-stone-200"}`}
    >
      <legend className="px-1 font-semibold">{label}</legend>
      <p className="text-sm text-stone-700">
        Now: <span className="font-medium">{profileValueLabel(k, now.value) || "(empty)"}</span>
        {changed && <span className="ml-2 font-semibold text-brand-700">Changed</span>}
      </p>
      <input type="hidden" {...register(`fields.${k}.fromValue`)} defaultValue={start.fromValue} />
      <input
        type="hidden"
        {...register(`fields.${k}.fromDetail`)}
        defaultValue={start.fromDetail}
      />
      <div className="mt-3 grid gap-3">
        <Field id={`${k}-value`} label={named("Value")} error={errors.toValue}>
          {(aria) => (
            <PolicyValueInput
              aria={aria}
              registration={register(`fields.${k}.toValue`)}
              options={options}
              defaultValue={start.toValue}
            />
          )}
        </Field>
        {/* A field without an explanation still sends one, empty: the schema reads every part. */}
        {!hasDetail(k) && (
          <input type="hidden" {...register(`fields.${k}.toDetail`)} defaultValue="" />
        )}
        {hasDetail(k) && (
          <Field
            id={`${k}-detail`}
            label={named("Explanation")}
            error={errors.toDetail}
            hint="One or two plain sentences shown under the value."
          >
            {(aria) => (
              <textarea
                {...aria}
                {...register(`fields.${k}.toDetail`)}
                defaultValue={start.toDetail}
                rows={3}
                className={inputClass}
              />
            )}
          </Field>
        )}
        <Field
          id={`${k}-source`}
          label={named("Source URL")}
          error={errors.sourceUrl}
          hint="Required if you change this field: a public page that shows the new value."
        >
          {(aria) => (
            <input
              {...aria}
              {...register(`fields.${k}.sourceUrl`)}
              defaultValue={start.sourceUrl}
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
}

import type { UseFormRegister } from "react-hook-form";
import { POLICY_FIELDS, type PolicyFieldKey } from "@/lib/policy-fields";
import type { FactInput, JurisdictionProposalForm } from "@/lib/validation/jurisdiction-proposal";
import { Field, inputClass } from "./field";
import { PolicyValueInput } from "./policy-value-input";
import { useKeepTypedBeforeHydration } from "./use-typed-before-hydration";

type Props = {
  field: PolicyFieldKey;
  /** What the inputs show first (what was sent before a refused post). */
  start: FactInput;
  register: UseFormRegister<JurisdictionProposalForm>;
  errors: Partial<Record<keyof FactInput, string>>;
};

/** One policy field of a proposed jurisdiction: its value, explanation, source and date. */
export function ProposalFactField({ field: k, start, register, errors }: Props) {
  const { label, options } = POLICY_FIELDS[k];
  useKeepTypedBeforeHydration(`facts-${k}-detail`);
  // Every field has a "Value" and a "Source URL": the hidden words tell them apart.
  const named = (text: string) => (
    <>
      {text}
      <span className="sr-only"> for {label}</span>
    </>
  );
  return (
    <fieldset className="rounded-lg border border-stone-200 bg-white p-4">
      <legend className="px-1 font-semibold">{label}</legend>
      <div className="grid gap-3">
        <Field id={`facts-${k}-value`} label={named("Value")} error={errors.value}>
          {(aria) => (
            <PolicyValueInput
              aria={aria}
              registration={register(`facts.${k}.value`)}
              options={options}
              defaultValue={options ? start.value || "unknown" : start.value}
            />
          )}
        </Field>
        <Field
          id={`facts-${k}-detail`}
          label={named("Explanation")}
          error={errors.detail}
          hint="One or two plain sentences shown under the value."
        >
          {(aria) => (
            <textarea
              {...aria}
              {...register(`facts.${k}.detail`)}
              defaultValue={start.detail}
              rows={2}
              className={inputClass}
            />
          )}
        </Field>
        <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
          <Field
            id={`facts-${k}-source`}
            label={named("Source URL")}
            error={errors.sourceUrl}
            hint="Required unless the value is unknown."
          >
            {(aria) => (
              <input
                {...aria}
                {...register(`facts.${k}.sourceUrl`)}
                defaultValue={start.sourceUrl}
                type="url"
                inputMode="url"
                placeholder="https://"
                className={inputClass}
              />
            )}
          </Field>
          <Field id={`facts-${k}-as-of`} label={named("As of")} error={errors.asOf}>
            {(aria) => (
              <input
                {...aria}
                {...register(`facts.${k}.asOf`)}
                defaultValue={start.asOf}
                type="date"
                className={inputClass}
              />
            )}
          </Field>
        </div>
      </div>
    </fieldset>
  );
}

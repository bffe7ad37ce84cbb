import type { UseFormRegisterReturn } from "react-hook-form";
import { inputClass } from "./field";

type Props = {
  /** What `Field` hands its control: the id and the error's wiring. */
  aria: { id: string; "aria-invalid": boolean; "aria-describedby"?: string };
  registration: UseFormRegisterReturn;
  /** The field's fixed values and their words (lib/policy-fields.ts), or null for free text. */
  options: Readonly<Record<string, string>> | null;
  defaultValue: string;
};

/** A policy field's value: a select of its fixed values, or a text input when it has none. */
export function PolicyValueInput({ aria, registration, options, defaultValue }: Props) {
  return options ? (
    <select {...aria} {...registration} defaultValue={defaultValue} className={inputClass}>
      {Object.entries(options).map(([value, text]) => (
        <option key={value} value={value}>
          {text}
        </option>
      ))}
    </select>
  ) : (
    <input {...aria} {...registration} defaultValue={defaultValue} className={inputClass} />
  );
}

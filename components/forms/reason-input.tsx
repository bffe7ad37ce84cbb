import type { UseFormRegisterReturn } from "react-hook-form";
import { inputClass } from "./field";

/** The reason as free text (the default), on one line, or as one of a set of reasons. */
export type ReasonControl =
  | { kind: "text"; rows?: number; maxLength?: number }
  | { kind: "line" }
  | { kind: "choice"; placeholder: string; options: { value: string; label: string }[] };

type Props = {
  control: ReasonControl;
  /** The id, aria-invalid and aria-describedby that Field gives its control. */
  aria: { id: string; "aria-invalid": boolean; "aria-describedby"?: string };
  /** The field as react-hook-form registers it (name "reason", uncontrolled). */
  field: UseFormRegisterReturn;
  /** Its first value, from the HTML: what the server gave back after a refusal. */
  defaultValue: string;
  autoFocus?: boolean;
};

/** The control a reason is typed or chosen in. */
export function ReasonInput({ control, aria, field, defaultValue, autoFocus }: Props) {
  const common = { ...aria, ...field, defaultValue, autoFocus, className: inputClass };
  if (control.kind === "line") return <input {...common} />;
  if (control.kind === "choice") {
    return (
      <select {...common}>
        <option value="">{control.placeholder}</option>
        {control.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  return <textarea {...common} rows={control.rows ?? 2} maxLength={control.maxLength} />;
}

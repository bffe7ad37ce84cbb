import type { ReactNode } from "react";

type Props = {
  id: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  /** A line under the control that follows what is typed (a password's strength). */
  status?: ReactNode;
  children: (aria: {
    id: string;
    "aria-invalid": boolean;
    "aria-describedby"?: string;
  }) => ReactNode;
};

/** A labelled form control with its hint and its error right beside it. */
export function Field({ id, label, error, hint, status, children }: Props) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          {hint}
        </p>
      )}
      {children({
        id,
        "aria-invalid": Boolean(error),
        "aria-describedby": describedBy || undefined,
      })}
      {status}
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

export const inputClass =
  "w-full rounded border border-stone-300 bg-white px-3 py-2 aria-[invalid=true]:border-red-600";

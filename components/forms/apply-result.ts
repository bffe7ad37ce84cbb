import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionResult } from "@/lib/actions/result";

/** Puts an action's field errors on their fields; returns the form-level error, if any. */
export function applyResult<T extends FieldValues>(
  result: ActionResult<unknown>,
  setError: UseFormSetError<T>,
): string | undefined {
  if (result.ok) return undefined;
  // Focus the first field in error, so it is seen (and heard) even far down a long form.
  Object.entries(result.fieldErrors ?? {}).forEach(([field, message], i) => {
    setError(field as Path<T>, { type: "server", message }, { shouldFocus: i === 0 });
  });
  return (
    result.formError ?? (result.fieldErrors ? undefined : "Something went wrong. Please try again.")
  );
}

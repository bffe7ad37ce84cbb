import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionResult } from "@/lib/actions/result";

/** Puts an action's field errors on their fields; returns the form-level error, if any. */
export function applyResult<T extends FieldValues>(
  result: ActionResult<unknown>,
  setError: UseFormSetError<T>,
): string | undefined {
  if (result.ok) return undefined;
  for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
    setError(field as Path<T>, { type: "server", message });
  }
  return (
    result.formError ?? (result.fieldErrors ? undefined : "Something went wrong. Please try again.")
  );
}

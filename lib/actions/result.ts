import type { ZodError } from "zod";
import { AuthError } from "@/lib/auth/current-user";
import { isDatabaseUnavailable } from "@/lib/database-unavailable";
import { logError } from "@/lib/log";
import { describeAuthRefusal, refusalErrors } from "@/lib/messages/refusals";
import type { Refusal } from "@/lib/refusals";

/** What every server action returns; expected failures are values, not exceptions. */
export type ActionResult<T = null> =
  { ok: true; data: T } | { ok: false; fieldErrors?: Record<string, string>; formError?: string };

/** The first message for each field, keyed by its path ("newPassword"). */
export function invalid(error: ZodError): ActionResult<never> {
  const fieldErrors: Record<string, string> = {};
  const formErrors: string[] = [];
  for (const issue of error.issues) {
    const key = issue.path.join(".");
    if (issue.code === "unrecognized_keys")
      formErrors.push("The form sent fields it should not have.");
    else if (key) fieldErrors[key] ??= issue.message;
    else formErrors.push(issue.message);
  }
  return { ok: false, fieldErrors, formError: formErrors[0] };
}

/** A DAL refusal in words, on the form or on the fields it concerns. */
export const refused = (refusal: Refusal): Extract<ActionResult<never>, { ok: false }> => ({
  ok: false,
  ...refusalErrors(refusal),
});

/** What a form says when the database could not be reached (README › Database outages). */
export const DATABASE_UNAVAILABLE_FORM_ERROR =
  "The database is unavailable; nothing was saved. Try again in a minute.";

/**
 * Session refusals become a form error, and so does a database that cannot be
 * reached; anything unexpected is logged with an id and shown generically.
 */
export function failure(error: unknown): ActionResult<never> {
  if (error instanceof AuthError) {
    return { ok: false, formError: describeAuthRefusal(error.code, error.detail) };
  }
  if (isDatabaseUnavailable(error)) {
    logError("server action: database unavailable", error);
    return { ok: false, formError: DATABASE_UNAVAILABLE_FORM_ERROR };
  }
  const id = logError("server action failed", error);
  return {
    ok: false,
    formError: `Something went wrong on our side. Please try again. (Reference ${id.slice(0, 8)})`,
  };
}

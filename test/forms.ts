// Server actions of forms take (state, FormData), as a browser posts them. The
// suites describe input as objects; these turn one into the other, and a
// form's answer back into an ActionResult the suites already read.
import type { ActionResult } from "@/lib/actions/result";
import { NOT_SUBMITTED, type FormState } from "@/lib/actions/form-state";

export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;
type ObjectAction = (input: unknown) => Promise<ActionResult<unknown>>;

/** What a browser would send for `input`: each field as text (lists as repeated fields). */
export function formDataOf(input: unknown): FormData {
  const data = new FormData();
  if (input === null || typeof input !== "object") return data;
  for (const [name, value] of Object.entries(input)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (one === undefined) continue;
      data.append(name, asText(one));
    }
  }
  return data;
}

/**
 * A form with nested fields as the browser names them: `{ fields: { leader:
 * { toValue } } }` becomes `{ "fields.leader.toValue": … }` (react-hook-form's
 * names). Anything but a plain object is left as it is (a hostile value).
 */
export function dottedFields(input: unknown, prefix = ""): unknown {
  if (!isPlainObject(input)) return input;
  const flat: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    if (isPlainObject(value)) Object.assign(flat, dottedFields(value, `${prefix}${name}.`));
    else flat[`${prefix}${name}`] = value;
  }
  return flat;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype;

/** A value as a form field's text; a value no browser could send becomes what String() makes of it. */
function asText(value: unknown): string {
  try {
    return typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    return "";
  }
}

/** Next's redirect() throws this: success that moves on. */
const isRedirect = (error: unknown): error is { digest: string } =>
  typeof (error as { digest?: unknown })?.digest === "string" &&
  (error as { digest: string }).digest.startsWith("NEXT_REDIRECT");

/** Where Next's redirect() sends the browser ("NEXT_REDIRECT;replace;/login;303;"). */
const redirectTarget = (error: { digest: string }) => error.digest.split(";")[2] ?? "";

/**
 * Posts `input` to a form's action as a browser would, and reads its answer
 * as an ActionResult: its data (what the change left for the page), else null.
 * A redirect reads as success, or with `redirects`, as `{ redirectTo }`.
 */
export async function submitForm(
  action: FormAction,
  input: unknown,
  { redirects = false } = {},
): Promise<ActionResult<unknown>> {
  let state: FormState;
  try {
    state = await action(NOT_SUBMITTED, formDataOf(input));
  } catch (error) {
    if (!isRedirect(error)) throw error;
    return { ok: true, data: redirects ? { redirectTo: redirectTarget(error) } : null };
  }
  if (state.ok) return { ok: true, data: state.data ?? null };
  const { formError, fieldErrors } = state;
  return {
    ok: false,
    ...(fieldErrors ? { fieldErrors } : {}),
    ...(formError ? { formError } : {}),
  };
}

/**
 * Calls an action with `input`, whichever kind it is: a form's (state,
 * FormData), told apart by taking two parameters, or one that takes an object.
 */
export function callEither(
  action: FormAction | ObjectAction,
  input: unknown,
): Promise<ActionResult<unknown>> {
  return action.length === 2
    ? submitForm(action as FormAction, input)
    : (action as ObjectAction)(input);
}

/**
 * What a form's server action answers, for `useActionState`. The same value
 * reaches the page when JavaScript runs (the hook's state) and when it does
 * not (Next renders the page again with it), so a form shows its errors and
 * the words typed either way.
 */
export type FormState<Data = unknown> = {
  /** null before the first submission. */
  ok: boolean | null;
  formError?: string;
  fieldErrors?: Record<string, string>;
  /** What was typed, given back so nothing is lost; never a password. */
  values?: Record<string, string>;
  /** A success note shown on the form. */
  notice?: string;
  /** What the change left, for the page to show (a follow's new count, the unread count). */
  data?: Data;
  /** Where to go next. With JavaScript the form goes there; without, the server has redirected. */
  redirectTo?: string;
  /** Load `redirectTo` afresh (the session changed: signed in or out). */
  reload?: boolean;
};

export const NOT_SUBMITTED: FormState<never> = { ok: null };

/** The name of the hidden field that carries a form's idempotency key. */
export const IDEMPOTENCY_FIELD = "idempotencyKey";

/** The name of the hidden field that says where to go after signing in or up. */
export const CALLBACK_FIELD = "callbackUrl";

/** A fresh idempotency key for one rendered form, on the server or in the browser. */
export function newFormKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

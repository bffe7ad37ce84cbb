import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { z } from "zod";
import type { DalResult } from "@/lib/refusals";
import { safeCallbackPath } from "@/lib/auth/request";
import { CALLBACK_FIELD, IDEMPOTENCY_FIELD, type FormState } from "./form-state";
import { runAction } from "./run";

type Fields = Record<string, string | string[]>;

/**
 * The form an action was sent. A crafted call can send anything in its place
 * (the action is a public endpoint); that is a form with no fields, which the
 * schema refuses, rather than a crash.
 */
const asForm = (formData: unknown): FormData =>
  formData instanceof FormData ? formData : new FormData();

/**
 * A form's fields as the schema reads them: text values by name (a name sent
 * more than once becomes a list), without Next's own `$ACTION_…` fields, the
 * idempotency key, or files.
 */
export function formFields(formData: FormData): Fields {
  const fields: Fields = {};
  for (const [name, value] of asForm(formData).entries()) {
    if (name.startsWith("$ACTION") || name === IDEMPOTENCY_FIELD || typeof value !== "string") {
      continue;
    }
    const before = fields[name];
    if (before === undefined) fields[name] = value;
    else fields[name] = Array.isArray(before) ? [...before, value] : [before, value];
  }
  return fields;
}

/**
 * Fields as the schema reads them: a name with dots (react-hook-form's
 * "fields.leader.toValue") becomes nested objects. Names that would reach an
 * object's prototype are dropped.
 */
export function nestFields(fields: Fields): Record<string, unknown> {
  const nested: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    const path = name.split(".");
    if (path.some((part) => part === "__proto__" || part === "constructor" || part === "prototype"))
      continue;
    let at = nested;
    for (const part of path.slice(0, -1)) {
      const next = at[part];
      if (next === null || typeof next !== "object" || Array.isArray(next)) at[part] = {};
      at = at[part] as Record<string, unknown>;
    }
    at[path.at(-1)!] = value;
  }
  return nested;
}

/** The idempotency key a form carried, if it is one we could have made. */
export function idempotencyKey(formData: FormData): string | undefined {
  const key = asForm(formData).get(IDEMPOTENCY_FIELD);
  return typeof key === "string" && /^[A-Za-z0-9_-]{16,64}$/.test(key) ? key : undefined;
}

/**
 * Where the form says to go next (its hidden callback field), kept to this
 * site; the field is taken out, so the schema sees only what was typed.
 */
export function takeCallbackPath(formData: FormData): string {
  const form = asForm(formData);
  const path = safeCallbackPath(form.get(CALLBACK_FIELD));
  form.delete(CALLBACK_FIELD);
  return path;
}

type Options<T, Data> = {
  /** Fields never given back to the page (passwords). */
  secrets?: readonly string[];
  /** What to answer on success: a note, or `goTo(...)`. */
  done: (data: T) => FormState<Data> | Promise<FormState<Data>>;
};

/**
 * The shape of every form's server action: read the fields, run the DAL through
 * `runAction` (schema, refusals in words, bugs logged), and answer a FormState
 * that gives back what was typed (except secrets) when it fails.
 */
export async function runForm<S extends z.ZodType, T, Data = unknown>(
  schema: S,
  formData: FormData,
  fn: (data: z.infer<S>) => Promise<DalResult<T>>,
  { secrets = [], done }: Options<T, Data>,
): Promise<FormState<Data>> {
  const fields = formFields(formData);
  const result = await runAction(schema, nestFields(fields), fn);
  if (result.ok) return done(result.data);
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (!secrets.includes(name) && typeof value === "string") values[name] = value;
  }
  return {
    ok: false,
    formError: result.formError,
    fieldErrors: result.fieldErrors,
    values,
  };
}

/** A success note on the form, with what the change left for the page to show. */
export const saved = <Data = unknown>(notice: string, data?: Data): FormState<Data> =>
  data === undefined ? { ok: true, notice } : { ok: true, notice, data };

/**
 * Success that moves on to `path`. Called from JavaScript (Next's client sends
 * a Next-Action header) the form navigates; from a plain HTML post the server
 * redirects now (303), so the browser lands on `path` either way.
 */
export async function goTo(path: string, { reload = false } = {}): Promise<FormState<never>> {
  if ((await headers()).has("next-action")) {
    return { ok: true, redirectTo: path, reload };
  }
  redirect(path);
}

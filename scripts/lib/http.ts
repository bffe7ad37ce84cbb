// Talking to a running server as a browser would: the sign-in form posted
// without JavaScript, and server actions posted the way Next's client posts them. One
// client for the system tests (system/) and the benchmarks (scripts/bench/).
import { readFileSync } from "node:fs";
import path from "node:path";

import type { FormState } from "../../lib/actions/form-state";
import type { ActionResult } from "../../lib/actions/result";

export type { ActionResult, FormState };

type ManifestEntry = { exportedName?: string; filename?: string };
let actionIds: Map<string, string> | undefined;

/**
 * The id `next build` gave a server action, by its exported name (each name
 * is exported by one actions file). Read from the build the servers run.
 */
export function actionId(name: string): string {
  if (!actionIds) {
    const file = path.join(process.cwd(), ".next/server/server-reference-manifest.json");
    const manifest = JSON.parse(readFileSync(file, "utf8")) as {
      node: Record<string, ManifestEntry>;
    };
    actionIds = new Map();
    for (const [id, entry] of Object.entries(manifest.node)) {
      if (entry.exportedName) actionIds.set(entry.exportedName, id);
    }
  }
  const id = actionIds.get(name);
  if (!id) throw new Error(`no server action named ${name} in the build`);
  return id;
}

/** A complete answer that is not an action result (a 500, say): a bug, unlike a cut connection. */
export class ActionHttpError extends Error {}

/** Who a request comes from: a session cookie and the client IP the app sees (X-Forwarded-For). */
export type Caller = { cookie?: string; ip?: string };

/**
 * Posts a server action call as Next's client does (POST to a page with the
 * `Next-Action` header) and answers the raw RSC payload. Throws on anything
 * but a 200, and passes fetch's network errors through (a killed server).
 */
async function postAction(
  baseUrl: string,
  name: string,
  body: string | FormData,
  caller: Caller,
  page: string,
): Promise<string> {
  const res = await fetch(baseUrl + page, {
    method: "POST",
    headers: {
      accept: "text/x-component",
      // A FormData body sets its own multipart content type.
      ...(typeof body === "string" ? { "content-type": "text/plain;charset=UTF-8" } : {}),
      "next-action": actionId(name),
      origin: baseUrl,
      ...(caller.cookie ? { cookie: caller.cookie } : {}),
      ...(caller.ip ? { "x-forwarded-for": caller.ip } : {}),
    },
    body,
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  if (res.status !== 200)
    throw new ActionHttpError(`${name}: HTTP ${res.status}: ${text.slice(0, 500)}`);
  return text;
}

/**
 * Calls a form's server action as Next's client does once hydrated: the
 * arguments are the action's bound values, the previous state and the form's
 * fields, sent in React's reply encoding (the form's fields as "_1_<name>",
 * then field "0" with the argument list, where "$K1" stands for them).
 * Answers the action's FormState.
 */
export async function callFormAction(
  baseUrl: string,
  name: string,
  bound: unknown[],
  fields: Record<string, string>,
  caller: Caller = {},
  page = "/",
): Promise<FormState> {
  const body = new FormData();
  for (const [field, value] of Object.entries(fields)) body.append(`_1_${field}`, value);
  // Last, as React sends it: the server reads the form's fields when it parses this.
  body.append("0", JSON.stringify([...bound, { ok: null }, "$K1"]));
  const text = await postAction(baseUrl, name, body, caller, page);
  return decodeActionResult(text, name) as unknown as FormState;
}

/** The action's return value from an RSC payload: row 0 names the row (`"a":"$@1"`) holding it. */
function decodeActionResult<T>(payload: string, name: string): ActionResult<T> {
  const rows = new Map<string, string>();
  for (const line of payload.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1]!, m[2]!);
  }
  try {
    const head = JSON.parse(rows.get("0") ?? "null") as { a?: string } | null;
    const ref = /^\$@([0-9a-f]+)$/.exec(head?.a ?? "")?.[1];
    const result = JSON.parse(rows.get(ref ?? "") ?? "null") as ActionResult<T> | null;
    if (result && typeof result.ok === "boolean") return result;
  } catch {
    // reported below
  }
  throw new ActionHttpError(`${name}: no action result in the answer: ${payload.slice(0, 500)}`);
}

/** The value of an HTML attribute as text (the entities React writes). */
const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/**
 * The fields React put into a page's form for its server action (`$ACTION_…`),
 * from the first form that has a field named `fieldName`: what a browser
 * without JavaScript sends back with what was typed.
 */
export function actionFields(html: string, fieldName: string): [string, string][] {
  for (const [, body] of html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)) {
    if (!body!.includes(`name="${fieldName}"`)) continue;
    const fields: [string, string][] = [];
    for (const [tag] of body!.matchAll(/<input\b[^>]*>/g)) {
      const name = /\sname="([^"]*)"/.exec(tag)?.[1];
      if (!name?.startsWith("$ACTION")) continue;
      fields.push([unescapeHtml(name), unescapeHtml(/\svalue="([^"]*)"/.exec(tag)?.[1] ?? "")]);
    }
    return fields;
  }
  throw new Error(`no form with a field named ${fieldName}`);
}

/** A form's own alert in a page (the text of its role="alert"), if it shows one. */
export function formAlertText(html: string): string | undefined {
  const inner = /<p role="alert"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1];
  return inner === undefined ? undefined : unescapeHtml(inner.replace(/<[^>]*>/g, "")).trim();
}

export type SignInResult = { ok: true; cookie: string } | { ok: false; error: string };

/**
 * Signs in as a browser without JavaScript does: reads the sign-in page's
 * form and posts it (from `ip` when given, as X-Forwarded-For). The session
 * cookie, or the words the page shows ("The email or password is incorrect.").
 */
export async function signIn(
  baseUrl: string,
  email: string,
  password: string,
  ip?: string,
): Promise<SignInResult> {
  const forwarded: Record<string, string> = ip ? { "x-forwarded-for": ip } : {};
  const page = await fetch(`${baseUrl}/login`, {
    headers: forwarded,
    signal: AbortSignal.timeout(60_000),
  });
  const body = new FormData();
  for (const [name, value] of actionFields(await page.text(), "password")) body.append(name, value);
  body.append("email", email);
  body.append("password", password);
  const res = await fetch(`${baseUrl}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: baseUrl, ...forwarded },
    body,
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => /^next-auth\.session-token=./.test(c));
  if (cookie) return { ok: true, cookie };
  return { ok: false, error: formAlertText(text) ?? `HTTP ${res.status}` };
}

/** Signs in and insists on a session. */
export async function sessionCookie(
  baseUrl: string,
  email: string,
  password: string,
  ip?: string,
): Promise<string> {
  const result = await signIn(baseUrl, email, password, ip);
  if (!result.ok) throw new Error(`sign-in as ${email} failed: ${result.error}`);
  return result.cookie;
}

/** Whether a fetch failure is a refused connection (nothing listening) rather than a cut one. */
export function isConnectionRefused(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code === "ECONNREFUSED";
}

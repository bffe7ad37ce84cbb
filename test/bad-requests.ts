// Requests that once answered 500 with a stack trace in the log (issue 14,
// item 7), and what each must get instead. e2e/bad-requests.spec.ts checks
// the answers; system/bad-requests.test.ts checks what the server logs.
import { readFileSync } from "node:fs";

/** What a refusal's body must be: the site's "Page not found", a JSON error, or a form's refusal page. */
export type Shape = "page" | "json" | "form";

export type BadRequest = {
  name: string;
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
  status: number;
  shape: Shape;
  /** Whether the server logs it (one line); a page's own 404 for a value that is no slug is not logged. */
  logged: boolean;
};

/** The action Next-Action headers name here: following a city (signed out, harmlessly sent to sign in). */
export const ACTION_PAGE = "/cities/boston-ma";

/** A server action's id in the build the server runs. */
export function actionId(exportedName = "setFollowAction"): string {
  const manifest = JSON.parse(
    readFileSync(".next/server/server-reference-manifest.json", "utf8"),
  ) as { node: Record<string, { exportedName?: string }> };
  const found = Object.entries(manifest.node).find(([, a]) => a.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} in the build`);
  return found[0];
}

/** The headers of a call from Next's client on `origin` (no content type: multipart, set by the sender). */
export function actionHeaders(
  origin: string,
  contentType: string | null = "text/plain;charset=UTF-8",
) {
  const headers: Record<string, string> = {
    "next-action": actionId(),
    origin,
    accept: "text/x-component",
  };
  if (contentType) headers["content-type"] = contentType;
  return headers;
}

/** Just over Next's 1 MB limit on an action body. */
export const OVERSIZED_ARGUMENTS = JSON.stringify(["a".repeat(1024 * 1024 + 1)]);

export function badRequests(origin: string): BadRequest[] {
  const page = (path: string): BadRequest => ({
    name: `GET ${path}`,
    method: "GET",
    path,
    status: 404,
    shape: "page",
    logged: true,
  });
  const call = (name: string, body: string, status = 400): BadRequest => ({
    name: `server action with ${name}`,
    method: "POST",
    path: ACTION_PAGE,
    headers: actionHeaders(origin),
    body,
    status,
    shape: "json",
    logged: true,
  });
  const boundary = "----citywatch";
  return [
    page("/cities/%00"),
    page("/cities/%ff%fe"),
    page("/updates/%ff"),
    page("/articles/%00"),
    page("/cities/%ff/history"),
    { ...page("/cities/%E2%80%AE"), logged: false },
    page("/moderation/updates/%ff"),
    {
      name: "GET /api/cities/%00",
      method: "GET",
      path: "/api/cities/%00",
      status: 400,
      shape: "json",
      logged: true,
    },
    {
      name: "GET /api/cities/%ff",
      method: "GET",
      path: "/api/cities/%ff",
      status: 400,
      shape: "json",
      logged: true,
    },
    {
      name: "GET /api/updates.csv with a kind that does not exist",
      method: "GET",
      path: "/api/updates.csv?kind=%00",
      status: 400,
      shape: "json",
      logged: true,
    },
    {
      name: "GET /api/cities.csv with an unknown parameter",
      method: "GET",
      path: "/api/cities.csv?format=xlsx",
      status: 400,
      shape: "json",
      logged: true,
    },
    {
      name: "next-auth csrf with a relative callbackUrl",
      method: "GET",
      path: "/api/auth/csrf?callbackUrl=foo",
      status: 400,
      shape: "json",
      logged: true,
    },
    {
      name: "next-auth session with a spoilt callback-url cookie",
      method: "GET",
      path: "/api/auth/session",
      headers: { cookie: "next-auth.callback-url=foo" },
      status: 400,
      shape: "json",
      logged: true,
    },
    call("a body over 1 MB", OVERSIZED_ARGUMENTS, 413),
    call("malformed JSON", '[{"city":'),
    call("an empty body", ""),
    call("a bare 42", "42"),
    call("a reference to a missing part", '["$Q1"]'),
    {
      name: "form post that is not multipart",
      method: "POST",
      path: ACTION_PAGE,
      headers: { origin, "content-type": `multipart/form-data; boundary=${boundary}` },
      body: "this is not a multipart body",
      status: 400,
      shape: "form",
      logged: true,
    },
    {
      name: "form post over 1 MB",
      method: "POST",
      path: ACTION_PAGE,
      headers: { origin, "content-type": `multipart/form-data; boundary=${boundary}` },
      body: [
        `--${boundary}`,
        `Content-Disposition: form-data; name="$ACTION_ID_${actionId()}"`,
        "",
        "",
        `--${boundary}`,
        'Content-Disposition: form-data; name="city"',
        "",
        "a".repeat(1024 * 1024),
        `--${boundary}--`,
        "",
      ].join("\r\n"),
      status: 413,
      shape: "form",
      logged: true,
    },
  ];
}

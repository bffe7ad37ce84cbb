import { ACTION_BODY_LIMIT_BYTES } from "./limits";

/*
 * A server action is a public POST endpoint, and Next decodes its body
 * (React's "reply" format) by throwing on anything it cannot read: an empty
 * or malformed body, a bare `42`, a body over the size limit, a reference to
 * a part that is not there. Each becomes a 500 and a stack trace. proxy.ts
 * calls checkActionRequest first, so such a request gets a 400 or 413 instead.
 *
 * What passes is what React's client sends (encodeReply) for the arguments
 * this app's actions take: JSON values, strings (a leading "$" escaped as
 * "$$"), undefined, -0, ±Infinity, NaN, dates, bigints, a FormData (its
 * entries are fields beside the argument list), opaque temporary references
 * ("$T") and back-references to a value met earlier in the same list
 * ("$0:…"). References to other parts (promises, Maps, Sets, Blobs, typed
 * arrays, streams, iterators, server functions) are refused: no action here
 * takes one, and a hostile one is what makes the decoder throw.
 * lib/http/action-request.test.ts runs React's own encoder against this.
 */

export type ActionCheck = { ok: true } | { ok: false; status: 400 | 413; reason: string };

const OK: ActionCheck = { ok: true };
const bad = (reason: string): ActionCheck => ({ ok: false, status: 400, reason });
const tooLarge: ActionCheck = {
  ok: false,
  status: 413,
  reason: `action body over ${ACTION_BODY_LIMIT_BYTES} bytes`,
};

/** Next refuses (by throwing) an argument list longer than this. */
const MAX_ARGUMENTS = 1000;
/** React revives the arguments recursively; a deeply nested body overflows its stack. */
const MAX_DEPTH = 64;
/** React refuses (by throwing) a bigint with more digits than this. */
const MAX_BIGINT_DIGITS = 300;
const CONSTANTS = new Set(["$undefined", "$T", "$-0", "$Infinity", "$-Infinity", "$NaN"]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isContainer = (v: Json): v is Json[] | { [key: string]: Json } =>
  typeof v === "object" && v !== null;

/** "$0:a:1" points at root.a[1]; every step must exist, through arrays and objects. */
function backReferenceResolves(root: Json, path: string[]): boolean {
  let here: Json = root;
  for (const key of path) {
    if (!isContainer(here) || !Object.hasOwn(here, key)) return false;
    here = (here as Record<string, Json>)[key]!;
  }
  return true;
}

function referenceProblem(value: string, root: Json, withFormData: boolean): string | null {
  if (value[1] === "$" || CONSTANTS.has(value) || value.startsWith("$D")) return null;
  if (value.startsWith("$n")) {
    return new RegExp(`^\\$n-?\\d{1,${MAX_BIGINT_DIGITS}}$`).test(value) ? null : "bad bigint";
  }
  if (/^\$K[0-9a-f]{1,8}$/.test(value)) return withFormData ? null : "FormData without its fields";
  const [head, ...path] = value.split(":");
  if (head === "$0") return backReferenceResolves(root, path) ? null : "dangling back-reference";
  return "unsupported reference";
}

/** The argument list of a call: a JSON array, with only the references listed above. */
export function checkArgumentList(text: string, withFormData: boolean): ActionCheck {
  let root: Json;
  try {
    root = JSON.parse(text) as Json;
  } catch {
    return bad(text.trim() === "" ? "empty action body" : "action body is not JSON");
  }
  if (!Array.isArray(root)) return bad("action body is not an argument list");
  if (root.length > MAX_ARGUMENTS) return bad("too many action arguments");
  const stack: [Json, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value === "string" && value.startsWith("$")) {
      const problem = referenceProblem(value, root, withFormData);
      if (problem) return bad(`action arguments: ${problem}`);
    } else if (isContainer(value)) {
      if (depth >= MAX_DEPTH) return bad("action arguments nested too deeply");
      for (const child of Object.values(value)) stack.push([child, depth + 1]);
    }
  }
  return OK;
}

/** The body, or null past `limit` bytes (read no further than that). */
async function readAtMost(body: ReadableStream<Uint8Array> | null, limit: number) {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (body) {
    const reader = body.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      size += next.value.byteLength;
      if (size > limit) {
        await reader.cancel();
        return null;
      }
      chunks.push(next.value);
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

// As Next reads it (Buffer#toString): a byte-order mark stays, and JSON.parse refuses it.
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * Checks a POST that Next would treat as a server action: with a Next-Action
 * header (a call from Next's client: a JSON argument list as text, or a
 * multipart body when an argument is a FormData), or a multipart form post
 * without it (a progressive-enhancement form: its `$ACTION_ID_…` fields name
 * the action, and Next checks those itself). Reads the body.
 */
export async function checkActionRequest(request: Request): Promise<ActionCheck> {
  const contentType = request.headers.get("content-type") ?? "";
  // The same tests Next makes (server-action-request-meta.ts), so both agree on what is an action.
  const isMultipart = contentType.startsWith("multipart/form-data");
  const isFetchAction = request.headers.has("next-action");
  if (request.method !== "POST" || (!isFetchAction && !isMultipart)) return OK;
  // Next answers a URL-encoded action call with a 404 page itself, without decoding it.
  if (contentType === "application/x-www-form-urlencoded") return OK;

  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > ACTION_BODY_LIMIT_BYTES) return tooLarge;
  const bytes = await readAtMost(request.body, ACTION_BODY_LIMIT_BYTES);
  if (!bytes) return tooLarge;

  if (!isMultipart) return checkArgumentList(utf8.decode(bytes), false);
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    return bad("action body is not valid multipart form data");
  }
  if (!isFetchAction) return OK;
  const list = form.get("0");
  if (typeof list !== "string") return bad("action body has no argument list");
  return checkArgumentList(list, true);
}

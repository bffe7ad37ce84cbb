// proxy.ts refuses malformed server action bodies before Next decodes them
// (and answers 500). The danger is refusing a real call: so every argument
// list below is encoded by React's own client (the encoder Next's client
// uses), sent as Next's client sends it, and must pass.
import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostileString } from "@/test/hostile";
import { checkActionRequest } from "./action-request";
import { ACTION_BODY_LIMIT_BYTES } from "./limits";

type EncodeReply = (value: unknown) => Promise<string | FormData>;
const { encodeReply } = createRequire(import.meta.url)(
  "next/dist/compiled/react-server-dom-turbopack/client.node",
) as { encodeReply: EncodeReply };

const ACTION_ID = "40c980b5f341272a3e75850e9b00498fab65b986f6";

/** A call as Next's client makes it: text/plain for a string body, multipart for FormData. */
function call(
  body: string | FormData | Uint8Array<ArrayBuffer>,
  headers: Record<string, string> = {},
) {
  return new Request("http://127.0.0.1/signup", {
    method: "POST",
    headers: {
      "next-action": ACTION_ID,
      ...(typeof body === "string" ? { "content-type": "text/plain;charset=UTF-8" } : {}),
      ...headers,
    },
    body,
  });
}

/** A progressive-enhancement form post: multipart, the action named by a field. */
function formPost(form: FormData) {
  return new Request("http://127.0.0.1/signup", { method: "POST", body: form });
}

const leaf = fc.oneof(
  hostileString,
  fc.string().map((s) => `$${s}`),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.bigInt(),
  fc.date({ noInvalidDate: true }),
);
const { value: argument } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, leaf, tie("array"), tie("object")),
  array: fc.array(tie("value"), { maxLength: 4 }),
  object: fc.dictionary(fc.string({ maxLength: 8 }), tie("value"), {
    maxKeys: 4,
    noNullPrototype: true,
  }),
}));
const formData = fc
  .array(fc.tuple(fc.string({ maxLength: 12 }), hostileString), { maxLength: 5 })
  .map((entries) => {
    const form = new FormData();
    for (const [key, value] of entries) form.append(key, value);
    return form;
  });

describe("checkActionRequest accepts what React's client sends", () => {
  it("argument lists of JSON, strings, dates, bigints, special numbers, shared objects", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(argument, { maxLength: 5 }), async (args) => {
        // The same object twice becomes a back-reference ("$0:…").
        const list = args.length > 0 ? [...args, args[0]] : args;
        const verdict = await checkActionRequest(call(await encodeReply(list)));
        expect(
          verdict,
          // (Not String(v): an object with its own "toString" key cannot be made a string.)
          JSON.stringify(list, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v)),
        ).toEqual({ ok: true });
      }),
      { numRuns: 200, examples: [[[{ toString: {} }]], [[{ valueOf: 1, constructor: "x" }]]] },
    );
  });

  it("a FormData argument (useActionState's previous state and the form)", async () => {
    await fc.assert(
      fc.asyncProperty(argument, formData, async (previous, form) => {
        const body = await encodeReply([previous, form]);
        expect(body).toBeInstanceOf(FormData);
        expect(await checkActionRequest(call(body as FormData))).toEqual({ ok: true });
      }),
      { numRuns: 100 },
    );
  });

  it("a form posted without JavaScript, with a file, up to the size limit", async () => {
    const form = new FormData();
    form.append(`$ACTION_ID_${ACTION_ID}`, "");
    form.append("name", "Ana");
    form.append("photo", new Blob([new Uint8Array(ACTION_BODY_LIMIT_BYTES - 1000)]), "a.bin");
    expect(await checkActionRequest(formPost(form))).toEqual({ ok: true });
  });

  it("lets alone what is no action: GET, a JSON post without Next-Action, a URL-encoded call", async () => {
    const get = new Request("http://127.0.0.1/cities", { headers: { "next-action": ACTION_ID } });
    const json = new Request("http://127.0.0.1/x", { method: "POST", body: "{" });
    const encoded = call("a=b", { "content-type": "application/x-www-form-urlencoded" });
    for (const request of [get, json, encoded]) {
      expect(await checkActionRequest(request)).toEqual({ ok: true });
    }
  });
});

describe("checkActionRequest refuses what Next cannot decode", () => {
  const refused = async (request: Request) => {
    const verdict = await checkActionRequest(request);
    return verdict.ok ? 200 : verdict.status;
  };

  it("empty, malformed, not a list, too long, too deep, dangling or foreign references", async () => {
    for (const body of [
      "",
      "  ",
      "42",
      "{}",
      '"x"',
      "null",
      '[{"a":',
      "\uFEFF[]",
      JSON.stringify(Array(1001).fill(1)),
      "[".repeat(100) + "]".repeat(100),
      '["$"]',
      '["$1"]',
      '["$@1"]',
      '["$Q1"]',
      '["$W1"]',
      '["$h1"]',
      '["$B1"]',
      '["$K1"]',
      '["$nabc"]',
      `["$n${"9".repeat(301)}"]`,
      '[{"a":1},"$0:5"]',
      '[{"a":1},"$0:0:b:c"]',
      '[{"name":"$1:a:b"}]',
    ]) {
      expect(await refused(call(body)), body).toBe(400);
    }
  });

  it("a body over the limit, declared or not", async () => {
    const big = "x".repeat(ACTION_BODY_LIMIT_BYTES + 1);
    expect(await refused(call(`["${big}"]`))).toBe(413);
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 3; i++) controller.enqueue(new Uint8Array(ACTION_BODY_LIMIT_BYTES / 2));
        controller.close();
      },
    });
    const request = new Request("http://127.0.0.1/signup", {
      method: "POST",
      headers: { "next-action": ACTION_ID },
      body: chunked,
      duplex: "half",
    } as RequestInit);
    expect(await refused(request)).toBe(413);
  });

  it("multipart bodies that do not parse, or carry no argument list", async () => {
    const garbage = { "content-type": "multipart/form-data; boundary=XX" };
    expect(await refused(call(new TextEncoder().encode("garbage"), garbage))).toBe(400);
    const noBoundary = { "content-type": "multipart/form-data" };
    expect(await refused(call(new TextEncoder().encode("--XX--"), noBoundary))).toBe(400);
    const form = new FormData();
    form.append("1_name", "x");
    expect(await refused(call(form))).toBe(400);
    form.append("0", '["$Q1"]');
    expect(await refused(call(form))).toBe(400);
    const post = new Request("http://127.0.0.1/signup", {
      method: "POST",
      headers: garbage,
      body: "garbage",
    });
    expect(await refused(post)).toBe(400);
  });
});

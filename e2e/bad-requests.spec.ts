// Bad requests never get a 500 (QUALITY.md, reliability; issue 14 item 7):
// paths that do not decode, a callbackUrl next-auth refuses, server action
// bodies Next cannot decode. Each gets a 4xx a person or a program can read,
// and genuine action calls and form posts still go through.
// system/bad-requests.test.ts checks that the server logs each in one line.
import fc from "fast-check";
import type { APIResponse } from "@playwright/test";
import {
  ACTION_PAGE,
  OVERSIZED_ARGUMENTS,
  actionHeaders,
  actionId,
  badRequests,
  type Shape,
} from "../test/bad-requests";
import { expect, test } from "./fixtures";

/** fast-check prints the seed of a failing run; FC_SEED replays it. */
const SEED = Number(process.env.FC_SEED ?? 20261203);
/** The site's not-found pages: the root one, and the cities' own. */
const NOT_FOUND_HEADING = /<h1[^>]*>(Page not found|We have no profile for that place)<\/h1>/;

/**
 * The site's not-found page: rendered whole, or (when a page calls notFound()
 * while rendering) Next's shell whose payload the browser renders it from.
 */
const isNotFoundPage = (html: string) =>
  NOT_FOUND_HEADING.test(html) ||
  (html.includes('<html id="__next_error__">') && html.includes("NEXT_HTTP_ERROR_FALLBACK;404"));

const softExpect = expect.soft;
const origin = () => new URL(test.info().project.use.baseURL!).origin;

async function expectShape(response: APIResponse, shape: Shape, what: string) {
  const expect = softExpect;
  const type = response.headers()["content-type"] ?? "";
  if (shape === "json") {
    expect(type, what).toContain("application/json");
    const body = (await response.json()) as { error?: unknown; message?: unknown };
    expect(typeof body.error, what).toBe("string");
    expect(typeof body.message, what).toBe("string");
  } else {
    expect(type, what).toContain("text/html");
    const html = await response.text();
    if (shape === "page") expect(isNotFoundPage(html), what).toBe(true);
    else expect(html, what).toMatch(/<h1>That form (is too large to send|could not be read)<\/h1>/);
  }
}

test("each bad request gets a 4xx page or JSON error, not a 500", async ({ request }) => {
  for (const bad of badRequests(origin())) {
    const response = await request.fetch(bad.path, {
      method: bad.method,
      headers: bad.headers,
      data: bad.body,
      maxRedirects: 0,
    });
    // Soft: a run against a server without the fixes lists every request that still fails.
    expect.soft(response.status(), bad.name).toBe(bad.status);
    if (response.status() === bad.status) await expectShape(response, bad.shape, bad.name);
  }
});

test("the refused cookie is cleared, and good requests still pass", async ({ request }) => {
  const spoilt = await request.get("/api/auth/session", {
    headers: { cookie: "next-auth.callback-url=foo" },
  });
  expect(spoilt.headers()["set-cookie"]).toMatch(/^next-auth\.callback-url=; .*Max-Age=0/);

  const csrf = await request.get("/api/auth/csrf?callbackUrl=/cities");
  expect(csrf.status()).toBe(200);
  expect((await csrf.json()).csrfToken).toMatch(/^[0-9a-f]{64}$/);
  const city = await request.get("/cities/boston-ma");
  expect(city.status()).toBe(200);
  expect(isNotFoundPage(await city.text())).toBe(false);
  const unknown = await request.get("/api/cities/atlantis-xx");
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error).toBe("not_found");

  // A genuine call from Next's client reaches the action, which sends a signed-out caller to sign in.
  const call = await request.post(ACTION_PAGE, {
    headers: actionHeaders(origin()),
    data: JSON.stringify([{ city: "boston-ma" }]),
  });
  expect(call.status()).toBe(200);
  expect(await call.text()).toContain('"redirectTo":"/login?callbackUrl=');
  // The same as multipart, as the client sends a FormData argument.
  const multipart = await request.post(ACTION_PAGE, {
    headers: actionHeaders(origin(), null),
    multipart: { "0": JSON.stringify([{ city: "boston-ma" }, "$K1"]), _1_note: "x" },
  });
  expect(multipart.status()).toBe(200);
  expect(await multipart.text()).toContain('"redirectTo":"/login?callbackUrl=');
});

test.describe("forms posted without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  /** A progressive-enhancement form as React renders one, served from the site's own origin. */
  async function openForm(page: import("@playwright/test").Page) {
    const html = `<!DOCTYPE html><html lang="en"><title>Form</title>
      <form method="post" action="${ACTION_PAGE}" enctype="multipart/form-data">
        <input type="hidden" name="$ACTION_ID_${actionId()}" value="">
        <label>Note <textarea name="note"></textarea></label>
        <label>File <input type="file" name="file"></label>
        <button>Send</button>
      </form></html>`;
    await page.route("**/__form-test", (route) =>
      route.fulfill({ contentType: "text/html", body: html }),
    );
    await page.goto("/__form-test");
  }

  test("a real form post reaches the action; one over 1 MB gets a page saying so", async ({
    page,
  }) => {
    await openForm(page);
    await page.getByLabel("Note").fill("Ünïcode ✓ and a file");
    await page.getByLabel("File").setInputFiles({
      name: "note.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("hello"),
    });
    const [sent] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Send" }).click(),
    ]);
    // Signed out, the follow action sends the browser to sign in (a 303).
    expect(sent.status()).toBe(303);
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2F$/);

    await openForm(page);
    await page.getByLabel("Note").fill("a".repeat(1024 * 1024 + 1));
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Send" }).click(),
    ]);
    expect(refused.status()).toBe(413);
    await expect(
      page.getByRole("heading", { name: "That form is too large to send" }),
    ).toBeVisible();
  });
});

// Property tests against the running server: random hostile input, no 500.
const byteEscape = fc
  .integer({ min: 0, max: 255 })
  .map((b) => `%${b.toString(16).padStart(2, "0")}`);
const brokenEscape = fc.constantFrom("%", "%g", "%0", "%%", "%zz", "%E0%A4", "%C0%AF", "%ED%A0%80");
const plain = fc.stringMatching(/^[A-Za-z0-9._~-]{0,10}$/);
const unicode = fc.string({ unit: "grapheme", maxLength: 4 }).map(encodeURIComponent);
const segment = fc
  .array(fc.oneof(byteEscape, brokenEscape, plain, unicode), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join(""));
const rawPath = fc
  .tuple(
    fc.constantFrom(
      "/",
      "/cities/",
      "/api/cities/",
      "/updates/",
      "/articles/",
      "/feeds/",
      "/moderation/updates/",
      "/me/submissions/edits/",
      "/cities/boston-ma/",
      "/api/auth/",
      "/api/comments/",
    ),
    segment,
    fc.constantFrom("", "/history", "/updates", "/feed.xml", "/edit", "/updates/new", ".rsc"),
  )
  .map((parts) => parts.join(""));

test("no raw path gets a 500", async ({ request }) => {
  await fc.assert(
    fc.asyncProperty(rawPath, async (path) => {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBeLessThan(500);
      if (response.status() === 404 && !path.startsWith("/api/") && !path.includes(".rsc")) {
        const type = response.headers()["content-type"] ?? "";
        if (type.includes("text/html"))
          expect(isNotFoundPage(await response.text()), path).toBe(true);
      }
    }),
    { numRuns: 100, seed: SEED },
  );
});

const reference = fc.oneof(
  fc.constantFrom("$Q1", "$W1", "$@1", "$h1", "$B1", "$i1", "$1", "$K1", "$F1", "$l1", "$AA"),
  fc.constantFrom("$n", "$nabc", "$0:9", "$0:0:x:y", "$", "$T", "$D", "$$", "$-0", "$undefined"),
  fc.string({ maxLength: 6 }).map((s) => `$${s}`),
);
const argumentList = fc
  .array(fc.oneof(reference, fc.jsonValue({ maxDepth: 2 })), { maxLength: 4 })
  .map((list) => JSON.stringify(list));
const multipartBody = fc
  .record({
    parts: fc.array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom(
            "0",
            "1",
            "_1_city",
            "$ACTION_REF_1",
            "$ACTION_1:0",
            "$ACTION_1:1",
            "$ACTION_KEY",
            `$ACTION_ID_${actionId()}`,
          ),
          fc.string({ maxLength: 8 }),
        ),
        fc.oneof(argumentList, fc.string({ maxLength: 40 })),
      ),
      { maxLength: 4 },
    ),
    cut: fc.option(fc.nat(), { nil: undefined }),
  })
  .map(({ parts, cut }) => {
    const body = [
      ...parts.map(
        ([name, value]) =>
          `--XB\r\nContent-Disposition: form-data; name="${name.replace(/["\r\n]/g, "")}"\r\n\r\n${value}\r\n`,
      ),
      "--XB--\r\n",
    ].join("");
    return cut === undefined ? body : body.slice(0, cut % (body.length + 1));
  });
const actionBody = fc.oneof(
  { arbitrary: argumentList, weight: 4 },
  { arbitrary: fc.json(), weight: 2 },
  { arbitrary: fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.from(b)), weight: 2 },
  {
    arbitrary: fc.constantFrom("", "42", "[", "{}", "null", "\uFEFF[]", "[".repeat(200)),
    weight: 1,
  },
  { arbitrary: fc.constant(OVERSIZED_ARGUMENTS), weight: 1 },
);

test("no server action body gets a 500", async ({ request }) => {
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(
        fc.record({
          multipart: fc.constant(false),
          nextAction: fc.constant(true),
          body: actionBody,
        }),
        fc.record({ multipart: fc.constant(true), nextAction: fc.boolean(), body: multipartBody }),
      ),
      fc.constantFrom("text/plain;charset=UTF-8", "application/json", "text/plain"),
      async ({ multipart, nextAction, body }, textType) => {
        const headers: Record<string, string> = {
          origin: origin(),
          "content-type": multipart ? "multipart/form-data; boundary=XB" : textType,
        };
        if (nextAction) headers["next-action"] = actionId();
        const response = await request.post(ACTION_PAGE, { headers, data: body, maxRedirects: 0 });
        const what = `${JSON.stringify(headers)} ${String(body).slice(0, 300)}`;
        expect(response.status(), what).toBeLessThan(500);
      },
    ),
    { numRuns: 100, seed: SEED },
  );
});

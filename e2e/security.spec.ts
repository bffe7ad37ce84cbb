import { readFileSync } from "node:fs";
import { actionFields } from "../scripts/lib/http";
import { DEMO_PASSWORD, expect, newAccount, signIn, test } from "./fixtures";

test("every response carries the security headers", async ({ request }) => {
  for (const path of ["/", "/cities/boston-ma", "/login", "/api/cities"]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["content-security-policy"]).toContain("object-src 'none'");
    expect(headers["content-security-policy"]).toContain("base-uri 'none'");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  }
});

test("cross-origin sign-in posts are refused", async ({ request, browser }) => {
  // The sign-in form as a browser without JavaScript posts it, from another site.
  const email = await newAccount(browser, "Sam Same-Origin", "a long passphrase for tests");
  const page = await request.get("/login");
  const multipart: Record<string, string> = { email, password: "a long passphrase for tests" };
  for (const [name, value] of actionFields(await page.text(), "password")) multipart[name] = value;
  const response = await request.post("/login", {
    headers: { origin: "https://evil.example" },
    multipart,
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(response.headers()["set-cookie"]).toBeUndefined();

  // The same post from the site itself signs in.
  const same = await request.post("/login", {
    headers: { origin: new URL(page.url()).origin },
    multipart,
    maxRedirects: 0,
  });
  expect(same.status()).toBe(303);
  expect(same.headers()["set-cookie"]).toMatch(/next-auth\.session-token=/);
});

test("cross-origin server action posts are refused, same-origin ones answered", async ({
  request,
}) => {
  // The real id of the follow action, from the build the server runs.
  const manifest = JSON.parse(
    readFileSync(".next/server/server-reference-manifest.json", "utf8"),
  ) as { node: Record<string, { exportedName?: string }> };
  const id = Object.entries(manifest.node).find(
    ([, a]) => a.exportedName === "setFollowAction",
  )![0];
  const post = (origin: string) =>
    request.post("/cities/boston-ma", {
      headers: {
        "next-action": id,
        origin,
        "content-type": "text/plain;charset=UTF-8",
        accept: "text/x-component",
      },
      data: JSON.stringify([{ city: "boston-ma" }]),
    });
  const crossSite = await post("https://evil.example");
  expect(crossSite.status()).toBe(403);
  expect(await crossSite.text()).toBe("Cross-site request refused.");
  // The same request from the site itself reaches the action, which sends a signed-out caller to sign in.
  const sameSite = await post(new URL(test.info().project.use.baseURL!).origin);
  expect(sameSite.status()).toBe(200);
  expect(await sameSite.text()).toContain('"redirectTo":"/login?callbackUrl=');
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ page, context }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("resident@example.org");
  await page.getByLabel("Password").fill("citywatch-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-name")).toHaveText("Rosa Resident");
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});

test("protected pages stay protected through RSC and prefetch requests", async ({ request }) => {
  const variants: Record<string, string>[] = [
    { rsc: "1" },
    { rsc: "1", "next-router-prefetch": "1" },
    { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
  ];
  for (const headers of variants) {
    for (const path of ["/account", "/admin/users", "/moderation"]) {
      // Followed to the end: Next first redirects an RSC request to add its `_rsc` key.
      const response = await request.get(path, { headers });
      const body = await response.text();
      const what = `${path} ${JSON.stringify(headers)}`;
      expect(body, what).not.toContain("Recent account actions");
      expect(body, what).not.toContain("Nothing is waiting for review");
      expect(body, what).not.toContain("Sign out everywhere");
      // A page view ends on the sign-in page.
      if (!headers.rsc) expect(new URL(response.url()).pathname, what).toBe("/login");
    }
  }
});

test("a resident's session gets no moderator or admin page through RSC or prefetch requests", async ({
  page,
}) => {
  await signIn(page, "resident@example.org", DEMO_PASSWORD);
  await expect(page.getByTestId("signed-in-name")).toHaveText("Rosa Resident");
  const request = page.context().request;
  // A page view answers 403; an RSC request carries the same "no access" page (as a 200
  // payload, the way a client-side navigation receives it); a prefetch carries no page at all.
  const variants: { headers: Record<string, string>; refusal: boolean }[] = [
    { headers: {}, refusal: true },
    { headers: { rsc: "1" }, refusal: true },
    { headers: { rsc: "1", "next-router-prefetch": "1" }, refusal: false },
  ];
  for (const { headers, refusal } of variants) {
    for (const [path, secret] of [
      ["/admin/users", "Recent account actions"],
      ["/moderation", "Nothing is waiting for review"],
      ["/moderation/log", "Filter the log"],
    ] as const) {
      // (Next first redirects an RSC request to the same path with its `_rsc` cache key.)
      const response = await request.get(path, { headers });
      const body = await response.text();
      const what = `${path} ${JSON.stringify(headers)}: ${response.status()}`;
      expect(body, what).not.toContain(secret);
      if (refusal) expect(body, what).toContain("You do not have access to this page");
      if (!headers.rsc) expect(response.status(), what).toBe(403);
    }
  }
  // The same session does reach its own pages, so the refusals above are about the role.
  expect((await request.get("/account", { maxRedirects: 0 })).status()).toBe(200);
});

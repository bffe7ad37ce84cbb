import { demoPage, expect, signIn, signUp, test, uniqueEmail } from "./fixtures";

// Signed-in pages as a cached shell (lib/pages/shells.ts): a browser that runs
// scripts gets /me and /moderation from the cache, the same bytes for everyone,
// and its own part from an API route; without scripts the page is rendered on
// the server as before (no-javascript*.spec.ts).

const PASSWORD = "shell-walk-4821";

test("/me with scripts: the cached shell, then my cities and feed from /api/me", async ({
  browser,
}) => {
  const page = await demoPage(browser, "resident");
  const fromApi = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/me");
  const response = await page.goto("/me");
  // The document is the prerendered shell: no one's cities or feed are in it.
  expect(response?.headers()["x-nextjs-prerender"]).toBe("1");
  expect(response?.headers()["cache-control"]).toBe("private, no-store");
  const html = await response!.text();
  expect(html).toContain("Loading your cities…");
  expect(html).not.toContain("What changed");
  expect((await fromApi).status()).toBe(200);
  await expect(page.getByRole("heading", { name: "What changed" })).toBeVisible();
  await expect(page.getByText("Loading your cities…")).toHaveCount(0);
  await expect(page).toHaveURL(/\/me$/);
});

test("/me without scripts is rendered on the server, and ?plain=1 forgets the scripts cookie", async ({
  browser,
}) => {
  const plain = await demoPage(browser, "resident", { javaScriptEnabled: false });
  const html = await (await plain.goto("/me"))!.text();
  expect(html).toContain("What changed");
  expect(html).not.toContain("Loading your cities…");

  // A browser that ran scripts once, then stopped: the shell's <noscript> sends it here.
  const page = await demoPage(browser, "resident");
  const context = page.context();
  const hasCookie = async () => (await context.cookies()).some((c) => c.name === "cw-js");
  expect(await hasCookie()).toBe(true);
  const answer = await context.request.get("/me?plain=1");
  expect(await answer.text()).toContain("What changed");
  expect(await hasCookie()).toBe(false);
  // The next page the scripts run on sets it again.
  await page.goto("/cities");
  await expect.poll(hasCookie).toBe(true);
});

test("following from the shell: unfollow keeps the city listed with Follow, a reload drops it", async ({
  page,
}) => {
  const email = uniqueEmail("shell");
  await signUp(page, "Shell Walker", email, PASSWORD);
  await page.goto("/cities/boulder-co");
  await page.getByRole("button", { name: "Follow", exact: true }).click();
  await expect(page.getByRole("button", { name: "Unfollow", exact: true })).toBeVisible();

  const response = await page.goto("/me?after=1.1:1");
  expect(response?.headers()["x-nextjs-prerender"]).toBe("1");
  // An older page of the feed: the island read `after` from the address.
  await expect(page.getByText("Nothing older.")).toBeVisible();
  await page.getByRole("link", { name: "Newest" }).click();
  await expect(page).toHaveURL(/\/me$/);
  const boulder = page.getByRole("listitem", { name: "Boulder" });
  await boulder.getByRole("button", { name: "Unfollow", exact: true }).click();
  await expect(boulder.getByRole("button", { name: "Follow", exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByText("You do not follow any city yet.")).toBeVisible();
});

test("a session ended elsewhere: the shell sends the person to sign in and back", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("shell-ended");
  await signUp(page, "Shell Ended", email, PASSWORD);
  await page.goto("/me");
  await expect(page.getByRole("heading", { name: "What changed" })).toBeVisible();

  const other = await (await browser.newContext()).newPage();
  await signIn(other, email, PASSWORD);
  await expect(other.getByTestId("signed-in-name")).toHaveText("Shell Ended");
  await other.goto("/account");
  await other.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(other).toHaveURL(/\/login\?notice=signed-out-everywhere/);

  await page.goto("/me");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fme$/);
  await expect(page.getByRole("heading", { name: "What changed" })).toHaveCount(0);
});

test("/moderation with scripts: the cached shell, the queue from its API, filters in the address", async ({
  browser,
}) => {
  const page = await demoPage(browser, "moderator");
  const response = await page.goto("/moderation?kind=court_ruling");
  expect(response?.headers()["x-nextjs-prerender"]).toBe("1");
  const html = await response!.text();
  expect(html).toContain("Loading the review queue…");
  expect(html).not.toContain("waiting for review");
  await expect(page.getByText(/waiting for review, oldest first\./)).toBeVisible();
  await expect(page.getByRole("link", { name: /^Reported comments \(\d+\)$/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Clear filters" })).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/moderation$/);
  await expect(page.getByRole("link", { name: "Clear filters" })).toHaveCount(0);
});

test("the personal APIs check the session: 401 signed out, 403 without the role", async ({
  browser,
  request,
}) => {
  for (const path of ["/api/me", "/api/notifications/list", "/api/moderation/queue"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(401);
    expect(await response.json()).toMatchObject({ error: "unauthenticated" });
    expect(response.headers()["cache-control"]).toContain("no-store");
  }
  const resident = await demoPage(browser, "resident");
  const refused = await resident.context().request.get("/api/moderation/queue");
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ error: "forbidden" });
  // The shell is not sent to a resident: the page answers 403 as before.
  const page = await resident.goto("/moderation");
  expect(page?.status()).toBe(403);
  await expect(resident.getByText("You do not have access to this page")).toBeVisible();

  const moderator = await demoPage(browser, "moderator");
  const queue = await moderator.context().request.get("/api/moderation/queue?kind=bogus&after=x");
  expect(queue.status()).toBe(200);
  const body = await queue.json();
  expect(body.filter).toEqual({});
  expect(typeof body.queue.total).toBe("number");
  expect(typeof body.reported).toBe("number");
});

test("/notifications with scripts: the cached shell, then my notifications from their API", async ({
  browser,
}) => {
  const page = await demoPage(browser, "resident");
  const fromApi = page.waitForResponse(
    (r) => new URL(r.url()).pathname === "/api/notifications/list",
  );
  const response = await page.goto("/notifications?before=1");
  expect(response?.headers()["x-nextjs-prerender"]).toBe("1");
  const html = await response!.text();
  expect(html).toContain("Loading your notifications…");
  expect(html).not.toContain("Nothing older.");
  expect((await fromApi).status()).toBe(200);
  // The island read `before` from the address: nothing is older than the first notification.
  await expect(page.getByText("Nothing older.")).toBeVisible();
  await page.getByRole("link", { name: "Newest" }).click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByText("Nothing older.")).toHaveCount(0);
});

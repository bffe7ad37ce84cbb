// Buttons that change state are forms too (issue 14): with JavaScript off each
// is a POST that comes back to the page in its new state. Every request is
// recorded: each change is a POST, and no secret is in a URL. (Marking a
// notification read is posted the same way; the permission matrix covers it,
// as producing one needs a moderator's page, which runs JavaScript.)
import type { Page } from "@playwright/test";
import { expect, formAlert, newAccount, recordRequests, test } from "./fixtures";

test.use({ javaScriptEnabled: false });

const PASSWORD = "a long enough passphrase 14";

/** Signs in through the login form (a POST), as a person without JavaScript does. */
async function signInWithoutScripts(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/");
}

/** Presses a button and waits for the POST it sends and the page that comes back. */
async function post(page: Page, press: () => Promise<void>) {
  const [sent] = await Promise.all([page.waitForRequest((r) => r.method() === "POST"), press()]);
  await page.waitForLoadState();
  return sent;
}

test("without JavaScript, a resident follows, unfollows, proposes an edit and withdraws", async ({
  page,
  browser,
}) => {
  const city = "baltimore-md";
  const stamp = Date.now();
  const email = await newAccount(browser, "Nell No-Script", PASSWORD);
  const requests = recordRequests(page);

  // Signed out, "Follow" leads to sign in and back to the city.
  await page.goto(`/cities/${city}`);
  await post(page, () => page.getByRole("button", { name: "Follow", exact: true }).click());
  await expect(page).toHaveURL(new RegExp(`/login\\?callbackUrl=%2Fcities%2F${city}$`));
  await signInWithoutScripts(page, email);

  // Follow from the city page: the page comes back with "Unfollow" and the count.
  await page.goto(`/cities/${city}`);
  await post(page, () => page.getByRole("button", { name: "Follow", exact: true }).click());
  await expect(page.getByRole("button", { name: "Unfollow", exact: true })).toBeVisible();
  await expect(page.getByText(/^\d+ followers?$/)).toBeVisible();
  await page.goto("/me");
  const followed = page.getByRole("list", { name: "Followed cities" });
  await expect(followed.getByRole("listitem", { name: "Baltimore" })).toBeVisible();

  // Unfollow from /me: the page comes back without the city.
  await page.goto("/me");
  await post(page, () =>
    followed
      .getByRole("listitem", { name: "Baltimore" })
      .getByRole("button", { name: "Unfollow" })
      .click(),
  );
  await expect(page.getByRole("listitem", { name: "Baltimore" })).toHaveCount(0);

  // A profile edit with a refused field keeps what was typed; then a good one goes through.
  const leader = `Mayor No-Script ${stamp}`;
  await page.goto(`/cities/${city}/edit`);
  const mayor = page.getByRole("group", { name: "Mayor", exact: true });
  await mayor.getByLabel("Value").fill(leader);
  await post(page, () => page.getByRole("button", { name: "Send edit for review" }).click());
  await expect(mayor.getByText("Enter the source's web address.")).toBeVisible();
  await expect(mayor.getByLabel("Value")).toHaveValue(leader);
  await mayor.getByLabel("Source URL").fill("https://mayor.baltimorecity.gov/");
  await post(page, () => page.getByRole("button", { name: "Send edit for review" }).click());
  await expect(page.getByText("Thank you: your edit was sent for review.")).toBeVisible();

  // Withdraw it from /me/submissions: the question opens without scripts.
  await page.goto("/me/submissions");
  const edit = page.getByRole("listitem", { name: /^Profile edit: Mayor/ });
  await edit.getByRole("button", { name: /^Withdraw/ }).click();
  await post(page, () => edit.getByRole("button", { name: "Yes, withdraw" }).click());
  await expect(page.getByRole("listitem", { name: /^Profile edit: Mayor/ })).toContainText(
    "Withdrawn",
  );
  await expect(formAlert(page)).toHaveCount(0);

  // Every change was a POST; nothing secret went into a URL.
  const changes = requests.filter((r) => r.method() !== "GET");
  expect(changes.map((r) => r.method())).toEqual(Array(changes.length).fill("POST"));
  expect(changes.map((r) => new URL(r.url()).pathname)).toEqual([
    `/cities/${city}`,
    "/login",
    `/cities/${city}`,
    "/me",
    `/cities/${city}/edit`,
    `/cities/${city}/edit`,
    "/me/submissions",
  ]);
  for (const r of requests) {
    expect(r.url()).not.toContain(encodeURIComponent(PASSWORD));
    expect(r.url()).not.toContain("idempotencyKey");
    expect(r.url()).not.toMatch(/token=/);
  }
});

// Forms are real HTML forms: they work with JavaScript off, and never put a
// secret in a URL (issue 14). Every request the browser makes is recorded.
import type { Page, Request } from "@playwright/test";
import { expect, formAlert, newAccount, test, uniqueEmail } from "./fixtures";

test.use({ javaScriptEnabled: false });

const PASSWORD = "a long enough passphrase 14";

/** Every URL the page asks for, and every request body, from now on. */
function recordRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on("request", (r) => requests.push(r));
  return requests;
}

function expectNoSecretInUrls(requests: Request[], ...secrets: string[]) {
  expect(requests.length).toBeGreaterThan(0);
  for (const request of requests) {
    for (const secret of secrets) {
      expect(request.url()).not.toContain(encodeURIComponent(secret));
      expect(request.url()).not.toContain(secret);
    }
  }
}

test("without JavaScript, a person signs up, signs out and signs in with a POST", async ({
  page,
}) => {
  const requests = recordRequests(page);
  const email = uniqueEmail("nojs");
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Nora No-Script");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("combobox", { name: "Home city (optional)" }).selectOption("denver-co");
  await page.getByRole("button", { name: "Sign up" }).click();
  await page.waitForURL((url) => url.pathname === "/");

  await page.goto("/account");
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Home city" })).toHaveValue("denver-co");

  await page.getByRole("button", { name: "Sign out of this browser" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faccount/);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/account");
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();

  const posts = requests.filter((r) => r.method() === "POST");
  expect(posts.map((r) => new URL(r.url()).pathname)).toEqual(["/signup", "/account", "/login"]);
  expect(posts[0]!.postData()).toContain(PASSWORD); // sent in the body, as it should be
  expectNoSecretInUrls(requests, PASSWORD);
});

test("without JavaScript, a refused sign-in shows why and keeps the email, not the password", async ({
  page,
  browser,
}) => {
  const email = await newAccount(browser, "Nico No-Script", PASSWORD);
  const requests = recordRequests(page);
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not the demo password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(formAlert(page)).toHaveText("The email or password is incorrect.");
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await expect(page.getByLabel("Password")).toHaveValue("");
  expect(await page.content()).not.toContain("not the demo password");

  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await page.goto("/account");
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  expectNoSecretInUrls(requests, "not the demo password", PASSWORD);
});

test("without JavaScript, sign-up shows field errors and keeps what was typed", async ({
  page,
}) => {
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Nadia Keeps");
  await page.getByLabel("Email").fill("not an email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByText("Enter a valid email address, like name@example.org.")).toBeVisible();
  await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("Nadia Keeps");
  await expect(page.getByLabel("Email")).toHaveValue("not an email");
  await expect(page.getByLabel("Password")).toHaveValue("");
});

test("without JavaScript, a volunteer submits an update; a refusal keeps every field", async ({
  page,
  browser,
}) => {
  const email = await newAccount(browser, "Vera No-Script", PASSWORD);
  const requests = recordRequests(page);
  await page.goto("/login?callbackUrl=%2Fcities%2Fdenver-co%2Fupdates%2Fnew");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/cities/denver-co/updates/new");

  const title = `Denver without scripts ${Date.now()} می‌خواهم`;
  const summary = "Written with JavaScript off.\n\nIt must arrive whole, with its paragraphs.";
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Summary").fill(summary);
  await page.getByLabel("Source URL").fill("not a web address");
  await page.getByLabel("Date it took effect").fill("2026-11-02");
  await page.getByLabel("Kind").selectOption({ label: "Court ruling" });
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(
    page.getByText("Enter a web address starting with http:// or https://."),
  ).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await expect(page.getByLabel("Summary")).toHaveValue(summary);
  await expect(page.getByLabel("Date it took effect")).toHaveValue("2026-11-02");
  await expect(page.getByLabel("Kind")).toHaveValue("court_ruling");

  await page.getByLabel("Source URL").fill("https://www.denvergov.org/");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Thank you: your update was sent for review.")).toBeVisible();
  await page.goto("/me/submissions");
  await expect(page.getByText(title)).toHaveCount(1);
  expectNoSecretInUrls(requests, PASSWORD);
});

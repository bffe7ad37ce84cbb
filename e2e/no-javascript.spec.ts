// Forms are real HTML forms: they work with JavaScript off, and never put a
// secret in a URL (issue 14). Every request the browser makes is recorded.
import type { Request } from "@playwright/test";
import {
  commentsLanding,
  confirmEmail,
  demoPage,
  expect,
  formAlert,
  newAccount,
  recordRequests,
  test,
  uniqueEmail,
} from "./fixtures";

test.use({ javaScriptEnabled: false });

const PASSWORD = "a long enough passphrase 14";

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
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  // the verification link is a plain GET: it works without JavaScript
  await confirmEmail(page, email);
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
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
  expect(posts.map((r) => new URL(r.url()).pathname)).toEqual([
    "/signup",
    "/login",
    "/account",
    "/login",
  ]);
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

test("without JavaScript, the server refuses a guessable password next to the Password field", async ({
  page,
}) => {
  const email = uniqueEmail("nojs-guessable");
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Gus Guessable");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("Summer2024!");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription(
    /This password is too easy to guess\. Add more words that are less common\./,
  );
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Name")).toHaveValue("Gus Guessable");
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await expect(page.getByLabel("Password")).toHaveValue("");
  expect(await page.content()).not.toContain("Summer2024!");
});

test("without JavaScript, the server refuses a new password holding the person's name", async ({
  page,
  browser,
}) => {
  const email = await newAccount(browser, "Quentin Quarrington", PASSWORD);
  await page.goto("/login?callbackUrl=%2Faccount");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/account");

  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password").fill("Quentin Quarrington harbor 71");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByLabel("New password")).toHaveAccessibleDescription(
    /Your password must not contain your name\./,
  );
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByLabel("New password")).toHaveValue("");
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

test("without JavaScript, each person's core path: follow, submit, approve, see it in /me, comment, report, sign out", async ({
  page,
  browser,
}) => {
  const city = "boulder-co";
  const stamp = Date.now();
  const requests = recordRequests(page);

  // A resident signs in through the form and follows the city from its page.
  const email = await newAccount(browser, "Walter Walker", PASSWORD);
  await page.goto(`/login?callbackUrl=%2Fcities%2F${city}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === `/cities/${city}`);
  await page.getByRole("button", { name: "Follow", exact: true }).click();
  await expect(page.getByRole("button", { name: "Unfollow", exact: true })).toBeVisible();

  // They submit an update for it.
  const title = `Walked without scripts ${stamp}`;
  await page.goto(`/cities/${city}/updates/new`);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Summary").fill("Sent, approved and read with JavaScript off.");
  await page.getByLabel("Source URL").fill("https://bouldercolorado.gov/");
  await page.getByLabel("Date it took effect").fill("2026-10-15");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Thank you: your update was sent for review.")).toBeVisible();

  // A moderator, also without JavaScript, approves it and comments on the city.
  const mod = await demoPage(browser, "moderator", { javaScriptEnabled: false });
  await mod.goto(`/moderation?city=${city}`);
  await mod.getByRole("link", { name: title }).click();
  const decision = mod.getByRole("region", { name: "Decision" });
  await decision.getByRole("button", { name: "Approve" }).click();
  await expect(mod.getByText("Approved by Maya Moderator.")).toBeVisible();
  const modComment = `A moderator's note on ${city} ${stamp}`;
  await mod.goto(`/cities/${city}`);
  await mod.getByRole("link", { name: "Write a comment" }).click();
  await mod.getByRole("textbox", { name: "Comment", exact: true }).fill(modComment);
  await mod.getByRole("button", { name: "Post comment" }).click();
  await mod.waitForURL((url) => url.pathname === "/comments");
  await mod.context().close();

  // The resident sees the approved update in their feed.
  await page.goto("/me");
  await expect(page.getByRole("link", { name: title })).toBeVisible();

  // They comment on the city: the page's HTML shows it at once.
  const mine = `Thank you for approving this ${stamp}`;
  await page.goto(`/cities/${city}`);
  await page.getByRole("link", { name: "Write a comment" }).click();
  await page.getByRole("textbox", { name: "Comment", exact: true }).fill(mine);
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page).toHaveURL(commentsLanding(`/cities/${city}`));
  const comments = page.getByRole("article", { name: /^Comment by / });
  await expect(comments.filter({ hasText: mine })).toHaveCount(1);
  // The city's own page shows it too (its cache expires; at most seconds behind).
  await expect
    .poll(async () => (await page.request.get(`/cities/${city}`)).text(), { timeout: 15_000 })
    .toContain(mine);

  // And report the moderator's comment, from its own page.
  await comments.filter({ hasText: modComment }).getByRole("link", { name: "Report" }).click();
  await page.getByLabel("Reason").selectOption({ label: "Off-topic" });
  await page.getByRole("button", { name: "Report" }).click();
  await expect(page.getByText("Thank you: moderators will look at this comment.")).toBeVisible();

  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out of this browser" }).click();
  await page.waitForURL((url) => url.pathname === "/");

  // Every change was a POST; the password never went into a URL.
  const changes = requests.filter((r) => r.method() !== "GET");
  expect(changes.map((r) => r.method())).toEqual(Array(changes.length).fill("POST"));
  expect(changes.map((r) => new URL(r.url()).pathname)).toEqual([
    "/login",
    `/cities/${city}`,
    `/cities/${city}/updates/new`,
    "/comments/new",
    expect.stringMatching(/^\/comments\/\d+$/),
    "/account",
  ]);
  expectNoSecretInUrls(requests, PASSWORD);
});

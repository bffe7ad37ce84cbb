import { expect, formAlert, signIn, signOut, signUp, test, uniqueEmail } from "./fixtures";

const PASSWORD = "first passphrase for tests";
const NEW_PASSWORD = "second passphrase for tests";

test("a person renames themself and picks a home city", async ({ page }) => {
  await signUp(page, "Carla Changer", uniqueEmail("rename"), PASSWORD);
  // The header's first session read answers (with the old name) only after the
  // rename is saved, as on a slow connection: the header must still end up new.
  let answerSessionRead = () => {};
  const renamed = new Promise<void>((resolve) => (answerSessionRead = resolve));
  await page.route(
    "**/api/auth/session",
    async (route) => {
      const response = await route.fetch();
      await renamed;
      await route.fulfill({ response });
    },
    { times: 1 },
  );
  await page.goto("/account");
  await page.getByRole("textbox", { name: "Name" }).fill("Carla C.");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Your name was saved.")).toBeVisible();
  answerSessionRead();
  await expect(page.getByTestId("signed-in-name")).toHaveText("Carla C.");

  await page.getByRole("combobox", { name: "Home city" }).selectOption({ label: "Denver, CO" });
  await page.getByRole("button", { name: "Save home city" }).click();
  await expect(page.getByText("Your home city was saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Home city" })).toHaveValue("denver-co");
  await expect(page.getByRole("textbox", { name: "Name" })).toHaveValue("Carla C.");
});

test("changing the password needs the current one and ends the session", async ({ page }) => {
  const email = uniqueEmail("pw");
  await signUp(page, "Paul Password", email, PASSWORD);
  await page.goto("/account");
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That is not your current password.")).toBeVisible();
  await expect(page.getByLabel("New password")).toHaveValue(NEW_PASSWORD); // nothing else lost

  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/login\?notice=password-changed/);
  await expect(page.getByText("Your password was changed")).toBeVisible();

  await signIn(page, email, PASSWORD);
  await expect(formAlert(page)).toHaveText("The email or password is incorrect.");
  await signIn(page, email, NEW_PASSWORD);
  await expect(page.getByTestId("signed-in-name")).toHaveText("Paul Password");
});

test("a new password must be hard to guess and not hold one's email; the hint says so as it is typed", async ({
  page,
}) => {
  const email = uniqueEmail("hint");
  await signUp(page, "Hana Hint", email, PASSWORD);
  await page.goto("/account");
  await page.getByLabel("Current password").fill(PASSWORD);
  const newPassword = page.getByLabel("New password");
  const hint = page.getByText(/^Strength: /);

  await newPassword.pressSequentially("aaaaaaaa");
  await expect(hint).toHaveText(
    'Strength: very weak — Repeated characters like "aaa" are easy to guess. ' +
      "Add more words that are less common. Avoid repeated words and characters.",
  );
  await expect(hint).toHaveAttribute("aria-live", "polite");
  // The form does not hold the email: the page gave it to the check.
  await newPassword.fill(`${email} harbor`);
  await expect(hint).toHaveText(
    "Strength: very weak — Your password must not contain your email address.",
  );
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(newPassword).toHaveAccessibleDescription(
    /Your password must not contain your email address\./,
  );
  await expect(page).toHaveURL(/\/account$/);
});

test("sign out everywhere ends sessions on other devices", async ({ page, browser }) => {
  const email = uniqueEmail("everywhere");
  await signUp(page, "Eve Everywhere", email, PASSWORD);
  const other = await (await browser.newContext()).newPage();
  await signIn(other, email, PASSWORD);
  await expect(other.getByTestId("signed-in-name")).toHaveText("Eve Everywhere");

  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/login\?notice=signed-out-everywhere/);

  const response = await other.goto("/account");
  expect(response?.url()).toMatch(/\/login\?callbackUrl=%2Faccount$/);
  await expect(other.getByRole("link", { name: "Sign in" })).toBeVisible();
});

const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

test("the session list shows two browsers; signing one out ends only that one", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("two-browsers");
  await signUp(page, "Tomas Two", email, PASSWORD);
  const phoneContext = await browser.newContext({
    userAgent: IPHONE,
    extraHTTPHeaders: { "x-forwarded-for": "203.0.113.77" },
  });
  const phone = await phoneContext.newPage();
  await signIn(phone, email, PASSWORD);
  await expect(phone.getByTestId("signed-in-name")).toHaveText("Tomas Two");

  await page.goto("/account");
  const sessions = page
    .getByRole("region", { name: "Where you are signed in" })
    .getByRole("listitem");
  await expect(sessions).toHaveCount(2);
  await expect(sessions.first()).toContainText("(this browser)");
  await expect(sessions.nth(1)).toContainText("Safari on iPhone");
  await expect(sessions.nth(1)).toContainText("Network 203.0.113.x");
  await sessions.nth(1).getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("That session was signed out.")).toBeVisible();
  await expect(sessions).toHaveCount(1);
  await expect(sessions.first()).toContainText("(this browser)");

  // The phone is signed out on its next request; this browser is not.
  await phone.goto("/account");
  await expect(phone).toHaveURL(/\/login\?callbackUrl=%2Faccount$/);
  await page.reload();
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  await phoneContext.close();
});

test("signing out ends the session on the server: a copy of its cookie is refused", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("copied");
  await signUp(page, "Cora Copied", email, PASSWORD);
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name === "next-auth.session-token")).toBe(true);
  await signOut(page);

  const copy = await browser.newContext();
  await copy.addCookies(cookies);
  const thief = await copy.newPage();
  const response = await thief.goto("/account");
  expect(response?.url()).toMatch(/\/login\?callbackUrl=%2Faccount$/);
  await copy.close();
});

test("deleting the account erases it and its sign-in", async ({ page }) => {
  const email = uniqueEmail("delete");
  await signUp(page, "Dora Deleter", email, PASSWORD);
  await page.goto("/account");
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText('Type "delete my account" to confirm.')).toBeVisible();
  await page.getByLabel('Type "delete my account" to confirm').fill("delete my account");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await signIn(page, email, PASSWORD);
  await expect(formAlert(page)).toHaveText("The email or password is incorrect.");
});

test("the header shows each role the pages it may use", async ({ page }) => {
  await signIn(page, "moderator@example.org", "citywatch-demo");
  await expect(page.getByTestId("signed-in-name")).toHaveText("Maya Moderator");
  await expect(page.getByRole("link", { name: /Maya Moderator\s+Moderator/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Moderation" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
  await signOut(page);

  await signIn(page, "admin@example.org", "citywatch-demo");
  await expect(page.getByRole("link", { name: "Moderation" })).toBeVisible();
  await page.getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
});

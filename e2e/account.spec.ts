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

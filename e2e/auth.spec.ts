import {
  adminPage,
  expect,
  findUserCard,
  formAlert,
  signIn,
  signOut,
  signUp,
  test,
  uniqueEmail,
} from "./fixtures";

const PASSWORD = "a long passphrase for tests";

test("a new person signs up, signs out, signs back in and sees their name", async ({ page }) => {
  const email = uniqueEmail("newcomer");
  await signUp(page, "Nora Newcomer", email, PASSWORD);
  await signOut(page);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByTestId("signed-in-name")).toHaveCount(0);

  await signIn(page, email, PASSWORD);
  await expect(page.getByTestId("signed-in-name")).toHaveText("Nora Newcomer");
  await page.goto("/account");
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
});

test("a wrong password and an unknown email get the same answer", async ({ page }) => {
  const email = uniqueEmail("known");
  await signUp(page, "Known Person", email, PASSWORD);
  await signOut(page);
  await signIn(page, email, "not the right password");
  const wrongPassword = await formAlert(page).textContent();
  await signIn(page, uniqueEmail("nobody"), "not the right password");
  const unknownEmail = await formAlert(page).textContent();
  expect(wrongPassword).toBe("The email or password is incorrect.");
  expect(unknownEmail).toBe(wrongPassword);
  await expect(page.getByLabel("Password")).toHaveValue(""); // a rejected password is not kept
});

test("sign-up errors sit next to their field and keep what was typed", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Pat Person");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("password");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByText("Enter a valid email address, like name@example.org.")).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription(
    /This password is too easy to guess\. This is a heavily used password\./,
  );
  await expect(page.getByLabel("Name")).toHaveValue("Pat Person");
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
});

test("a guessable password is refused next to the field, and the hint says why as it is typed", async ({
  page,
}) => {
  const email = uniqueEmail("sunny");
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Sunny Summers");
  await page.getByLabel("Email").fill(email);
  const password = page.getByLabel("Password");
  const hint = page.getByText(/^Strength: /);

  // The hint follows what is typed, and is announced politely.
  await password.pressSequentially("Summer2024!");
  await expect(hint).toHaveText(
    "Strength: fair — Add more words that are less common. Capitalize more than the first letter.",
  );
  await expect(hint).toHaveAttribute("aria-live", "polite");

  await page.getByRole("button", { name: "Sign up" }).click();
  const why =
    "This password is too easy to guess. Add more words that are less common. " +
    "Capitalize more than the first letter.";
  await expect(page.getByText(why)).toBeVisible();
  await expect(password).toHaveAccessibleDescription(new RegExp(why.replaceAll(".", "\\.")));
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/signup$/);
  await expect(page.getByLabel("Name")).toHaveValue("Sunny Summers");
  await expect(page.getByLabel("Email")).toHaveValue(email);

  // Typing on: the error goes as soon as the password is hard to guess.
  await password.fill("");
  await password.pressSequentially("Summer2024! violet harbor");
  await expect(page.getByText(why)).toHaveCount(0);
  await expect(hint).toHaveText("Strength: strong");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
});

test("signing in returns to the page the person came from, same origin only", async ({ page }) => {
  const email = uniqueEmail("returner");
  await signUp(page, "Rita Returner", email, PASSWORD);
  await signOut(page);

  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faccount$/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);

  await signOut(page);
  await page.goto("/login?callbackUrl=https%3A%2F%2Fevil.example%2Fsteal");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-name")).toHaveText("Rita Returner");
  expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
});

test("a banned user's next request is refused", async ({ page, browser }) => {
  const email = uniqueEmail("banned");
  await signUp(page, "Bea Banned", email, PASSWORD);
  await page.goto("/account");

  const admin = await adminPage(browser);
  const card = await findUserCard(admin, email);
  await card.getByLabel("Reason to ban Bea Banned").fill("Spam in comments");
  await card.getByRole("button", { name: "Ban" }).click();
  await expect(card.locator("span").filter({ hasText: /^Banned$/ })).toBeVisible();

  // The open page tries a write: the server refuses it.
  await page.getByRole("textbox", { name: "Name" }).fill("Bea Renamed");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(formAlert(page)).toContainText(/session has ended|banned/);
  await page.reload();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, email, PASSWORD);
  await expect(formAlert(page)).toHaveText(/This account is banned/);

  await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  await expect(admin.getByText("Ban reason: Spam in comments")).toBeVisible();
  await expect(admin.getByRole("region", { name: "Recent account actions" })).toContainText(
    "Spam in comments",
  );
});

test("a demoted moderator's next moderation request is refused", async ({ page, browser }) => {
  const email = uniqueEmail("mod");
  await signUp(page, "Moe Moderator", email, PASSWORD);
  const admin = await adminPage(browser);
  let card = await findUserCard(admin, email);
  await card.getByLabel("Role of Moe Moderator").selectOption("moderator");
  await card.getByRole("button", { name: "Save role" }).click();
  await expect(card.locator("span").filter({ hasText: /^Moderator$/ })).toBeVisible();

  await page.goto("/moderation");
  await expect(page.getByRole("heading", { name: "Review queue" })).toBeVisible();

  card = await findUserCard(admin, email);
  await card.getByLabel("Role of Moe Moderator").selectOption("resident");
  await card.getByRole("button", { name: "Save role" }).click();
  await expect(card.locator("span").filter({ hasText: /^Resident$/ })).toBeVisible();

  const response = await page.goto("/moderation");
  expect(response?.status()).toBe(403);
  await expect(
    page.getByRole("heading", { name: "You do not have access to this page" }),
  ).toBeVisible();
});

test("residents cannot open the admin page", async ({ page }) => {
  await signIn(page, "resident@example.org", "citywatch-demo");
  await expect(page.getByTestId("signed-in-name")).toHaveText("Rosa Resident");
  await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
});

// Issue 15: a confirmed address before posting, and a way back in through a
// password reset. Emails are read from the e2e outbox (.eml files).
import {
  confirmEmail,
  expect,
  findEmail,
  formAlert,
  linkIn,
  newAccount,
  randomIp,
  signIn,
  test,
  uniqueEmail,
  waitForEmail,
} from "./fixtures";
import type { Page } from "@playwright/test";

const PASSWORD = "a long passphrase for tests";

async function fillUpdate(page: Page, title: string) {
  await page.goto("/cities/boulder-co/updates/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Summary").fill("The council passed an ordinance on ICE detainers.");
  await page.getByLabel("Source URL").fill("https://example.gov/minutes");
  await page.getByLabel("Date it took effect").fill("2017-05-01");
  await page.getByRole("button", { name: "Submit for review" }).click();
}

test("an unconfirmed person is told why they cannot post; the emailed link lets them", async ({
  page,
}) => {
  const email = uniqueEmail("unconfirmed");
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Uma Unconfirmed");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const first = await waitForEmail(email, "confirm your email address");
  expect(first.text).toContain("Hello Uma Unconfirmed,");

  // Signed in before confirming: reading works, posting is refused with the reason.
  await signIn(page, email, PASSWORD);
  await expect(page.getByTestId("signed-in-name")).toHaveText("Uma Unconfirmed");
  const banner = page.getByRole("region", { name: "Confirm your email address" });
  await expect(banner).toContainText("not post updates, edits or comments");
  await fillUpdate(page, `Unconfirmed update ${Date.now()}`);
  await expect(formAlert(page)).toHaveText(
    "Confirm your email address first: open the link we emailed you when you signed up, or choose “Resend verification email” at the top of the page.",
  );

  // A new link; the first one stops working.
  await banner.getByRole("button", { name: "Resend verification email" }).click();
  await expect(banner.getByRole("status")).toHaveText(
    `We sent a new link to ${email}. It works for 24 hours.`,
  );
  await expect
    .poll(async () => (await findEmail(email, "confirm your email address"))?.messageId)
    .not.toBe(first.messageId);
  await page.goto(linkIn(first));
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    /This confirmation link was already used\./,
  );
  await confirmEmail(page, email);

  // Confirmed: the banner is gone and the same form goes through.
  const title = `Confirmed update ${Date.now()}`;
  await fillUpdate(page, title);
  await expect(page.getByText("Thank you: your update was sent for review.")).toBeVisible();
  await expect(banner).toHaveCount(0);
});

test("forgot password: the emailed link sets a new password once and signs out every other browser", async ({
  page,
  browser,
}) => {
  const email = await newAccount(browser, "Rhea Reset", PASSWORD);
  // A second browser, signed in before the reset.
  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  const otherPage = await other.newPage();
  await signIn(otherPage, email, PASSWORD);
  await expect(otherPage.getByTestId("signed-in-name")).toHaveText("Rhea Reset");

  // The same answer for an address with no account.
  const sent =
    "If an account uses that address, we have emailed it a link to reset the password. The link works for one hour.";
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  const answer = page.getByRole("main").getByRole("status");
  await page.getByLabel("Email").fill(uniqueEmail("nobody"));
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(answer).toHaveText(sent);
  await page.reload();
  await page.getByLabel("Email").fill(email.toUpperCase());
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(answer).toHaveText(sent);

  const link = linkIn(await waitForEmail(email, "reset your password"));
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  // The same rule as sign-up, with the reason.
  const newPassword = page.getByLabel("New password");
  await newPassword.fill("Summer2024!");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(newPassword).toHaveAccessibleDescription(/This password is too easy to guess\./);
  await newPassword.fill("rhea's brand new reset passphrase");
  await page.getByRole("button", { name: "Set new password" }).click();
  await page.waitForURL(/\/login\?notice=password-reset/);
  await expect(page.getByRole("main").getByRole("status")).toHaveText(
    "Your password was reset and every session ended. Sign in with your new password.",
  );

  // The old password fails, the new one works.
  await signIn(page, email, PASSWORD);
  await expect(formAlert(page)).toHaveText("The email or password is incorrect.");
  await signIn(page, email, "rhea's brand new reset passphrase");
  await expect(page.getByTestId("signed-in-name")).toHaveText("Rhea Reset");

  // The browser signed in before the reset is signed out.
  await otherPage.goto("/account");
  await expect(otherPage).toHaveURL(/\/login\?callbackUrl=%2Faccount/);
  await other.close();

  // The owner hears of it; the link works only once, and says how to get another.
  await waitForEmail(email, "your password was changed");
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This reset link does not work" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "This reset link was already used. Ask for a new one if you still need it.",
  );
  await page.getByRole("link", { name: "Ask for a new reset link" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
});

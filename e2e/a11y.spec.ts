import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "./fixtures";

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

for (const path of [
  "/",
  "/articles/us-sanctuary-cities",
  "/cities",
  "/cities/boston-ma",
  "/cities/boston-ma/history",
  "/cities/atlantis-xx",
  "/unsubscribe?token=1.not-a-real-token",
]) {
  test(`no serious or critical accessibility violation on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expectNoSeriousViolations(page);
  });
}

test("no serious or critical accessibility violation in a page's comments", async ({ page }) => {
  // The comments load when the reader comes near them; "#comments" goes there.
  await page.goto("/articles/us-sanctuary-cities#comments");
  await expect(page.getByRole("heading", { name: /^Comments \(\d+\)$/ })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("no serious or critical accessibility violation on the signed-in pages", async ({ page }) => {
  await signIn(page, "moderator@example.org", DEMO_PASSWORD);
  await expect(page.getByTestId("signed-in-name")).toHaveText("Maya Moderator");
  for (const path of [
    "/cities/boston-ma/edit",
    "/cities/boston-ma/updates/new",
    "/me/submissions",
    "/moderation",
    "/moderation/log",
    "/me",
    "/notifications",
    "/account",
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await test.step(path, () => expectNoSeriousViolations(page));
  }
});

test("keyboard users can skip to the content", async ({ page }) => {
  await page.goto("/cities");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});

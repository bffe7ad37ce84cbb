import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demoPage } from "./fixtures";

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
  "/cities?per=12&ice_detainers=declines",
  "/cities?state=ZZ",
  "/compare?cities=boston-ma,denver-co,atlantis-xx",
  "/compare",
  "/unsubscribe?token=1.not-a-real-token",
  "/docs/api",
  "/search?q=san+jose",
  `/search?q=${"a".repeat(201)}`,
]) {
  test(`no serious or critical accessibility violation on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expectNoSeriousViolations(page);
  });
}

test("no serious or critical accessibility violation in a page's comments", async ({ page }) => {
  // The comments are in the page's HTML; "#comments" goes there.
  await page.goto("/articles/us-sanctuary-cities#comments");
  await expect(page.getByRole("heading", { name: /^Comments \(\d+\)$/ })).toBeVisible();
  await expectNoSeriousViolations(page);
});

// One test per page (as a moderator, who sees every signed-in page): eight axe scans
// in one test took over its minute on a loaded machine.
for (const path of [
  "/cities/boston-ma/edit",
  "/cities/boston-ma/updates/new",
  "/comments/new?on=city%3Aboston-ma",
  "/me/submissions",
  "/moderation",
  "/moderation/log",
  "/me",
  "/notifications",
  "/account",
]) {
  test(`no serious or critical accessibility violation on ${path}, signed in`, async ({
    browser,
  }) => {
    const page = await demoPage(browser, "moderator");
    try {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByTestId("signed-in-name")).toHaveText("Maya Moderator");
      await expectNoSeriousViolations(page);
    } finally {
      await page.context().close();
    }
  });
}

test("keyboard users can skip to the content", async ({ page }) => {
  await page.goto("/cities");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});

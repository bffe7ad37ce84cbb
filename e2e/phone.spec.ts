import { expect, test } from "@playwright/test";

// Runs in the "phone" project (Pixel 7 viewport), see playwright.config.ts.
for (const path of [
  "/",
  "/articles/us-sanctuary-cities",
  "/cities",
  "/cities/san-jose-ca",
  "/docs/api",
  "/search?q=san+jose",
  // the table scrolls sideways inside its own box, not the page
  "/compare?cities=boston-ma,denver-co,chicago-il,oakland-ca",
]) {
  test(`${path} fits a phone screen without sideways scrolling`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test("the header's Search box fits a phone and searches", async ({ page }) => {
  await page.goto("/");
  const box = page.getByRole("banner").getByRole("searchbox", { name: "Search" });
  await expect(box).toBeVisible();
  await box.fill("denver");
  await page.getByRole("banner").getByRole("button", { name: "Search" }).tap();
  await expect(page.getByRole("list", { name: "Results" }).getByRole("link").first()).toHaveText(
    "Denver",
  );
});

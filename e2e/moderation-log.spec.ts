import type { Page } from "@playwright/test";
import { expect, signUp, test, uniqueEmail, demoPage } from "./fixtures";

const CITY = "boulder-co";

async function submitUpdate(page: Page, title: string) {
  await page.goto(`/cities/${CITY}/updates/new`);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Summary").fill(`The council adopted a new rule. ${title} affects staff.`);
  await page.getByLabel("Source URL").fill("https://bouldercolorado.gov/news");
  await page.getByLabel("Date it took effect").fill("2017-05-02");
  await page.getByLabel("Kind").selectOption("ordinance");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Thank you: your update was sent for review.")).toBeVisible();
}

const moderatorPage = (page: Page) => demoPage(page.context().browser()!, "moderator");

test("an approval shows in the moderation log, with who, what and where, and filters by city", async ({
  page,
}) => {
  const title = `Logged ordinance ${Date.now()}`;
  await signUp(page, "Lola Logger", uniqueEmail("log-volunteer"), "a long passphrase for tests");
  await submitUpdate(page, title);
  // the log is for moderators only
  expect((await page.goto("/moderation/log"))?.status()).toBe(403);

  const mod = await moderatorPage(page);
  await mod.goto(`/moderation?city=${CITY}`);
  await mod.getByRole("link", { name: title }).click();
  await expect(mod.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const updateId = /\/moderation\/updates\/(\d+)$/.exec(new URL(mod.url()).pathname)?.[1];
  expect(updateId).toMatch(/^\d+$/);
  await mod.getByRole("button", { name: "Approve" }).click();
  await expect(mod.getByText("Approved by Maya Moderator.")).toBeVisible();

  await mod.goto("/moderation/log");
  await expect(mod.getByRole("heading", { level: 1, name: "Moderation log" })).toBeVisible();
  await mod.getByLabel("Moderator", { exact: true }).selectOption({ label: "Maya Moderator" });
  await mod.getByLabel("City", { exact: true }).selectOption({ label: "Boulder" });
  await mod.getByRole("button", { name: "Filter" }).click();
  await expect(mod).toHaveURL(/[?&]city=boulder-co(&|$)/);

  const log = mod.getByRole("table", { name: "Moderation log" });
  const subject = log.getByRole("link", { name: `update #${updateId}`, exact: true });
  await expect(subject).toHaveAttribute("href", `/moderation/updates/${updateId}`);
  // `has` resolves inside each row, so it takes a page-level locator
  const row = log
    .getByRole("row")
    .filter({ has: mod.getByRole("link", { name: `update #${updateId}`, exact: true }) });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell").nth(1)).toHaveText("Maya Moderator");
  await expect(row.getByRole("cell").nth(2)).toContainText("approved an update");
  await expect(row.getByRole("cell").nth(3)).toHaveText("Boulder");
  await expect(row.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT.*Z$/);

  // another city's log does not show it
  await mod.getByLabel("City", { exact: true }).selectOption({ label: "Denver" });
  await mod.getByRole("button", { name: "Filter" }).click();
  await expect(mod).toHaveURL(/[?&]city=denver-co(&|$)/);
  await expect(mod.getByRole("link", { name: `update #${updateId}`, exact: true })).toHaveCount(0);
  await expect(mod.getByLabel("City", { exact: true })).toHaveValue("denver-co");

  await mod.context().close();
});

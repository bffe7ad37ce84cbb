import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, signIn, signUp, test, uniqueEmail, demoPage } from "./fixtures";

const CITY = "boulder-co";

async function submitUpdate(
  page: Page,
  title: string,
  sourceUrl = "https://bouldercolorado.gov/news",
) {
  await page.goto(`/cities/${CITY}/updates/new`);
  await page.getByLabel("Title").fill(title);
  await page
    .getByLabel("Summary")
    .fill(`The council **adopted** a new rule. ${title} affects city staff.`);
  await page.getByLabel("Source URL").fill(sourceUrl);
  await page.getByLabel("Date it took effect").fill("2017-05-02");
  await page.getByLabel("Kind").selectOption("ordinance");
  await page.getByRole("button", { name: "Submit for review" }).click();
}

const moderatorPage = (page: Page) => demoPage(page.context().browser()!, "moderator");

async function openInQueue(mod: Page, title: string) {
  await mod.goto(`/moderation?city=${CITY}`);
  await mod.getByRole("link", { name: title }).click();
  await expect(mod.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

test("an update is private until approved, then on the city page, its own page and the JSON", async ({
  page,
  request,
}) => {
  const title = `Ordinance ${Date.now()}`;
  await signUp(page, "Vera Volunteer", uniqueEmail("volunteer"), "a long passphrase for tests");
  await submitUpdate(page, title);
  await expect(page.getByText("Thank you: your update was sent for review.")).toBeVisible();

  const before = await request.get(`/cities/${CITY}`);
  expect(await before.text()).not.toContain(title);
  expect(JSON.stringify(await (await request.get(`/api/cities/${CITY}`)).json())).not.toContain(
    title,
  );
  await page.goto("/me/submissions");
  await expect(page.getByRole("listitem", { name: title })).toContainText("Waiting for review");

  const mod = await moderatorPage(page);
  await openInQueue(mod, title);
  await expect(
    mod.getByRole("region", { name: "Submission as it would be published" }).locator("strong"),
  ).toHaveText("adopted");
  await mod.getByRole("button", { name: "Claim for review" }).click();
  await expect(mod.getByText(/You are reviewing this item until/)).toBeVisible();
  await mod.getByRole("button", { name: "Approve" }).click();
  await expect(mod.getByText("Approved by Maya Moderator.")).toBeVisible();

  await page.goto(`/cities/${CITY}`);
  const timeline = page.getByRole("list", { name: "Approved policy updates" });
  await expect(timeline.getByRole("link", { name: title, exact: true })).toBeVisible();
  const json = await (await request.get(`/api/cities/${CITY}`)).json();
  expect(json.city.updates.map((u: { title: string }) => u.title)).toContain(title);
  await timeline.getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.locator("article strong")).toHaveText("adopted");
});

test("a rejected update stays private and its author sees the reason", async ({
  page,
  request,
}) => {
  const title = `Rumour ${Date.now()}`;
  await signUp(page, "Rex Rumour", uniqueEmail("rumour"), "a long passphrase for tests");
  await submitUpdate(page, title);
  await expect(page.getByText("Thank you: your update was sent for review.")).toBeVisible();

  const mod = await moderatorPage(page);
  await openInQueue(mod, title);
  await mod.getByRole("button", { name: "Reject" }).click();
  await expect(mod.getByText("Give the author a reason (at least 3 characters).")).toBeVisible();
  await mod.getByLabel("Common reason").selectOption("No reliable source");
  await mod.getByLabel("Reason", { exact: true }).fill("the link is a blog post");
  await mod.getByRole("button", { name: "Reject" }).click();
  await expect(mod.getByText("Rejected by Maya Moderator.")).toBeVisible();

  await page.goto("/me/submissions");
  const item = page.getByRole("listitem", { name: title });
  await expect(item).toContainText("Rejected");
  await expect(item).toContainText(
    "Moderator’s reason: No reliable source: the link is a blog post",
  );
  expect(await (await request.get(`/cities/${CITY}`)).text()).not.toContain(title);
});

test("a moderator cannot approve their own submission", async ({ page }) => {
  const title = `Own work ${Date.now()}`;
  await signIn(page, "moderator@example.org", DEMO_PASSWORD);
  await expect(page.getByTestId("signed-in-name")).toHaveText("Maya Moderator");
  await submitUpdate(page, title);
  await expect(page.getByText("Thank you: your update was sent for review.")).toBeVisible();
  await openInQueue(page, title);
  await expect(
    page.getByText("This is your own submission: another moderator must decide it."),
  ).toBeVisible();
  // The server refuses too (lib/dal/moderation/decisions.permissions.test.ts); the page does not offer it.
  await expect(page.getByRole("button", { name: "Approve" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Claim for review" })).toBeDisabled();
});

test("bad input gets errors next to the fields and keeps the rest", async ({ page }) => {
  await signUp(page, "Ivy Input", uniqueEmail("input"), "a long passphrase for tests");
  await submitUpdate(page, "A valid title here", "javascript:alert(1)");
  await expect(
    page.getByText("Enter a web address starting with http:// or https://."),
  ).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue("A valid title here");
  await expect(page.getByLabel("Source URL")).toHaveAttribute("aria-invalid", "true");
});

test("residents cannot open the review queue", async ({ page }) => {
  await signIn(page, "resident@example.org", DEMO_PASSWORD);
  await expect(page.getByTestId("signed-in-name")).toHaveText("Rosa Resident");
  expect((await page.goto("/moderation"))?.status()).toBe(403);
});

import type { Page } from "@playwright/test";
import { expect, formAlert, randomIp, signUp, test, uniqueEmail, demoPage } from "./fixtures";

const PASSWORD = "a long passphrase for tests";

const moderatorPage = (page: Page) => demoPage(page.context().browser()!, "moderator");

/** Another person, signed up in their own browser context. */
async function volunteerPage(page: Page, name: string) {
  const context = await page
    .context()
    .browser()!
    .newContext({ extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  const other = await context.newPage();
  await signUp(other, name, uniqueEmail("volunteer"), PASSWORD);
  return other;
}

/** Fills one field of the edit form: its value and its source. */
async function change(page: Page, field: string, value: string, source: string) {
  const group = page.getByRole("group", { name: field, exact: true });
  const input = group.getByLabel("Value");
  if ((await input.evaluate((el) => el.tagName)) === "SELECT") await input.selectOption(value);
  else await input.fill(value);
  await group.getByLabel("Source URL").fill(source);
}

async function openEdits(mod: Page, city: string) {
  await mod.goto(`/moderation?city=${city}&kind=profile_edit`);
  return mod.getByRole("list", { name: "Pending submissions" }).getByRole("link");
}

test("an approved edit changes the profile and its history, and a revert puts it back", async ({
  page,
  request,
}) => {
  const city = "new-orleans-la";
  const stamp = Date.now();
  const mayor = `Test Mayor ${stamp}`;
  const federal = `Grant conditions challenged in court (${stamp})`;
  const before = await (await request.get(`/api/cities/${city}`)).json();

  await signUp(page, "Edna Editor", uniqueEmail("editor"), PASSWORD);
  await page.goto(`/cities/${city}`);
  await page.getByRole("link", { name: "Propose an edit" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Propose an edit to New Orleans",
  );
  // Nothing changed yet: the form says so instead of sending.
  await page.getByRole("button", { name: "Send edit for review" }).click();
  await expect(formAlert(page)).toHaveText("Change at least one field before sending.");
  // A change without a source is refused next to that field; the typed value stays.
  const mayorGroup = page.getByRole("group", { name: "Mayor", exact: true });
  await mayorGroup.getByLabel("Value").fill(mayor);
  await page.getByRole("button", { name: "Send edit for review" }).click();
  await expect(mayorGroup.getByText("Enter the source's web address.")).toBeVisible();
  await expect(mayorGroup.getByLabel("Value")).toHaveValue(mayor);

  await change(page, "Mayor", mayor, "https://nola.gov/mayor/");
  await change(page, "Federal actions against it", federal, "https://www.justice.gov/opa");
  await page.getByLabel("Note to the moderator (optional)").fill("New mayor since May 2018.");
  await page.getByRole("button", { name: "Send edit for review" }).click();
  await expect(page.getByText("Thank you: your edit was sent for review.")).toBeVisible();

  // Not public until approved.
  expect(await (await request.get(`/cities/${city}`)).text()).not.toContain(mayor);
  await page.goto("/me/submissions");
  const mine = page.getByRole("listitem", {
    name: "Profile edit: Federal actions against it, Mayor",
  });
  await expect(mine).toContainText("Waiting for review");

  const mod = await moderatorPage(page);
  const links = await openEdits(mod, city);
  await links.filter({ hasText: "Profile edit: Federal actions against it, Mayor" }).last().click();
  const diff = mod.getByRole("table", { name: "Proposed changes" });
  const mayorRow = diff.getByRole("row", { name: "Mayor" });
  await expect(mayorRow).toContainText(before.city.leaderName);
  await expect(mayorRow).toContainText(mayor);
  await expect(mod.getByText("New mayor since May 2018.")).toBeVisible();
  await mod.getByRole("button", { name: "Approve" }).click();
  await expect(mod.getByText("Approved by Maya Moderator.")).toBeVisible();

  // The profile, the JSON and the history change at once.
  await page.goto(`/cities/${city}`);
  await expect(page.getByText(mayor, { exact: true })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Policy profile" }).getByText(federal),
  ).toBeVisible();
  const after = await (await request.get(`/api/cities/${city}`)).json();
  expect(after.city.leaderName).toBe(mayor);
  await page.getByRole("link", { name: "History" }).click();
  const revisions = page.getByRole("list", { name: "Revisions" }).getByRole("listitem");
  const newest = revisions.first();
  await expect(newest).toContainText("Edit");
  await expect(newest).toContainText("proposed by Edna Editor");
  await expect(newest).toContainText("approved by Maya Moderator");
  await expect(newest).toContainText(mayor);

  // A moderator reverts to the revision before the edit; that is a new, audited revision.
  await mod.goto(`/cities/${city}/history`);
  const previous = mod.getByRole("list", { name: "Revisions" }).getByRole("listitem").nth(1);
  const previousName = (await previous.getAttribute("aria-label"))!;
  const previousId = previousName.replace("Revision ", "");
  await previous.getByRole("button", { name: `Revert to revision ${previousId}` }).click();
  await previous.getByRole("button", { name: "Revert", exact: true }).click();
  await expect(
    previous.getByText("Say why you are reverting (at least 3 characters)."),
  ).toBeVisible();
  await previous.getByLabel(`Reason for reverting to revision ${previousId}`).fill("Test edit");
  await previous.getByRole("button", { name: "Revert", exact: true }).click();
  await expect(
    mod.getByRole("list", { name: "Revisions" }).getByRole("listitem").first(),
  ).toContainText(`Revert to revision ${previousId}`);

  await page.goto(`/cities/${city}`);
  await expect(page.getByText(before.city.leaderName, { exact: true })).toBeVisible();
  await expect(page.getByText(mayor, { exact: true })).toHaveCount(0);
  await mod.goto(`/moderation/log?city=${city}`);
  await expect(mod.getByRole("table", { name: "Moderation log" })).toContainText("Test edit");
});

test("an edit that conflicts with a newer change cannot be approved", async ({ page }) => {
  // Three people (two volunteers and a moderator), each signing up and in: 49 s on a loaded run.
  test.setTimeout(120_000);
  const city = "milwaukee-county-wi";
  const stamp = Date.now();
  const first = `First Executive ${stamp}`;
  const second = `Second Executive ${stamp}`;
  const source = "https://county.milwaukee.gov/EN/County-Executive";

  // Two volunteers open the form on the same profile before either edit is decided.
  await signUp(page, "Ann Early", uniqueEmail("early"), PASSWORD);
  const late = await volunteerPage(page, "Ben Late");
  await page.goto(`/cities/${city}/edit`);
  await late.goto(`/cities/${city}/edit`);
  await change(page, "County Executive", first, source);
  await page.getByRole("button", { name: "Send edit for review" }).click();
  await expect(page.getByText("Thank you: your edit was sent for review.")).toBeVisible();
  await change(late, "County Executive", second, source);
  await late.getByRole("button", { name: "Send edit for review" }).click();
  await expect(late.getByText("Thank you: your edit was sent for review.")).toBeVisible();

  // A moderator opens the later edit while it still fits the profile...
  const mod = await moderatorPage(page);
  const links = await openEdits(mod, city);
  await links.filter({ hasText: "Profile edit: County Executive" }).last().click();
  const row = mod.getByRole("row", { name: "County Executive" });
  await expect(row).toContainText(second);
  await expect(row).not.toContainText("Changed since proposed");
  // ...and meanwhile another moderator approves the earlier one.
  const other = await moderatorPage(page);
  const otherLinks = await openEdits(other, city);
  await otherLinks.filter({ hasText: "Profile edit: County Executive" }).nth(-2).click();
  await expect(other.getByRole("row", { name: "County Executive" })).toContainText(first);
  await other.getByRole("button", { name: "Approve" }).click();
  await expect(other.getByText("Approved by Maya Moderator.")).toBeVisible();

  // Approving the stale page is refused, nothing is written, and the conflict is shown.
  await mod.getByRole("button", { name: "Approve" }).click();
  await expect(mod.getByRole("region", { name: "Decision" }).getByRole("alert")).toContainText(
    "Not applied: County Executive changed after this edit was proposed",
  );
  await expect(row).toContainText("Changed since proposed");
  await expect(row).toContainText(first); // what the profile holds now
  await expect(mod.getByRole("region", { name: "Conflict" })).toContainText(
    "County Executive changed after it was proposed",
  );
  await expect(mod.getByRole("button", { name: "Approve" })).toBeDisabled();
  // The author is told, and can revise from the current profile.
  await late.goto("/me/submissions");
  await expect(
    late.getByRole("listitem", { name: "Profile edit: County Executive" }),
  ).toContainText("Conflicts with a newer change: revise it");
  await page.goto(`/cities/${city}`);
  await expect(page.getByText(first, { exact: true })).toBeVisible();
  await expect(page.getByText(second, { exact: true })).toHaveCount(0);

  await mod
    .getByLabel("Common reason")
    .selectOption("Conflicts with a newer change to the profile");
  await mod.getByRole("button", { name: "Reject" }).click();
  await expect(mod.getByText("Rejected by Maya Moderator.")).toBeVisible();
  await late.goto("/me/submissions");
  await expect(
    late.getByRole("listitem", { name: "Profile edit: County Executive" }),
  ).toContainText("Moderator’s reason: Conflicts with a newer change to the profile");
});

test("an author revises a pending update and withdraws another", async ({ page }) => {
  const stamp = Date.now();
  const title = `Draft directive ${stamp}`;
  const revised = `Police directive 17-04 ${stamp}`;
  const dropped = `Withdrawn rumour ${stamp}`;
  await signUp(page, "Rae Reviser", uniqueEmail("reviser"), PASSWORD);
  for (const t of [title, dropped]) {
    await page.goto("/cities/seattle-wa/updates/new");
    await page.getByLabel("Title").fill(t);
    await page.getByLabel("Summary").fill("The police chief issued a directive on ICE requests.");
    await page.getByLabel("Source URL").fill("https://www.seattle.gov/police");
    await page.getByLabel("Date it took effect").fill("2017-04-20");
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByText("Thank you: your update was sent for review.")).toBeVisible();
  }

  await page.goto("/me/submissions");
  await page.getByRole("link", { name: `Revise “${title}”` }).click();
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await page.getByLabel("Title").fill(revised);
  await page.getByRole("button", { name: "Send the new version" }).click();
  await expect(page.getByText("Your new version was sent for review.")).toBeVisible();

  await page.goto("/me/submissions");
  const item = page.getByRole("listitem", { name: dropped });
  await item.getByRole("button", { name: `Withdraw “${dropped}”` }).click();
  await item.getByRole("button", { name: "Yes, withdraw" }).click();
  await expect(item).toContainText("Withdrawn");
  await expect(page.getByRole("listitem", { name: revised })).toContainText("version 2");

  const mod = await moderatorPage(page);
  await mod.goto("/moderation?city=seattle-wa");
  await expect(mod.getByRole("link", { name: dropped })).toHaveCount(0);
  await mod.getByRole("link", { name: revised }).click();
  await expect(
    mod.getByRole("heading", { name: "Revised by the author: this is version 2" }),
  ).toBeVisible();
  await mod.getByText(/^Version 1 \(replaced/).click();
  await expect(mod.getByText(`Title: ${title}`)).toBeVisible();
});

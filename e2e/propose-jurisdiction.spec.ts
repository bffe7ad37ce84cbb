// Issue 17, item 1: a volunteer proposes a jurisdiction, a moderator sees every
// field and source and approves it, and it gets its page, history, feed and
// place in /api/cities, on /map, in search and in the CSV download; a second
// proposal of the same place warns the moderator. It grows the data set, so it
// runs after the specs that count the seeded places (playwright.config.ts).
import type { Locator, Page } from "@playwright/test";
import {
  demoPage,
  expect,
  newAccount,
  randomIp,
  signIn,
  signUp,
  test,
  uniqueEmail,
} from "./fixtures";

const PASSWORD = "a long passphrase for tests";

const moderatorPage = (page: Page) => demoPage(page.context().browser()!, "moderator");

/**
 * The demo resident (verified), in a context of their own: for a proposal the
 * form refuses, which never counts against the submission limit.
 */
const resident = (page: Page) => demoPage(page.context().browser()!, "resident");

/**
 * A new, verified volunteer in a context of their own, for proposals that are
 * sent: the demo resident submits all through the suite, and this project runs
 * last (playwright.config.ts), when they may have reached the hourly limit.
 */
async function newVolunteer(page: Page, name: string): Promise<Page> {
  const context = await page
    .context()
    .browser()!
    .newContext({ extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  const volunteer = await context.newPage();
  await signUp(volunteer, name, uniqueEmail("volunteer"), PASSWORD);
  return volunteer;
}

/** One policy field's group: its value, explanation, source and date. */
async function fillFact(
  page: Page,
  label: string,
  fact: { value: string; detail?: string; source: string; asOf: string },
) {
  const group = page.getByRole("group", { name: label, exact: true });
  const value = group.getByLabel("Value");
  if ((await value.evaluate((el) => el.tagName)) === "SELECT") await value.selectOption(fact.value);
  else await value.fill(fact.value);
  if (fact.detail) await group.getByLabel("Explanation").fill(fact.detail);
  await group.getByLabel("Source URL").fill(fact.source);
  await group.getByLabel("As of").fill(fact.asOf);
}

/** Fills the place, leader and population of a proposal; `at` the coordinates. */
async function fillPlace(page: Page, name: string, at: [string, string], state = "NM") {
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("State", { exact: true }).selectOption(state);
  await page.getByLabel("Kind", { exact: true }).selectOption("city");
  await page.getByLabel("Latitude").fill(at[0]);
  await page.getByLabel("Longitude").fill(at[1]);
  await page
    .getByLabel("Description")
    .fill("New Mexico's capital; its council declared it a sanctuary city in 1999.");
  await page.getByLabel("Leader’s title").fill("Mayor");
  await page.getByLabel("Leader’s name").fill("Alan Webber");
  await page.getByLabel("In office since").fill("2018-03-12");
  await page.getByLabel("Source URL for the leader").fill("https://www.santafenm.gov/mayor");
  await page.getByLabel("Population", { exact: true }).fill("87505");
  await page.getByLabel("Year of the count").fill("2020");
  await page
    .getByLabel("Source URL for the population")
    .fill("https://www.census.gov/quickfacts/santafecitynewmexico");
}

const SANTA_FE: [string, string] = ["35.687", "-105.938"];

async function openProposal(mod: Page, title: string): Promise<Locator> {
  await mod.goto("/moderation?kind=jurisdiction_proposal");
  const link = mod.getByRole("list", { name: "Pending submissions" }).getByRole("link", {
    name: title,
  });
  await link.first().click();
  await expect(mod.getByRole("heading", { level: 1 })).toHaveText(title);
  return mod.getByRole("region", { name: "Possible duplicate" });
}

test("a volunteer proposes Santa Fe, a moderator approves it, a second Santa Fe warns of it, and its author withdraws it", async ({
  page: own,
  request,
}) => {
  const page = await newVolunteer(own, "Vera Volunteer");
  await page.goto("/cities");
  await page.getByRole("link", { name: "Propose a jurisdiction" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Propose a jurisdiction");
  await fillPlace(page, "Santa Fe", SANTA_FE);
  await fillFact(page, "Calls itself a sanctuary", {
    value: "yes",
    detail: "A 1999 resolution, reaffirmed in 2016.",
    source: "https://www.santafenm.gov/resolution-2016-77",
    asOf: "2016-12-14",
  });
  await fillFact(page, "ICE detainer requests", {
    value: "warrant_or_criteria",
    source: "https://www.santafenm.gov/police-policy",
    asOf: "2017-01-30",
  });
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Thank you: your proposal was sent for review.")).toBeVisible();
  // not public until approved
  expect((await request.get("/cities/santa-fe-nm")).status()).toBe(404);

  // The moderator sees every field with its source, and no duplicate yet.
  const mod = await moderatorPage(page);
  const duplicate = await openProposal(mod, "New jurisdiction: Santa Fe, NM");
  await expect(duplicate).toHaveCount(0);
  const fields = mod.getByRole("definition");
  for (const text of [
    "New Mexico (NM)",
    "/cities/santa-fe-nm",
    "Alan Webber, in office since",
    "https://www.santafenm.gov/mayor",
    "87,505 (2020)",
    "https://www.census.gov/quickfacts/santafecitynewmexico",
    "35.687, -105.938",
    "Yes",
    "A 1999 resolution, reaffirmed in 2016.",
    "https://www.santafenm.gov/resolution-2016-77",
    "Only with a judicial warrant or criminal criteria",
    "https://www.santafenm.gov/police-policy",
  ]) {
    await expect(fields.filter({ hasText: text }).first()).toBeVisible();
  }
  await mod.getByRole("button", { name: "Approve" }).click();
  await expect(mod.getByText(/^Approved by Maya Moderator/)).toBeVisible();

  // It has a page with its facts, a history, a feed and a place in the lists.
  await page.goto("/cities/santa-fe-nm");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Santa Fe");
  await expect(page.getByText("Alan Webber").first()).toBeVisible();
  await expect(page.getByText("Only with a judicial warrant or criminal criteria")).toBeVisible();
  await page.goto("/cities/santa-fe-nm/history");
  const first = page.getByRole("list", { name: "Revisions" }).getByRole("listitem").first();
  await expect(first).toContainText("approved by Maya Moderator");
  await expect(first).toContainText("Proposed as a new jurisdiction.");
  await expect(
    first.getByRole("link", { name: "Source for Calls itself a sanctuary" }),
  ).toHaveAttribute("href", "https://www.santafenm.gov/resolution-2016-77");
  // the author hears of the decision
  await page.goto("/notifications");
  await expect(page.getByText("Your proposal of Santa Fe, NM was approved.")).toBeVisible();
  await page.goto("/me/submissions");
  const mine = page.getByRole("listitem", { name: "New jurisdiction: Santa Fe, NM" });
  await expect(mine).toContainText("Approved");
  await expect(mine.getByRole("link", { name: "See its profile" })).toHaveAttribute(
    "href",
    "/cities/santa-fe-nm",
  );
  const feed = await request.get("/cities/santa-fe-nm/feed.xml");
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain("Santa Fe");
  const api = await (await request.get("/api/cities")).json();
  expect(JSON.stringify(api)).toContain("santa-fe-nm");
  await page.goto("/cities");
  await expect(page.getByRole("link", { name: "Santa Fe", exact: true })).toBeVisible();
  // on the map, as a marker link named after it and in the list beside the map
  await page.goto("/map");
  const marker = page
    .frameLocator('iframe[title^="Map of the United States"]')
    .getByRole("link", { name: "Santa Fe", exact: true });
  await expect(marker).toHaveAttribute("href", "santa-fe-nm");
  await expect(
    page.getByRole("region", { name: "Places by state" }).getByRole("link", { name: "Santa Fe" }),
  ).toHaveAttribute("href", "/cities/santa-fe-nm");
  // found by search, and in the open-data download with its coordinates and sources
  await page.goto("/search?q=santa+fe");
  await expect(
    page
      .getByRole("main")
      .getByRole("link", { name: /^Santa Fe/ })
      .first(),
  ).toHaveAttribute("href", "/cities/santa-fe-nm");
  const csv = await (await request.get("/api/cities.csv")).text();
  const row = csv.split("\r\n").find((line) => line.startsWith("santa-fe-nm,"));
  expect(row).toContain(",35.687,-105.938,");
  expect(row).toContain("https://www.santafenm.gov/resolution-2016-77");

  // The same place again: the moderator is warned of the jurisdiction it would repeat.
  await page.goto("/cities/new");
  await fillPlace(page, "City of Santa Fe", SANTA_FE);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Thank you: your proposal was sent for review.")).toBeVisible();
  const warning = await openProposal(mod, "New jurisdiction: City of Santa Fe, NM");
  const duplicateReview = mod.url();
  await expect(warning).toContainText("Possible duplicate");
  await expect(warning.getByRole("link", { name: "Santa Fe, NM" })).toHaveAttribute(
    "href",
    "/cities/santa-fe-nm",
  );

  // The volunteer withdraws the duplicate: it leaves the queue.
  const title = "New jurisdiction: City of Santa Fe, NM";
  await page.goto("/me/submissions");
  const withdrawn = page.getByRole("listitem", { name: title });
  await expect(withdrawn.getByRole("link", { name: /^Revise/ })).toHaveCount(0);
  await withdrawn.getByRole("button", { name: `Withdraw “${title}”` }).click();
  await withdrawn.getByRole("button", { name: "Yes, withdraw" }).click();
  await expect(withdrawn).toContainText("Withdrawn");
  await mod.goto(duplicateReview);
  await expect(mod.getByRole("region", { name: "Decision" })).toHaveText(
    "Withdrawn by the author.",
  );
  await expect(mod.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await mod.goto("/moderation?kind=jurisdiction_proposal");
  // (the queue has loaded: it says how many wait)
  await expect(mod.getByText(/waiting for review, oldest first\./)).toBeVisible();
  await expect(mod.getByRole("link", { name: title })).toHaveCount(0);
  await mod.context().close();
  await page.context().close();
});

test("coordinates outside the chosen state are refused next to the field, keeping what was typed", async ({
  page: own,
}) => {
  const page = await resident(own);
  await page.goto("/cities/new");
  // Boston's coordinates, for a place in New Mexico
  await fillPlace(page, "Las Cruces", ["42.3601", "-71.0589"]);
  await page.getByRole("button", { name: "Submit for review" }).click();
  const latitude = page.getByLabel("Latitude");
  await expect(latitude).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#latitude-error")).toHaveText(
    "This point is outside New Mexico: check the latitude and longitude.",
  );
  await expect(latitude).toHaveValue("42.3601");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Las Cruces");
  await expect(page.getByText("Thank you")).toHaveCount(0);
  await page.context().close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form posts, shows errors beside their fields, then sends the proposal", async ({
    page,
    browser,
  }) => {
    // an account made where scripts run; the proposal is made where they do not
    const email = await newAccount(browser, "Nils No-Script", PASSWORD);
    await signIn(page, email, PASSWORD);
    await page.waitForURL((url) => url.pathname === "/");

    await page.goto("/cities/new");
    await fillPlace(page, "Taos", ["42.3601", "-71.0589"]);
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.locator("#latitude-error")).toHaveText(
      "This point is outside New Mexico: check the latitude and longitude.",
    );
    // the server gave back everything typed
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Taos");
    await expect(page.getByLabel("Description")).toHaveValue(/council declared it/);
    await expect(page.getByLabel("State", { exact: true })).toHaveValue("NM");

    await page.getByLabel("Latitude").fill("36.407");
    await page.getByLabel("Longitude").fill("-105.573");
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByText("Thank you: your proposal was sent for review.")).toBeVisible();

    const mod = await demoPage(browser, "moderator", { javaScriptEnabled: false });
    await openProposal(mod, "New jurisdiction: Taos, NM");
    await expect(mod.getByText("36.407, -105.573")).toBeVisible();
    await mod.context().close();
  });
});

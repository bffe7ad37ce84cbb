import { expect, test, type Page } from "@playwright/test";
import { CITY_SLUGS } from "./cities-data";
import { publishUpdate, stamp } from "./journeys/people";

const items = (page: Page) => page.getByRole("list", { name: "Cities" }).getByRole("listitem");
const listedSlugs = async (page: Page) =>
  (await items(page)
    .getByRole("heading")
    .getByRole("link")
    .evaluateAll((links) =>
      links.map((a) => new URL((a as HTMLAnchorElement).href).pathname.split("/")[2]!),
    )) as string[];

type ApiCity = { city: { facts: { field: string; value: string; sourceUrl: string }[] } };

test("the list filters by a policy field's value", async ({ page, request }) => {
  await page.goto("/cities");
  await page.getByText("Filter by policy details").click();
  await page.getByLabel("ICE detainer requests").selectOption({ label: "Declines" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/ice_detainers=declines/);
  const slugs = await listedSlugs(page);
  expect(slugs.length).toBeGreaterThan(0);
  expect(slugs.length).toBeLessThan(CITY_SLUGS.length);
  await expect(page.getByRole("status")).toHaveText(
    `${slugs.length === 1 ? "1 place" : `${slugs.length} places`} match these filters.`,
  );
  // Exactly the places whose profile says so.
  for (const slug of CITY_SLUGS) {
    const profile = (await (await request.get(`/api/cities/${slug}`)).json()) as ApiCity;
    const value = profile.city.facts.find((f) => f.field === "ice_detainers")?.value;
    expect(slugs.includes(slug), slug).toBe(value === "declines");
  }
  // The form remembers the choice, open.
  await expect(page.getByLabel("ICE detainer requests")).toHaveValue("declines");
});

test("the list filters by text a free-text field contains, federal actions", async ({ page }) => {
  await page.goto("/cities");
  await page.getByText("Filter by policy details").click();
  // Only Denver's and Boulder's records name DHS's report, and no spec edits their
  // federal actions, so the answer is known.
  await page.getByLabel("Federal actions against it").fill("  DETAINER outcome report ");
  await page.getByRole("button", { name: "Apply filters" }).click();
  // (a plain GET form: the address holds the text as typed; the list reads it tidied)
  await expect(page).toHaveURL(/federal_actions=\+\+DETAINER\+outcome\+report\+/);
  await expect(page.getByLabel("Federal actions against it")).toHaveValue(
    "DETAINER outcome report",
  );
  await expect(page.getByRole("status")).toHaveText("2 places match these filters.");
  expect((await listedSlugs(page)).sort()).toEqual(["boulder-co", "denver-co"]);

  // Too long: a message naming the field, and the other filters kept.
  await page.goto(`/cities?state=IL&federal_actions=${"x".repeat(101)}`);
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    "Use at most 100 characters in “Federal actions against it”.",
  );
  await expect(page.getByLabel("State", { exact: true })).toHaveValue("IL");
  // the field is shown, marked, holding what was typed, and points to the message
  const field = page.getByLabel("Federal actions against it");
  await expect(field).toBeVisible();
  await expect(field).toHaveValue("x".repeat(101));
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(/Use at most 100 characters/);
});

test("the list pages forward and back, and sorts", async ({ page }) => {
  await page.goto("/cities?per=12");
  await expect(page.getByRole("status")).toHaveText(`${CITY_SLUGS.length} places.`);
  await expect(items(page)).toHaveCount(12);
  const first = await listedSlugs(page);
  await expect(page.getByRole("link", { name: "Previous page" })).toHaveCount(0);
  // A page not rendered yet may take a while on a busy machine: wait for the navigation itself.
  await Promise.all([
    page.waitForURL(/after=/),
    page.getByRole("link", { name: "Next page" }).click(),
  ]);
  await expect(items(page)).toHaveCount(CITY_SLUGS.length - 12);
  const second = await listedSlugs(page);
  expect([...first, ...second].sort()).toEqual([...CITY_SLUGS].sort());
  await expect(page.getByRole("link", { name: "Next page" })).toHaveCount(0);
  await Promise.all([
    page.waitForURL(/before=/),
    page.getByRole("link", { name: "Previous page" }).click(),
  ]);
  await expect(items(page)).toHaveCount(12);
  expect(await listedSlugs(page)).toEqual(first);

  await page.getByLabel("Sort by").selectOption({ label: "Population (largest first)" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/sort=population/);
  await expect(items(page).first().getByRole("heading")).toHaveText("New York City");
});

test("bad list queries get a message naming the value, on the page and in the API", async ({
  page,
  request,
}) => {
  const response = await page.goto("/cities?state=ZZ&sort=random&after=broken!");
  expect(response?.status()).toBe(200);
  const alert = page.getByRole("alert").filter({ hasText: "We could not use these filters" });
  await expect(alert).toContainText("“ZZ” is not a US state.");
  await expect(alert).toContainText("“random” is not a way to sort the list.");
  await expect(alert).toContainText("This page link is damaged or out of date.");
  await expect(page.getByRole("list", { name: "Cities" })).toHaveCount(0);
  const api = await request.get("/api/cities?jail_access=maybe");
  expect(api.status()).toBe(400);
  expect((await api.json()).problems.jail_access.message).toBe(
    "“maybe” is not a value of “ICE access to jails”. Choose one from the list.",
  );
});

test("compare three cities: a column each, every field with its source", async ({
  page,
  request,
}) => {
  await page.goto("/cities");
  for (const name of ["Boston", "Denver", "Chicago"]) {
    await page.getByRole("checkbox", { name: `Compare ${name}` }).check();
  }
  await page.getByRole("button", { name: "Compare selected" }).click();
  await expect(page).toHaveURL(/\/compare\?cities=/);
  const table = page.getByRole("table");
  for (const name of ["Boston", "Denver", "Chicago"]) {
    await expect(table.getByRole("columnheader", { name: new RegExp(name) })).toBeVisible();
  }
  await expect(table.getByRole("rowheader", { name: "ICE detainer requests" })).toBeVisible();
  for (const [slug, name] of [
    ["boston-ma", "Boston"],
    ["denver-co", "Denver"],
    ["chicago-il", "Chicago"],
  ] as const) {
    const profile = (await (await request.get(`/api/cities/${slug}`)).json()) as ApiCity;
    const sources = table.getByRole("link", { name: `Source for ${name}` });
    await expect(sources).toHaveCount(7);
    expect(await sources.evaluateAll((a) => a.map((l) => l.getAttribute("href")))).toEqual(
      profile.city.facts.map((f) => f.sourceUrl),
    );
  }
});

test("compare: add and remove places, duplicates, unknown slugs and too many", async ({ page }) => {
  await page.goto("/cities/boston-ma");
  await page.getByRole("link", { name: "Compare with other places" }).click();
  await expect(page.getByRole("columnheader")).toHaveCount(1);
  await page.getByLabel("Add a place").selectOption({ label: "Denver, CO" });
  await page.getByRole("button", { name: "Add to comparison" }).click();
  await expect(page.getByRole("columnheader")).toHaveCount(2);
  await page.getByRole("link", { name: "Remove Boston" }).click();
  await expect(page.getByRole("columnheader")).toHaveCount(1);
  await expect(page.getByRole("columnheader")).toContainText("Denver");

  await page.goto("/compare?cities=boston-ma,boston-ma,atlantis-xx");
  await expect(page.getByRole("columnheader")).toHaveCount(1);
  await expect(page.locator("main [role=alert]")).toContainText(
    "We have no place called “atlantis-xx”",
  );

  await page.goto("/compare?cities=boston-ma,denver-co,chicago-il,oakland-ca,seattle-wa");
  await expect(page.locator("main [role=alert]")).toContainText(
    "You chose 5 places; we can compare up to 4 side by side.",
  );
  await expect(page.getByRole("columnheader")).toHaveCount(4);
  await expect(page.getByLabel("Add a place")).toHaveCount(0);
});

test("the home page shows the most followed and recently changed places, not every city", async ({
  page,
  browser,
}) => {
  test.slow(); // an update is sent and approved first
  const title = `Browse home ${stamp()}`;
  await publishUpdate(browser, "boulder-co", title);
  await page.goto("/");
  const recent = page.getByRole("region", { name: "Recently changed" });
  await expect(recent.getByRole("listitem").first()).toBeVisible();
  const boulder = recent.getByRole("listitem").filter({ hasText: "Boulder, CO" });
  await expect(boulder).toContainText(/Changed \d{1,2} \w+ \d{4}/);
  const followed = page.getByRole("region", { name: "Most followed" });
  await expect(followed).toBeVisible();
  // Either its places with their follower counts (most first), or a line saying there are none.
  const counts = await followed
    .getByRole("listitem")
    .evaluateAll((li) =>
      li.map((l) => Number(/([\d,]+) followers?/.exec(l.textContent ?? "")?.[1]?.replace(",", ""))),
    );
  if (counts.length === 0) await expect(followed).toContainText("No one follows a place yet.");
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  expect(counts.length).toBeLessThanOrEqual(8);
  expect(await page.locator('main a[href^="/cities/"]').count()).toBeLessThanOrEqual(16);
  await page.getByRole("link", { name: "Browse all cities and counties" }).click();
  await expect(page).toHaveURL(/\/cities$/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("filter, page and compare work as plain forms and links", async ({ page }) => {
    await page.goto("/cities");
    await page.getByLabel("State").selectOption({ label: "California" });
    await page.getByLabel("Per page").selectOption("12");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/state=CA/);
    await expect(items(page)).toHaveCount(4);

    await page.goto("/cities?per=12&sort=state");
    await page.getByRole("link", { name: "Next page" }).click();
    await expect(items(page)).toHaveCount(CITY_SLUGS.length - 12);

    await page.goto("/cities");
    await page.getByRole("checkbox", { name: "Compare Oakland" }).check();
    await page.getByRole("checkbox", { name: "Compare San Jose" }).check();
    await page.getByRole("button", { name: "Compare selected" }).click();
    await expect(page.getByRole("columnheader")).toHaveCount(2);
    await page.getByLabel("Add a place").selectOption({ label: "Seattle, WA" });
    await page.getByRole("button", { name: "Add to comparison" }).click();
    await expect(page.getByRole("columnheader")).toHaveCount(3);
    await expect(page.getByRole("link", { name: "Source for Seattle" })).toHaveCount(7);
  });
});

test("hostile list and compare queries answer without a server error", async ({ request }) => {
  const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  for (const path of [
    "/cities?state=%00&policy=%ff",
    `/cities?after=${cursor(["name", "a\u0000", "1"])}`,
    `/cities?sort=recent&after=${cursor(["recent", "9".repeat(17), "x", "1"])}`,
    `/cities?sort=population&before=${cursor(["population", 1e30, "x", "1"])}`,
    "/cities?per=-1&sort=__proto__",
    "/compare?cities=%00,%E2%80%AE,<script>",
    `/compare?cities=${"a".repeat(5000)}`,
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
  }
  expect((await request.get(`/api/cities?after=${cursor(["name", 1, 2])}`)).status()).toBe(400);
});

import { expect, test } from "@playwright/test";
import { CITY_SLUGS } from "./cities-data";

test("the city list shows every place with state, mayor and policy badge", async ({ page }) => {
  await page.goto("/cities");
  const items = page.getByRole("list", { name: "Cities" }).getByRole("listitem");
  await expect(items).toHaveCount(CITY_SLUGS.length);
  const boston = items.filter({ has: page.getByRole("link", { name: "Boston" }) });
  await expect(boston).toContainText("Massachusetts");
  await expect(boston).toContainText("Martin J. Walsh");
  await expect(boston.locator("span.rounded-full")).toHaveText(
    /Sanctuary|Limits cooperation|No sanctuary policy|Unknown/,
  );
});

test("the list filters by state", async ({ page }) => {
  await page.goto("/cities");
  await page.getByLabel("State").selectOption({ label: "California" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/state=CA/);
  const items = page.getByRole("list", { name: "Cities" }).getByRole("listitem");
  await expect(items).toHaveCount(4);
  for (const name of ["Los Angeles", "San Francisco", "Oakland", "San Jose"]) {
    await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  }
  await expect(page.getByText("4 places match these filters.")).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(items).toHaveCount(CITY_SLUGS.length);
});

test("the list filters by policy, with an empty state", async ({ page }) => {
  await page.goto("/cities?policy=sanctuary");
  const items = page.getByRole("list", { name: "Cities" }).getByRole("listitem");
  const n = await items.count();
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThan(CITY_SLUGS.length);
  for (let i = 0; i < n; i++) await expect(items.nth(i)).toContainText("Sanctuary");

  await page.goto("/cities?state=WI&policy=none");
  const wi = await page.request.get("/api/cities?state=WI&policy=none");
  const matches = (await wi.json()).cities.length;
  if (matches === 0) {
    await expect(page.getByText("No city or county matches these filters.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Show all cities" })).toBeVisible();
  } else {
    await expect(items).toHaveCount(matches);
  }
  // A real state with no place (yet).
  await page.goto("/cities?state=WY");
  await expect(page.getByText("No city or county matches these filters.")).toBeVisible();
});

test("bad filter values get a message naming them, not an error page", async ({ page }) => {
  const response = await page.goto("/cities?state=%3Cscript%3E&policy=everything");
  expect(response?.status()).toBe(200);
  const alert = page.getByRole("alert").filter({ hasText: "We could not use these filters" });
  await expect(alert).toContainText("“<script>” is not a US state.");
  await expect(alert).toContainText("“everything” is not a value of “Policy”.");
  await alert.getByRole("link", { name: "Show all cities" }).click();
  await expect(page.getByRole("list", { name: "Cities" }).getByRole("listitem")).toHaveCount(
    CITY_SLUGS.length,
  );
});

for (const slug of CITY_SLUGS) {
  test(`the profile of ${slug} renders`, async ({ page }) => {
    const response = await page.goto(`/cities/${slug}`);
    expect(response?.status()).toBe(200);
    const api = await (await page.request.get(`/api/cities/${slug}`)).json();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(api.city.name);
    await expect(page.getByText(api.city.leaderName, { exact: true })).toBeVisible();
    const profile = page.getByRole("region", { name: "Policy profile" });
    await expect(profile.getByRole("term")).toHaveCount(7);
    await expect(profile.getByRole("link", { name: /^Source/ })).toHaveCount(7);
    await expect(page.getByRole("region", { name: "In the article" })).toBeVisible();
  });
}

test("an unknown city gets a helpful 404", async ({ page }) => {
  const response = await page.goto("/cities/atlantis-xx");
  expect(response?.status()).toBe(404);
  await expect(
    page.getByRole("heading", { name: "We have no profile for that place" }),
  ).toBeVisible();
  await page.getByRole("link", { name: "browse every city we follow" }).click();
  await expect(page).toHaveURL(/\/cities$/);
  await expect(page.getByRole("link", { name: /^Denver/ }).first()).toBeVisible();
});

test("a city page carries its own city, not a list of every other one", async ({ request }) => {
  // A segment's not-found page is rendered into each of its pages: it once listed every city.
  const html = await (await request.get("/cities/boston-ma")).text();
  expect(html).toContain("Boston");
  expect(html).not.toContain("/cities/milwaukee-county-wi");
});

test("the home page introduces the site, the article and where to find the cities", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Follow what your city does");
  await page.getByRole("link", { name: /Sanctuary cities pledge to continue/ }).click();
  await expect(page).toHaveURL(/\/articles\/us-sanctuary-cities$/);
  await page.goto("/");
  // Not every city (e2e/browse.spec.ts checks the two short lists): a link to all of them.
  await expect(page.getByRole("region", { name: "Most followed" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Recently changed" })).toBeVisible();
  await page.getByRole("link", { name: "Browse all cities and counties" }).click();
  await expect(page.getByRole("list", { name: "Cities" }).getByRole("listitem")).toHaveCount(
    CITY_SLUGS.length,
  );
});

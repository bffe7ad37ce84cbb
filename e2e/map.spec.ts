// /map: the server-drawn SVG map (framed from /map/frame), its legend and its list.
import AxeBuilder from "@axe-core/playwright";
import { demoPage, expect, test } from "./fixtures";
import { CITY_SLUGS } from "./cities-data";

const mapFrame = (page: import("@playwright/test").Page) =>
  page.frameLocator('iframe[title^="Map of the United States"]');

test("the map has one marker link per place, named after it, leading to its page", async ({
  page,
}) => {
  await page.goto("/map");
  await expect(page.getByRole("heading", { level: 1, name: "Map" })).toBeVisible();
  const { cities } = await (await page.request.get("/api/cities")).json();
  const markers = mapFrame(page).getByRole("link");
  await expect(markers).toHaveCount(cities.length);
  for (const slug of CITY_SLUGS) {
    const city = cities.find((c: { slug: string }) => c.slug === slug);
    const marker = mapFrame(page).getByRole("link", { name: city.name, exact: true });
    // Relative to the frame's <base href="/cities/">: /cities/<slug>.
    await expect(marker).toHaveAttribute("href", slug);
  }
  // Following a marker opens the profile in the page, not inside the frame.
  await mapFrame(page).getByRole("link", { name: "Boston", exact: true }).click();
  await expect(page).toHaveURL(/\/cities\/boston-ma$/);
  await expect(page.getByRole("heading", { level: 1, name: "Boston" })).toBeVisible();
});

test("the legend names each status with its shape, and the list says each place's status", async ({
  page,
}) => {
  await page.goto("/map");
  const legend = page.getByRole("list", { name: "Legend" });
  for (const words of [
    /^Sanctuary \(circle\): \d+$/,
    /^Limits cooperation \(diamond\): \d+$/,
    /^No sanctuary policy \(square\): \d+$/,
    /^Unknown \(hollow circle\): \d+$/,
  ]) {
    await expect(legend.getByRole("listitem").filter({ hasText: words })).toHaveCount(1);
  }
  const list = page.getByRole("region", { name: "Places by state" });
  const { cities } = await (await page.request.get("/api/cities")).json();
  await expect(list.getByRole("link")).toHaveCount(cities.length);
  await expect(list.getByRole("heading", { name: "California" })).toBeVisible();
  const { city } = await (await page.request.get("/api/cities/boston-ma")).json();
  const words = {
    sanctuary: "Sanctuary",
    limited: "Limits cooperation",
    none: "No sanctuary policy",
    unknown: "Unknown",
  } as const;
  await expect(list.getByRole("listitem").filter({ hasText: "Boston" })).toHaveText(
    `Boston: ${words[city.badge as keyof typeof words]}`,
  );
  await list.getByRole("link", { name: "Oakland" }).click();
  await expect(page).toHaveURL(/\/cities\/oakland-ca$/);
});

test("no serious or critical accessibility violation on /map", async ({ page }) => {
  await page.goto("/map");
  await expect(mapFrame(page).getByRole("link").first()).toBeAttached();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test("the markers are reached with the keyboard", async ({ page }) => {
  await page.goto("/map");
  await page.locator("iframe").focus();
  await page.keyboard.press("Tab");
  const focused = mapFrame(page).locator("a:focus");
  await expect(focused).toHaveCount(1);
  const href = await focused.getAttribute("href");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/cities/${href}$`));
});

test("the header and /cities link to the map", async ({ page }) => {
  await page.goto("/cities");
  await page.getByRole("link", { name: "See them on a map" }).click();
  await expect(page).toHaveURL(/\/map$/);
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Map" }).click();
  await expect(page).toHaveURL(/\/map$/);
});

/** The status group ("s", "l", "n", "u") of a place's marker in the framed map. */
async function markerGroup(request: import("@playwright/test").APIRequestContext, name: string) {
  const html = await (await request.get("/map/frame")).text();
  const groups = [...html.matchAll(/<g class="(\w)">(.*?)<\/g>/g)];
  return groups.find(([, , links]) => links!.includes(`aria-label="${name}"`))?.[1];
}

test("the map and its list change when a place's sanctuary status changes", async ({
  browser,
  request,
}) => {
  // Two people sign in and act (as in follow.spec.ts): over a minute on a loaded 2-core machine.
  test.setTimeout(120_000);
  // San Jose limits cooperation (its detainer policy) without calling itself a sanctuary.
  expect(await markerGroup(request, "San Jose")).toBe("l");

  const page = await demoPage(browser, "resident"); // anyone signed in may propose an edit
  await page.goto("/cities/san-jose-ca/edit");
  const group = page.getByRole("group", { name: "Calls itself a sanctuary", exact: true });
  await group.getByLabel("Value").selectOption("yes");
  await group.getByLabel("Source URL").fill("https://www.sanjoseca.gov/");
  await page.getByRole("button", { name: "Send edit for review" }).click();
  await expect(page.getByText("Thank you: your edit was sent for review.")).toBeVisible();

  const mod = await demoPage(browser, "moderator");
  try {
    await mod.goto("/moderation?city=san-jose-ca&kind=profile_edit");
    await mod
      .getByRole("list", { name: "Pending submissions" })
      .getByRole("link")
      .filter({ hasText: "Calls itself a sanctuary" })
      .last()
      .click();
    await mod.getByRole("button", { name: "Approve" }).click();
    await expect(mod.getByText("Approved by Maya Moderator.")).toBeVisible();
  } finally {
    await mod.context().close();
  }

  expect(await markerGroup(request, "San Jose")).toBe("s");
  await page.goto("/map");
  const list = page.getByRole("region", { name: "Places by state" });
  await expect(list.getByRole("listitem").filter({ hasText: "San Jose" })).toHaveText(
    "San Jose: Sanctuary",
  );
  await page.context().close();
});

test("the JSON API gives the coordinates the map uses", async ({ request }) => {
  const { cities } = await (await request.get("/api/cities")).json();
  expect(cities.find((c: { slug: string }) => c.slug === "boston-ma")).toMatchObject({
    latitude: 42.3601,
    longitude: -71.0589,
  });
  const { city } = await (await request.get("/api/cities/seattle-wa")).json();
  expect(city).toMatchObject({ latitude: 47.6062, longitude: -122.3321 });
});

test("the framed map runs no script and only this site may frame it", async ({ request }) => {
  const response = await request.get("/map/frame");
  expect(response.headers()["content-type"]).toContain("text/html");
  const csp = response.headers()["content-security-policy"]!;
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("frame-ancestors 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(response.headers()["x-frame-options"]).toBe("SAMEORIGIN");
  expect(await response.text()).not.toContain("<script");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the map, its links and the list are all in the server's HTML", async ({ page }) => {
    await page.goto("/map");
    await expect(
      mapFrame(page).getByRole("link", { name: "Seattle", exact: true }),
    ).toHaveAttribute("href", "seattle-wa");
    await mapFrame(page).getByRole("link", { name: "Seattle", exact: true }).click();
    await expect(page).toHaveURL(/\/cities\/seattle-wa$/);
    await page.goBack();
    const { cities } = await (await page.request.get("/api/cities")).json();
    await expect(mapFrame(page).getByRole("link")).toHaveCount(cities.length);
    const list = page.getByRole("region", { name: "Places by state" });
    await list.getByRole("link", { name: "Denver" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Denver" })).toBeVisible();
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the map fits the screen and the list comes below it", async ({ page }) => {
    await page.goto("/map");
    const frame = await page.locator("iframe").boundingBox();
    const list = await page.getByRole("region", { name: "Places by state" }).boundingBox();
    expect(frame!.width).toBeLessThanOrEqual(390);
    expect(frame!.height).toBeGreaterThan(frame!.width * 0.55); // the SVG's 975 × 610 shape
    expect(list!.y).toBeGreaterThanOrEqual(frame!.y + frame!.height);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });
});

// Search (issue 17): the header's box, /search?q= with ranked, highlighted,
// paginated results, with and without JavaScript, and bad queries answered
// with a message, never a 500.
import { expect, test } from "./fixtures";

// Every seeded place (by state code), the quotes and the article: more than one page.
const MANY =
  "/search?q=" +
  encodeURIComponent("mayor or ny or il or ca or dc or ma or wa or md or co or la or pa or wi");

const results = (page: import("@playwright/test").Page) =>
  page.getByRole("list", { name: "Results" }).getByRole("listitem");

test("the header's Search box finds a place, with the matching words marked", async ({ page }) => {
  await page.goto("/cities");
  const box = page.getByRole("banner").getByRole("searchbox", { name: "Search" });
  await box.fill("san josé");
  await page.getByRole("banner").getByRole("button", { name: "Search" }).click();
  await page.waitForURL((url) => url.pathname === "/search");
  expect(new URL(page.url()).searchParams.get("q")).toBe("san josé");
  await expect(page).toHaveTitle("Search: san josé · CityWatch");
  await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
  await expect(page.getByLabel("Search terms")).toHaveValue("san josé");

  const first = results(page).first();
  await expect(first.getByRole("link", { name: "San Jose" })).toHaveAttribute(
    "href",
    "/cities/san-jose-ca",
  );
  await expect(first.locator("mark")).toHaveText(["San", "Jose"]);
  await expect(first).toContainText("City · California");
  await first.getByRole("link", { name: "San Jose" }).click();
  await expect(page).toHaveURL(/\/cities\/san-jose-ca$/);
});

test("a state code finds its places, and an update or quote links to where it is", async ({
  page,
}) => {
  await page.goto("/search?q=CO");
  await expect(results(page).nth(0)).toContainText("Colorado");
  await expect(results(page).nth(1)).toContainText("Colorado");

  await page.goto("/search?q=emanuel");
  const quote = results(page).filter({ hasText: "Quote in the article" }).first();
  await expect(quote.locator("mark").first()).toHaveText("Emanuel");
  await quote.getByRole("link").click();
  await expect(page).toHaveURL(/\/articles\/us-sanctuary-cities#quote-\d+$/);
  const id = new URL(page.url()).hash;
  await expect(page.locator(id)).toContainText("Emanuel");
});

test("pages of results follow each other with no result twice", async ({ page }) => {
  await page.goto(MANY);
  const seen: string[] = [];
  for (let i = 0; i < 5; i++) {
    const hrefs = await results(page)
      .getByRole("heading")
      .getByRole("link")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    seen.push(...hrefs);
    const next = page.getByRole("navigation", { name: "Pages" }).getByRole("link", {
      name: "Next page",
    });
    if ((await next.count()) === 0) break;
    await next.click();
    await expect(page.getByRole("link", { name: "First page" })).toBeVisible();
  }
  expect(seen.length).toBeGreaterThan(20);
  expect(new Set(seen).size).toBe(seen.length);
});

test("an empty search asks for words; one with no match says so with tips", async ({ page }) => {
  await page.goto("/search?q=");
  await expect(page.getByText("Type the name of a city, county or state")).toBeVisible();
  await expect(page.getByRole("list", { name: "Results" })).toHaveCount(0);

  await page.goto("/search?q=" + encodeURIComponent("<script>alert(1)</script> zzqqxx"));
  await expect(page.getByText("No results for “<script>alert(1)</script> zzqqxx”.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Browse all cities and counties" })).toBeVisible();
});

test("a query too long, with a NUL or with search operators gets an answer, never a 500", async ({
  page,
}) => {
  for (const q of ["a".repeat(201), "x".repeat(10_000)]) {
    const response = await page.goto("/search?q=" + q);
    expect(response?.status()).toBe(200);
    const box = page.getByLabel("Search terms");
    await expect(box).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("alert").filter({ hasText: "Use at most 200" })).toHaveText(
      "Use at most 200 characters in a search.",
    );
    await expect(page.getByRole("list", { name: "Results" })).toHaveCount(0);
  }

  for (const q of ["boston%00", "%00", '"boston', "-", "or", "!", "%26|%3A*()"]) {
    const response = await page.goto("/search?q=" + q);
    expect(response?.status(), q).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
  }
  await page.goto("/search?q=boston%00");
  await expect(results(page).first().getByRole("link")).toHaveText("Boston");
});

test("keyboard: tab to the header box, search with Enter, tab to a result", async ({ page }) => {
  await page.goto("/");
  const box = page.getByRole("banner").getByRole("searchbox", { name: "Search" });
  for (let i = 0; i < 12 && !(await box.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(box).toBeFocused();
  await page.keyboard.type("boston");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/search\?q=boston$/);
  const link = results(page).first().getByRole("link", { name: "Boston" });
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/cities\/boston-ma$/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the header's box and the result pages work", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("banner").getByRole("searchbox", { name: "Search" }).fill("Walsh");
    await page.getByRole("banner").getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/\/search\?q=Walsh$/);
    const boston = results(page).filter({
      has: page.getByRole("link", { name: "Boston", exact: true }),
    });
    await expect(boston.locator("mark")).toHaveText("Walsh");

    await page.goto(MANY);
    await page.getByRole("link", { name: "Next page" }).click();
    await expect(page.getByRole("link", { name: "First page" })).toBeVisible();
    await expect(results(page).first()).toBeVisible();

    await page.getByLabel("Search terms").fill("a".repeat(300));
    await page.getByRole("button", { name: "Search" }).last().click();
    await expect(page.getByText("Use at most 200 characters in a search.")).toBeVisible();
  });
});

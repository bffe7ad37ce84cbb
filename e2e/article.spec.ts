import { expect, test } from "@playwright/test";
import { ARTICLE_QUOTES } from "./cities-data";

const ARTICLE = "/articles/us-sanctuary-cities";

test("the article shows its headline, date, source and full text", async ({ page }) => {
  const response = await page.goto(ARTICLE);
  expect(response?.status()).toBe(200);
  await expect(
    page.getByRole("heading", {
      level: 1,
      name: "Sanctuary cities pledge to continue to protect undocumented immigrants",
    }),
  ).toBeVisible();
  await expect(page.locator("time[datetime='2017-04-24']").first()).toHaveText("24 April 2017");
  await expect(page.getByRole("link", { name: "Source: World Mayor" })).toHaveAttribute(
    "href",
    /^https?:\/\//,
  );
  const article = page.locator("article");
  await expect(article).toContainText("sent out letters to nine so-called Sanctuary Cities");
  await expect(article).toContainText(
    "There are more than 140 sanctuary cities or counties in the US",
  );
  await expect(article).toContainText("US Attorney General Jeff Sessions said");
  await expect(article).toContainText("Milwaukee County Supervisor Marina Dimitrijevic");
  await expect(article.getByRole("link", { name: "Milwaukee County" })).toHaveAttribute(
    "href",
    "/cities/milwaukee-county-wi",
  );
});

test("every quote is attributed to its mayor and links to the right cities", async ({ page }) => {
  await page.goto(ARTICLE);
  const quotes = page.locator("article figure");
  await expect(quotes).toHaveCount(ARTICLE_QUOTES.length);
  for (const [i, expected] of ARTICLE_QUOTES.entries()) {
    const quote = quotes.nth(i);
    await expect(quote.locator("blockquote")).toContainText(expected.fragment);
    await expect(quote.locator("figcaption")).toContainText(expected.attribution);
    const links = quote.locator("figcaption a");
    await expect(links).toHaveCount(expected.cities.length);
    for (const [j, slug] of expected.cities.entries()) {
      await expect(links.nth(j)).toHaveAttribute("href", `/cities/${slug}`);
    }
  }
});

test("a quote's city link opens that city's profile", async ({ page }) => {
  await page.goto(ARTICLE);
  await page.locator("article figure").nth(1).getByRole("link", { name: "Chicago" }).click();
  await expect(page).toHaveURL(/\/cities\/chicago-il$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Chicago");
  await expect(page.getByText("There is no stranger among us")).toBeVisible();
});

test("side material and corrections are shown", async ({ page }) => {
  await page.goto(ARTICLE);
  const honours = page.getByRole("region", { name: "The 2016 World Mayor Honours" });
  await expect(honours.getByRole("listitem")).toHaveCount(10);
  await expect(honours).toContainText("Bart Somers");
  await expect(honours).toContainText("Henriette Reker");
  const related = page.getByRole("region", { name: "Related sections on World Mayor" });
  await expect(related).toContainText("US mayors reject Trumpcare");
  await expect(related).toContainText("Spanish mayors (2016)");
  await expect(related.getByRole("link")).toHaveCount(0); // text, not dead links
  const corrections = page.getByRole("region", { name: "Corrections" });
  await expect(corrections).toContainText("Jess Sessions");
  await expect(corrections).toContainText("Jeff Sessions");
  await page.getByRole("link", { name: "Mayors of largest US cities stand by immigrants" }).click();
  await expect(page).toHaveURL(/#mayors-stand-by-immigrants$/);
});

test("an unknown article gets a 404 page", async ({ page }) => {
  const response = await page.goto("/articles/no-such-article");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

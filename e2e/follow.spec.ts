import type { Page } from "@playwright/test";
import { demoPage, expect, signOut, signUp, test, uniqueEmail } from "./fixtures";

const PASSWORD = "a long passphrase for tests";

async function followerCount(page: Page): Promise<number> {
  const text = (await page.locator("[id^=followers-]").first().textContent()) ?? "";
  return Number(text.match(/^(\d+)/)?.[1] ?? NaN);
}

test("a resident follows a city, sees an approved update in /me, and unfollows", async ({
  page,
  request,
}) => {
  const city = "seattle-wa";
  const title = `Seattle directive ${Date.now()}`;
  await signUp(page, "Fay Follower", uniqueEmail("follower"), PASSWORD);

  await page.goto("/me");
  await expect(page.getByText("You do not follow any city yet.")).toBeVisible();
  await page.getByRole("link", { name: "city list" }).click();
  await expect(page).toHaveURL(/\/cities$/);

  await page.goto(`/cities/${city}`);
  const follow = page.getByRole("button", { name: "Follow", exact: true });
  await expect(follow).toBeEnabled();
  await expect(page.locator("[id^=followers-]")).toHaveText(/^\d+ followers?$/);
  const before = await followerCount(page);
  await follow.click();
  await expect(page.getByRole("button", { name: "Unfollow", exact: true })).toBeVisible();
  await expect(page.locator("[id^=followers-]")).toHaveText(
    before + 1 === 1 ? "1 follower" : `${before + 1} followers`,
  );
  // The follow is stored, not only shown: a reload still says so.
  await page.reload();
  await expect(page.getByRole("button", { name: "Unfollow", exact: true })).toBeVisible();

  // A volunteer's update there is approved by a moderator.
  const mod = await demoPage(page.context().browser()!, "moderator");
  await mod.goto(`/cities/${city}/updates/new`);
  await mod.getByLabel("Title").fill(title);
  await mod.getByLabel("Summary").fill("The police chief issued a directive on ICE detainers.");
  await mod.getByLabel("Source URL").fill("https://www.seattle.gov/police");
  await mod.getByLabel("Date it took effect").fill("2017-05-01");
  await mod.getByRole("button", { name: "Submit for review" }).click();
  await expect(mod.getByText("Thank you: your update was sent for review.")).toBeVisible();
  // (The moderator cannot approve their own; the demo admin does.)
  const admin = await demoPage(page.context().browser()!, "admin");
  await admin.goto(`/moderation?city=${city}`);
  await admin.getByRole("link", { name: title }).click();
  await admin.getByRole("button", { name: "Approve" }).click();
  await expect(admin.getByText("Approved by Ada Admin.")).toBeVisible();

  // It is in the resident's feed, and in the city's Atom feed.
  await page.goto("/me");
  await expect(page.getByRole("list", { name: "Followed cities" })).toContainText("Seattle");
  await expect(
    page.getByRole("list", { name: "Feed" }).getByRole("link", { name: title }),
  ).toBeVisible();
  const atom = await request.get(`/cities/${city}/feed.xml`);
  expect(atom.headers()["content-type"]).toContain("application/atom+xml");
  expect(await atom.text()).toContain(`<title type="text">${title}</title>`);

  // Unfollow from /me: the city leaves the list.
  await page
    .getByRole("listitem", { name: "Seattle" })
    .getByRole("button", { name: "Unfollow", exact: true })
    .click();
  await expect(
    page
      .getByRole("listitem", { name: "Seattle" })
      .getByRole("button", { name: "Follow", exact: true }),
  ).toBeVisible();
  await page.reload();
  await expect(page.getByText("You do not follow any city yet.")).toBeVisible();
});

test("signed out, Follow asks to sign in and comes back to the same city", async ({ page }) => {
  const email = uniqueEmail("returner");
  await signUp(page, "Rita Returner", email, PASSWORD);
  await signOut(page);
  await page.goto("/cities/denver-co");
  await page.getByRole("button", { name: "Follow", exact: true }).click();
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fcities%2Fdenver-co$/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/cities\/denver-co$/);
  await page.getByRole("button", { name: "Follow", exact: true }).click();
  await expect(page.getByRole("button", { name: "Unfollow", exact: true })).toBeVisible();
});

test("choosing a home city at sign-up follows it", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Hana Home");
  await page.getByLabel("Email").fill(uniqueEmail("home"));
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Home city (optional)").selectOption("oakland-ca");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByTestId("signed-in-name")).toHaveText("Hana Home");
  await page.goto("/me");
  await expect(page.getByRole("list", { name: "Followed cities" })).toContainText("Oakland");
});

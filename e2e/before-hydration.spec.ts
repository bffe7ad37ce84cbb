// What a person types while the page's scripts are still loading (a slow
// phone) is kept, and one press of the button sends it all (issue 14).
import type { Page } from "@playwright/test";
import { expect, newAccount, test, uniqueEmail } from "./fixtures";

/** Holds back every script chunk until `release` is called. */
async function holdScripts(page: Page): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/**/*.js", async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Hydrated: the header's menu, drawn by React, has replaced its placeholder. */
const hydrated = (page: Page) =>
  expect(page.getByRole("banner").getByRole("link", { name: "Sign up" })).toBeVisible();

test("sign-up typed before the scripts load is kept and sent by one submit", async ({ page }) => {
  const release = await holdScripts(page);
  const email = uniqueEmail("early");
  await page.goto("/signup", { waitUntil: "domcontentloaded" });
  await page.getByLabel("Name").fill("Early Typist");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("typed before hydration 14");
  release();
  await hydrated(page);
  await expect(page.getByLabel("Name")).toHaveValue("Early Typist");
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await expect(page.getByLabel("Password")).toHaveValue("typed before hydration 14");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByTestId("signed-in-name")).toHaveText("Early Typist");
});

test("sign-in typed before the scripts load is kept and sent by one submit", async ({
  page,
  browser,
}) => {
  const email = await newAccount(browser, "Early Signer", "typed before hydration 14");
  const release = await holdScripts(page);
  await page.goto("/login", { waitUntil: "domcontentloaded" });
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("typed before hydration 14");
  release();
  await hydrated(page);
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await expect(page.getByLabel("Password")).toHaveValue("typed before hydration 14");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-name")).toHaveText("Early Signer");
});

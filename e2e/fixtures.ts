import { test as base, expect, type Browser, type Page } from "@playwright/test";

/** A random client address per test, so per-IP rate limits do not couple tests. */
export const randomIp = () =>
  `198.51.${Math.floor(Math.random() * 250) + 1}.${Math.floor(Math.random() * 250) + 1}`;

export const test = base.extend({
  // Playwright fixtures take their dependencies as a pattern and hand over a value with `use`
  // (not a React hook).
  // eslint-disable-next-line react-hooks/rules-of-hooks
  extraHTTPHeaders: async ({}, use) => use({ "x-forwarded-for": randomIp() }),
});
export { expect };

export const DEMO_PASSWORD = "citywatch-demo";

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.net`;
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}

/** A form's own alert (Next's route announcer also has role="alert"). */
export const formAlert = (page: Page) =>
  page.locator("form [role=alert], main [role=alert]").first();

export async function signUp(page: Page, name: string, email: string, password: string) {
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign up" }).click();
  await page.waitForURL((url) => url.pathname !== "/signup");
  await expect(page.getByTestId("signed-in-name")).toHaveText(name);
}

/** A new page in its own browser context (another person), signed in as the demo admin. */
export async function adminPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  const page = await context.newPage();
  await signIn(page, "admin@example.org", DEMO_PASSWORD);
  await expect(page.getByTestId("signed-in-name")).toHaveText("Ada Admin");
  return page;
}

/** On /admin/users, finds one user by email and returns their card. */
export async function findUserCard(admin: Page, email: string) {
  await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  const card = admin.getByRole("listitem", { name: email });
  await expect(card).toBeVisible();
  return card;
}

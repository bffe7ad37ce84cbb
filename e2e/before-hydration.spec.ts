// What a person types while the page's scripts are still loading (a slow
// phone) is kept, and one press of the button sends it all (issue 14).
import type { Browser, Page } from "@playwright/test";
import { commentsLanding, expect, newAccount, signIn, test, uniqueEmail } from "./fixtures";

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
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
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

/** Signs in through the form (scripts running), and waits until the header says so. */
async function signInAs(page: Page, browser: Browser, name: string) {
  const email = await newAccount(browser, name, "typed before hydration 14");
  await signIn(page, email, "typed before hydration 14");
  await expect(page.getByTestId("signed-in-name")).toHaveText(name);
}

/** Hydrated, signed in: the header's menu shows the person's name. */
const hydratedAs = (page: Page, name: string) =>
  expect(page.getByTestId("signed-in-name")).toHaveText(name);

test("an update typed before the scripts load is kept and sent by one submit", async ({
  page,
  browser,
}) => {
  await signInAs(page, browser, "Early Volunteer");
  const title = `Typed before hydration ${Date.now()}`;
  const release = await holdScripts(page);
  await page.goto("/cities/denver-co/updates/new", { waitUntil: "domcontentloaded" });
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Summary").fill("Every word typed while the scripts were held back.");
  await page.getByLabel("Source URL").fill("https://www.denvergov.org/");
  await page.getByLabel("Date it took effect").fill("2026-11-02");
  await page.getByLabel("Kind").selectOption({ label: "Court ruling" });
  release();
  await hydratedAs(page, "Early Volunteer");
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await expect(page.getByLabel("Kind")).toHaveValue("court_ruling");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Thank you: your update was sent for review.")).toBeVisible();
  await page.goto("/me/submissions");
  await expect(page.getByText(title)).toHaveCount(1);
});

test("a comment typed before the scripts load is kept and sent by one submit", async ({
  page,
  browser,
}) => {
  await signInAs(page, browser, "Early Commenter");
  const text = `A comment typed before hydration ${Date.now()}`;
  const release = await holdScripts(page);
  await page.goto("/comments/new?on=city%3Adenver-co", { waitUntil: "domcontentloaded" });
  await page.getByRole("textbox", { name: "Comment", exact: true }).fill(text);
  release();
  await hydratedAs(page, "Early Commenter");
  await expect(page.getByRole("textbox", { name: "Comment", exact: true })).toHaveValue(text);
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page).toHaveURL(commentsLanding("/cities/denver-co"));
  await expect(
    page.getByRole("article", { name: "Comment by Early Commenter" }).filter({ hasText: text }),
  ).toHaveCount(1);
});

test("an edit of a comment typed before the scripts load is kept (React would reset the textarea to its old text)", async ({
  page,
  browser,
}) => {
  await signInAs(page, browser, "Early Editor");
  const text = `A comment to edit before hydration ${Date.now()}`;
  await page.goto("/comments/new?on=city%3Aboulder-co");
  await page.getByRole("textbox", { name: "Comment", exact: true }).fill(text);
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page).toHaveURL(commentsLanding("/cities/boulder-co"));
  const id = await page
    .getByRole("article", { name: "Comment by Early Editor" })
    .filter({ hasText: text })
    .getAttribute("id");
  expect(id).toMatch(/^comment-\d+$/);

  const release = await holdScripts(page);
  await page.goto(`/comments/${id!.replace("comment-", "")}#edit`, {
    waitUntil: "domcontentloaded",
  });
  const editor = page
    .getByRole("region", { name: "Edit your comment" })
    .getByRole("textbox", { name: "Comment", exact: true });
  await expect(editor).toHaveValue(text);
  await editor.fill(`${text}, edited early`);
  release();
  await hydratedAs(page, "Early Editor");
  await expect(editor).toHaveValue(`${text}, edited early`);
  await page
    .getByRole("region", { name: "Edit your comment" })
    .getByRole("button", { name: "Save" })
    .click();
  await expect(page.getByText("Your comment was saved.")).toBeVisible();
  await page.goto(`/comments?on=city%3Aboulder-co#${id}`);
  await expect(page.locator(`#${id}`)).toContainText(`${text}, edited early`);
});

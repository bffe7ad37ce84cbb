import type { Browser, Locator, Page, TestInfo } from "@playwright/test";
import { commentsLanding, demoPage, expect, randomIp, signUp, uniqueEmail } from "../fixtures";

export const PASSWORD = "a long passphrase for journeys";

/** A suffix no other test, worker or project uses, for titles and comments. */
export const stamp = () => `${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}`;

export type Place = { slug: string; name: string; state: string; stateName: string };

export const PLACES = {
  newYork: { slug: "new-york-ny", name: "New York City", state: "NY", stateName: "New York" },
  boston: { slug: "boston-ma", name: "Boston", state: "MA", stateName: "Massachusetts" },
  losAngeles: {
    slug: "los-angeles-ca",
    name: "Los Angeles",
    state: "CA",
    stateName: "California",
  },
  sanFrancisco: {
    slug: "san-francisco-ca",
    name: "San Francisco",
    state: "CA",
    stateName: "California",
  },
  washington: {
    slug: "washington-dc",
    name: "Washington",
    state: "DC",
    stateName: "District of Columbia",
  },
  chicago: { slug: "chicago-il", name: "Chicago", state: "IL", stateName: "Illinois" },
} satisfies Record<string, Place>;

/**
 * The place a journey works in. The desktop and phone runs of a journey go
 * on in parallel workers, and profile edits and reverts change a whole
 * profile, so each run has a place of its own that no other spec changes.
 */
export function placeFor(testInfo: TestInfo, desktop: Place, phone: Place): Place {
  return testInfo.project.name === "journeys-phone" ? phone : desktop;
}

/** Another person: a new browser context with its own address, signed up. */
export async function newPerson(
  browser: Browser,
  name: string,
): Promise<{ page: Page; email: string }> {
  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": randomIp() },
  });
  const page = await context.newPage();
  const email = uniqueEmail(name.split(" ")[0]!.toLowerCase());
  await signUp(page, name, email, PASSWORD);
  return { page, email };
}

/**
 * Opens a page. Nothing waits for its scripts: every form posts before they load,
 * and what a person types before they load is kept (e2e/before-hydration.spec.ts).
 */
export async function open(page: Page, path: string) {
  await page.goto(path);
}

/** Reloads a page. */
export async function reload(page: Page) {
  await page.reload();
}

/** Fills and sends the "Submit a policy update" form of a city. */
export async function submitUpdate(page: Page, slug: string, title: string) {
  await open(page, `/cities/${slug}/updates/new`);
  await page.getByLabel("Title").fill(title);
  await page
    .getByLabel("Summary")
    .fill("The council adopted an ordinance that limits how city staff answer ICE requests.");
  await page.getByLabel("Source URL").fill("https://example.gov/council/minutes");
  await page.getByLabel("Date it took effect").fill("2017-05-02");
  await page.getByLabel("Kind").selectOption("ordinance");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Thank you: your update was sent for review.")).toBeVisible();
}

/** A moderator opens one pending update of a city from the review queue. */
export async function openInQueue(mod: Page, slug: string, title: string) {
  await open(mod, `/moderation?city=${slug}`);
  await mod
    .getByRole("list", { name: "Pending submissions" })
    .getByRole("link", { name: title, exact: true })
    .click();
  await expect(mod.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

/**
 * Someone else publishes an update: the demo resident sends it, the demo
 * moderator approves it. Returns the update's public path.
 */
export async function publishUpdate(browser: Browser, slug: string, title: string) {
  const author = await demoPage(browser, "resident");
  await submitUpdate(author, slug, title);
  await author.context().close();
  const mod = await demoPage(browser, "moderator");
  await openInQueue(mod, slug, title);
  const id = /\/moderation\/updates\/(\d+)$/.exec(new URL(mod.url()).pathname)?.[1];
  await mod.getByRole("button", { name: "Approve" }).click();
  await expect(mod.getByText("Approved by Maya Moderator.")).toBeVisible();
  await mod.context().close();
  expect(id).toMatch(/^\d+$/);
  return `/updates/${id}`;
}

/**
 * Opens a cached public page until it shows `what`: a render that started
 * before a write may still answer once with the page from before it.
 */
export async function openUntilShown(page: Page, path: string, what: (page: Page) => Locator) {
  await expect(async () => {
    await page.goto(path);
    await expect(what(page)).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

/** Scrolls to a page's comments (in its HTML, rendered on the server) and waits for their heading. */
export async function showComments(page: Page) {
  await page.locator("#comments").scrollIntoViewIfNeeded();
  await expect(page.getByRole("heading", { name: /^Comments \(\d+\)$/ })).toBeVisible();
}

/** One comment (or reply) on a page, by its text. */
export const commentWith = (page: Page, text: string) =>
  page
    .getByRole("article", { name: /^Comment by / })
    .filter({ hasText: text })
    .last();

/**
 * Writes a comment on a page: its "Write a comment" link opens the form on a
 * page of its own, and posting goes back to the comment. Returns its id.
 */
export async function writeComment(page: Page, path: string, text: string) {
  await open(page, `${path}#comments`);
  await page.getByRole("link", { name: "Write a comment" }).click();
  await expect(page).toHaveURL(/\/comments\/new\?on=/);
  await page.getByRole("textbox", { name: "Comment", exact: true }).fill(text);
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page).toHaveURL(commentsLanding(path));
  await expect(commentWith(page, text)).toBeVisible();
  return /#comment-(\d+)$/.exec(page.url())![1]!;
}

/**
 * Follows a comment's own "Reply" or "Report" link (the first in it: replies
 * under it have theirs) to the comment's page, where its forms are.
 */
export async function openComment(comment: Locator, link: "Reply" | "Report") {
  const page = comment.page();
  await comment.getByRole("link", { name: link, exact: true }).first().click();
  await expect(page).toHaveURL(/\/comments\/\d+#(reply|report)$/);
  await expect(page.getByRole("heading", { level: 1, name: /^Comment by / })).toBeVisible();
}

/** One section of a comment's page, by its heading: "Reply", "Report this comment", … */
export const commentSection = (page: Page, title: string) =>
  page.getByRole("region", { name: title, exact: true });

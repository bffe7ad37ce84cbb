import type { Browser, Page } from "@playwright/test";
import { commentsLanding, demoPage, expect, randomIp, signUp, test, uniqueEmail } from "./fixtures";

const PASSWORD = "a long passphrase for tests";

/** Another person: a new browser context with its own address, signed up. */
async function person(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  const page = await context.newPage();
  await signUp(page, name, uniqueEmail(name.split(" ")[0]!.toLowerCase()), PASSWORD);
  return page;
}

const comment = (page: Page, text: string) =>
  page
    .getByRole("article", { name: /^Comment by / })
    .filter({ hasText: text })
    .first();

/**
 * Follows a comment's link ("Reply", "Report") from its page to the comment's
 * own page: the innermost comment with the text, its own link (replies under
 * it have theirs).
 */
async function openComment(page: Page, text: string, link: "Reply" | "Report") {
  await page
    .getByRole("article", { name: /^Comment by / })
    .filter({ hasText: text })
    .last()
    .getByRole("link", { name: link, exact: true })
    .first()
    .click();
  await expect(page).toHaveURL(/\/comments\/\d+#(reply|report)$/);
  await expect(page.getByRole("heading", { level: 1, name: /^Comment by / })).toBeVisible();
}

/** One section of a comment's own page ("Reply", "Report this comment", …). */
const section = (page: Page, title: string) =>
  page.getByRole("region", { name: title, exact: true });

/** Writes a new comment on a page, from its "Write a comment" link; returns the comment's id. */
async function writeComment(page: Page, path: string, text: string) {
  await page.goto(`${path}#comments`);
  await page.getByRole("link", { name: "Write a comment" }).click();
  await expect(page).toHaveURL(/\/comments\/new\?on=/);
  await page.getByRole("textbox", { name: "Comment", exact: true }).fill(text);
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page).toHaveURL(commentsLanding(path));
  await expect(comment(page, text)).toBeVisible();
  return new URL(page.url()).hash.replace("#comment-", "");
}

test("two residents talk in a thread: post, reply, edit within the window, delete", async ({
  browser,
}) => {
  const city = "/cities/oakland-ca";
  const first = `Oakland's council should publish its detainer data ${Date.now()}`;
  const reply = `Agreed, and the sheriff's too ${Date.now()}`;
  const ana = await person(browser, "Ana Author");
  const ben = await person(browser, "Ben Replier");

  // "Write a comment" opens its form; posting goes back to the comment on the city page.
  await ana.goto(`${city}#comments`);
  await ana.getByRole("link", { name: "Write a comment" }).click();
  await expect(ana).toHaveURL(/\/comments\/new\?on=city%3Aoakland-ca$/);
  const box = ana.getByRole("textbox", { name: "Comment", exact: true });
  await box.fill(first);
  await expect(ana.getByText(`${[...first].length} / 5000 characters`)).toBeVisible();
  await ana.getByRole("button", { name: "Post comment" }).click();
  await expect(ana).toHaveURL(commentsLanding(city));
  await expect(comment(ana, first)).toBeVisible();
  await expect(ana.getByRole("heading", { name: "Comments (1)" })).toBeVisible();

  await ben.goto(`${city}#comments`);
  await openComment(ben, first, "Reply");
  await section(ben, "Reply").getByRole("textbox", { name: "Comment", exact: true }).fill(reply);
  await ben.getByRole("button", { name: "Post reply" }).click();
  await expect(ben).toHaveURL(commentsLanding(city));
  const benReply = comment(ben, reply);
  await expect(benReply).toBeVisible();

  // Ana sees the reply under her comment, and a notification of it.
  await ana.reload();
  await expect(comment(ana, first).getByRole("article").filter({ hasText: reply })).toBeVisible();
  await ana.goto("/notifications");
  await expect(ana.getByRole("list", { name: "Notifications" })).toContainText(
    "Ben Replier replied to your comment",
  );

  // Ana edits hers within the window, on its own page: it says "edited".
  await ana.goto(`${city}#comments`);
  const mineId = await comment(ana, first).getAttribute("id");
  expect(mineId).toMatch(/^comment-\d+$/);
  await ana.locator(`#${mineId}`).getByRole("link", { name: "Reply", exact: true }).first().click();
  await expect(ana).toHaveURL(new RegExp(`/comments/${mineId!.replace("comment-", "")}#reply$`));
  const edit = section(ana, "Edit your comment");
  const editor = edit.getByRole("textbox", { name: "Comment", exact: true });
  await expect(editor).toHaveValue(first);
  await editor.fill(`${first} (with sources)`);
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit.getByText("Your comment was saved.")).toBeVisible();
  await ana.goto(`${city}#comments`);
  await expect(ana.getByText(`${first} (with sources)`)).toBeVisible();
  await expect(ana.locator(`#${mineId}`).getByText("· edited").first()).toBeVisible();

  // Ben deletes his reply: it is gone for both.
  await ben.reload();
  await openComment(ben, reply, "Reply");
  await section(ben, "Delete your comment").getByRole("button", { name: "Delete comment" }).click();
  await expect(ben).toHaveURL(commentsLanding(city, "comments"));
  await expect(ben.getByRole("heading", { name: /^Comments \(/ })).toBeVisible();
  await expect(ben.getByText(reply)).toHaveCount(0);
  await ana.reload();
  await expect(ana.getByText(`${first} (with sources)`)).toBeVisible();
  await expect(ana.getByText(reply)).toHaveCount(0);
});

test("three reports from new accounts queue a comment without hiding it; a moderator keeps it with a reason", async ({
  browser,
}) => {
  // Five people and a moderator, each on the city page and a comment's page, on a 2-core machine.
  test.setTimeout(120_000);
  const city = "/cities/new-orleans-la";
  const text = `A comment some people dislike ${Date.now()}`;
  const author = await person(browser, "Cleo Commenter");
  const id = await writeComment(author, city, text);

  for (const name of ["Rae Reporter", "Sol Reporter", "Tia Reporter"]) {
    const reporter = await person(browser, name);
    await reporter.goto(`${city}#comments`);
    await openComment(reporter, text, "Report");
    const report = section(reporter, "Report this comment");
    await report.getByLabel("Reason").selectOption("abusive");
    await report.getByRole("button", { name: "Report" }).click();
    await expect(
      reporter.getByText("Thank you: moderators will look at this comment."),
    ).toBeVisible();
    await reporter.context().close();
  }

  // Accounts minutes old cannot hide a comment: everyone still sees it.
  const visitor = await browser.newPage();
  await visitor.goto(`${city}#comments`);
  await expect(visitor.getByRole("heading", { name: /^Comments \(/ })).toBeVisible();
  await expect(comment(visitor, text)).toBeVisible();

  // But it waits in "Reported comments", still visible, and a moderator keeps it.
  const mod = await demoPage(browser, "moderator");
  await mod.goto("/moderation");
  await mod.getByRole("link", { name: /^Reported comments \(\d+\)$/ }).click();
  const item = mod.getByRole("listitem").filter({ hasText: text });
  await expect(item).toContainText("Still visible · Reports: Abusive 3");
  await item.getByLabel("Reason").fill("Sharp, but within the rules.");
  await item.getByRole("button", { name: "Keep comment" }).click();
  await expect(mod.getByRole("listitem").filter({ hasText: text })).toHaveCount(0);

  await visitor.reload();
  await expect(comment(visitor, text)).toBeVisible();
  await mod.goto("/moderation/log");
  await expect(mod.getByText("Sharp, but within the rules.")).toBeVisible();

  // A moderator can also hide a comment from its page; its author sees why.
  await mod.goto(`${city}#comments`);
  await openComment(mod, text, "Report");
  const hide = section(mod, "Hide this comment");
  await hide.getByLabel("Reason", { exact: true }).fill("Names a private person.");
  await hide.getByRole("button", { name: "Hide comment" }).click();
  await expect(mod.getByText("This comment was hidden by moderators.")).toBeVisible();
  await mod.goto(`${city}#comments`);
  await expect(mod.getByRole("heading", { name: /^Comments \(/ })).toBeVisible();
  await expect(mod.getByText(text)).toHaveCount(0);
  await visitor.reload();
  await expect(visitor.getByRole("heading", { name: /^Comments \(/ })).toBeVisible();
  await expect(visitor.getByText(text)).toHaveCount(0);
  await author.goto(`/comments/${id}`);
  await expect(
    author.getByText("Only you can see this: moderators hid it. Reason: Names a private person."),
  ).toBeVisible();
});

test("a page's comments are in its HTML; their forms are on the comment pages", async ({
  page,
  browser,
}) => {
  const text = `In the HTML for search engines ${Date.now()}`;
  const ana = await person(browser, "Hana Html");
  await writeComment(ana, "/cities/denver-co", text);

  // The server's HTML has the comment, its count, and links that work without scripts.
  // (The page is cached: a request that joins a render begun before the post gets the
  // page without it, once; README › Caching.)
  let html = "";
  await expect
    .poll(async () => (html = await (await page.request.get("/cities/denver-co")).text()), {
      timeout: 15_000,
    })
    .toContain(text);
  expect(html).toMatch(/Comments(<!-- -->)? \(\d+\)/);
  expect(html).not.toContain("Loading comments");

  await page.goto("/cities/denver-co");
  await expect(page.getByRole("heading", { name: /^Comments \(\d+\)$/ })).toBeAttached();
  await expect(comment(page, text).getByRole("link", { name: "Reply" })).toBeAttached();
  // Scrolled to, the section stays the server's: links to the comment pages, no loading.
  await page.getByRole("heading", { name: /^Comments/ }).scrollIntoViewIfNeeded();
  await expect(page.getByRole("link", { name: "Write a comment" })).toHaveAttribute(
    "href",
    "/comments/new?on=city%3Adenver-co",
  );
  await expect(page.getByText("Loading comments")).toHaveCount(0);
  // Signed out, a comment's page asks to sign in to reply or report.
  await comment(page, text).getByRole("link", { name: "Reply" }).click();
  await expect(page.getByText("to reply to this comment or report it.")).toBeVisible();
  await page.goBack();

  // A permalink to one comment brings the section, and that comment, into view.
  const id = await comment(page, text).getAttribute("id");
  await page.goto(`/cities/denver-co#${id}`);
  await expect(comment(page, text)).toBeInViewport();
});

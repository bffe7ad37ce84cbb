import type { Browser, Page } from "@playwright/test";
import { demoPage, expect, randomIp, signUp, test, uniqueEmail } from "./fixtures";

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

test("two residents talk in a thread: post, reply, edit within the window, delete", async ({
  browser,
}) => {
  const city = "/cities/oakland-ca";
  const first = `Oakland's council should publish its detainer data ${Date.now()}`;
  const reply = `Agreed, and the sheriff's too ${Date.now()}`;
  const ana = await person(browser, "Ana Author");
  const ben = await person(browser, "Ben Replier");

  await ana.goto(`${city}#comments`);
  const box = ana.getByRole("textbox", { name: "Comment", exact: true });
  await box.fill(first);
  await expect(ana.getByText(`${[...first].length} / 5000 characters`)).toBeVisible();
  await ana.getByRole("button", { name: "Post comment" }).click();
  await expect(comment(ana, first)).toBeVisible();
  await expect(box).toHaveValue("");
  await expect(ana.getByRole("heading", { name: "Comments (1)" })).toBeVisible();

  await ben.goto(`${city}#comments`);
  await comment(ben, first).getByRole("button", { name: "Reply" }).click();
  await ben.getByRole("textbox", { name: "Comment", exact: true }).last().fill(reply);
  await ben.getByRole("button", { name: "Post reply" }).click();
  const benReply = comment(ben, reply);
  await expect(benReply).toBeVisible();

  // Ana sees the reply under her comment, and a notification of it.
  await ana.reload();
  await expect(comment(ana, first).getByRole("article").filter({ hasText: reply })).toBeVisible();
  await ana.goto("/notifications");
  await expect(ana.getByRole("list", { name: "Notifications" })).toContainText(
    "Ben Replier replied to your comment",
  );

  // Ana edits hers within the window: it says "edited".
  await ana.goto(`${city}#comments`);
  const mineId = await comment(ana, first).getAttribute("id");
  expect(mineId).toMatch(/^comment-\d+$/);
  const mine = ana.locator(`#${mineId}`);
  await mine.getByRole("button", { name: "Edit" }).first().click();
  const editor = mine.getByRole("textbox", { name: "Comment", exact: true });
  await expect(editor).toHaveValue(first);
  await editor.fill(`${first} (with sources)`);
  await mine.getByRole("button", { name: "Save" }).click();
  await expect(ana.getByText(`${first} (with sources)`)).toBeVisible();
  await expect(ana.getByText("· edited")).toBeVisible();

  // Ben deletes his reply: it is gone for both.
  await ben.reload();
  await comment(ben, reply).getByRole("button", { name: "Delete" }).click();
  await ben.getByRole("button", { name: "Yes, delete it" }).click();
  await expect(ben.getByText(reply)).toHaveCount(0);
  await ana.reload();
  await expect(ana.getByText(`${first} (with sources)`)).toBeVisible();
  await expect(ana.getByText(reply)).toHaveCount(0);
});

test("three reports hide a comment; a moderator restores it with a reason", async ({ browser }) => {
  const city = "/cities/new-orleans-la";
  const text = `A comment some people dislike ${Date.now()}`;
  const author = await person(browser, "Cleo Commenter");
  await author.goto(`${city}#comments`);
  await author.getByRole("textbox", { name: "Comment", exact: true }).fill(text);
  await author.getByRole("button", { name: "Post comment" }).click();
  await expect(comment(author, text)).toBeVisible();

  for (const name of ["Rae Reporter", "Sol Reporter", "Tia Reporter"]) {
    const reporter = await person(browser, name);
    await reporter.goto(`${city}#comments`);
    await comment(reporter, text).getByRole("button", { name: "Report" }).click();
    await reporter.getByLabel("Reason").selectOption("abusive");
    await reporter.getByRole("button", { name: "Report" }).click();
    await expect(
      reporter.getByText("Thank you: moderators will look at this comment."),
    ).toBeVisible();
    await reporter.context().close();
  }

  // Hidden from everyone but its author.
  const visitor = await browser.newPage();
  await visitor.goto(`${city}#comments`);
  await expect(visitor.getByRole("heading", { name: /^Comments \(/ })).toBeVisible();
  await expect(visitor.getByText(text)).toHaveCount(0);
  await author.reload();
  await expect(author.getByText("Only you can see this: moderators hid it")).toBeVisible();

  // A moderator reviews it in "Reported comments" and restores it.
  const mod = await demoPage(browser, "moderator");
  await mod.goto("/moderation");
  await mod.getByRole("link", { name: /^Reported comments \(\d+\)$/ }).click();
  const item = mod.getByRole("listitem").filter({ hasText: text });
  await expect(item).toContainText("Abusive 3");
  await item.getByLabel("Reason").fill("Sharp, but within the rules.");
  await item.getByRole("button", { name: "Restore comment" }).click();
  await expect(mod.getByRole("listitem").filter({ hasText: text })).toHaveCount(0);

  await visitor.reload();
  await expect(visitor.getByText(text)).toBeVisible();
  await mod.goto("/moderation/log");
  await expect(mod.getByText("Sharp, but within the rules.")).toBeVisible();

  // A moderator can also hide a comment where it stands; its author sees why.
  await mod.goto(`${city}#comments`);
  await comment(mod, text).getByRole("button", { name: "Hide", exact: true }).click();
  await mod.getByLabel("Reason", { exact: true }).fill("Names a private person.");
  await mod.getByRole("button", { name: "Hide comment" }).click();
  await expect(mod.getByText(text)).toHaveCount(0);
  await visitor.reload();
  await expect(visitor.getByRole("heading", { name: /^Comments \(/ })).toBeVisible();
  await expect(visitor.getByText(text)).toHaveCount(0);
  await author.reload();
  await expect(
    author.getByText("Only you can see this: moderators hid it. Reason: Names a private person."),
  ).toBeVisible();
});

test("a page's comments are in its HTML; their forms load when the reader scrolls to them", async ({
  page,
  browser,
}) => {
  const text = `In the HTML for search engines ${Date.now()}`;
  const ana = await person(browser, "Hana Html");
  await ana.goto("/cities/denver-co#comments");
  await ana.getByRole("textbox", { name: "Comment", exact: true }).fill(text);
  await ana.getByRole("button", { name: "Post comment" }).click();
  await expect(comment(ana, text)).toBeVisible();

  // The server's HTML has the comment, its count, and links that work without scripts.
  const html = await (await page.request.get("/cities/denver-co")).text();
  expect(html).toContain(text);
  expect(html).toMatch(/Comments(<!-- -->)? \(\d+\)/);
  expect(html).not.toContain("Loading comments");

  await page.goto("/cities/denver-co");
  await expect(page.getByRole("heading", { name: /^Comments \(\d+\)$/ })).toBeAttached();
  await expect(comment(page, text).getByRole("link", { name: "Reply" })).toBeAttached();
  // Far below the fold, the forms' code has not come: the links are still the server's.
  await expect(page.getByRole("link", { name: "Write a comment" })).toBeAttached();
  await page.getByRole("heading", { name: /^Comments/ }).scrollIntoViewIfNeeded();
  // Near it, the interactive section takes over: signed out, it asks to sign in.
  await expect(page.getByText("to comment.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Write a comment" })).toHaveCount(0);

  // A permalink to one comment brings the section, and that comment, into view.
  const id = await comment(page, text).getAttribute("id");
  await page.goto(`/cities/denver-co#${id}`);
  await expect(comment(page, text)).toBeInViewport();
});

import type { Page } from "@playwright/test";
import {
  adminPage,
  demoPage,
  commentsLanding,
  expect,
  findUserCard,
  randomIp,
  signUp,
  test,
  uniqueEmail,
} from "./fixtures";

/**
 * Script-injection attempts, one per line: raw HTML, event handlers,
 * javascript:/vbscript:/data: links and images in Markdown, autolinks, SVG
 * and MathML tricks. Each would set window.__xss or open a dialog if it ran.
 */
const CORPUS = [
  "<script>window.__xss=1</script>",
  '<img src=x onerror="window.__xss=1">',
  "<svg onload=window.__xss=1>",
  '<iframe src="javascript:window.__xss=1"></iframe>',
  "<details open ontoggle=window.__xss=1>x</details>",
  '<a href="javascript:window.__xss=1">raw link</a>',
  "[md link](javascript:window.__xss=1)",
  "[mixed case](JaVaScRiPt:alert(1))",
  "[spaced]( javascript:alert(1) )",
  "[entity](&#106;avascript:alert(1))",
  "[vb](vbscript:msgbox(1))",
  "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "![img](javascript:alert(1))",
  "<javascript:alert(1)>",
  '"><script>alert(1)</script>',
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "`<script>alert(1)</script>` in code",
];
const BODY = CORPUS.join("\n\n");

const REACT_FORM_GUARD = "javascript:throw new Error('A React form was unexpectedly submitted.";

/** Nothing from the corpus ran or survived as live markup in the page's main content. */
async function expectInert(page: Page, dialogs: string[]) {
  await page.waitForLoadState("networkidle");
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  const live = await page.evaluate((guard) => {
    const main = document.querySelector("main")!;
    const all = [...main.querySelectorAll("*")];
    return {
      scripts: main.querySelectorAll("script, iframe, object, embed, svg[onload]").length,
      handlers: all.flatMap((el) =>
        [...el.attributes].filter((a) => a.name.startsWith("on")).map((a) => a.name),
      ),
      badUrls: all.flatMap((el) =>
        ["href", "src", "action", "formaction"]
          .map((name) => el.getAttribute(name) ?? "")
          .filter((v) => /^\s*(javascript|vbscript|data):/i.test(v))
          // React's own guard on a form whose action is a function, drawn in the browser
          .filter((v) => !v.startsWith(guard)),
      ),
    };
  }, REACT_FORM_GUARD);
  expect(live).toEqual({ scripts: 0, handlers: [], badUrls: [] });
}

/** Writes a comment from a page's "Write a comment" link; back on the page, returns its id. */
async function postComment(page: Page, path: string, text: string): Promise<string> {
  await page.goto(`${path}#comments`);
  await page.getByRole("link", { name: "Write a comment" }).click();
  await page.getByRole("textbox", { name: "Comment", exact: true }).fill(text);
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page).toHaveURL(commentsLanding(path));
  return /#comment-(\d+)$/.exec(page.url())![1]!;
}

function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

test("script in comments, names, updates and reasons renders inert", async ({ browser, page }) => {
  test.setTimeout(120_000); // three people and a dozen pages on a 2-core machine
  const dialogs = watchDialogs(page);
  const city = "/cities/san-jose-ca";
  const name = '<img src=x onerror="window.__xss=1">';
  await signUp(page, name, uniqueEmail("xss"), "a long passphrase for tests");

  // A comment carrying the whole corpus: shown to its author and to everyone, in the
  // city page's HTML (rendered on the server) and on the comment's own page.
  const id = await postComment(page, city, BODY);
  await expect(page.getByText("raw link").first()).toBeVisible();
  await expectInert(page, dialogs);
  await page.reload();
  await expect(page.getByText("md link", { exact: true })).toBeVisible();
  await expectInert(page, dialogs);
  await page.goto(`/comments/${id}`);
  await expect(page.getByText("md link", { exact: true })).toBeVisible();
  await expectInert(page, dialogs);

  // An update whose title and summary are the corpus, read by a moderator, then in public.
  await page.goto(`${city}/updates/new`);
  await page.getByLabel("Title").fill(`${CORPUS[0]} ${CORPUS[1]}`);
  await page.getByLabel("Summary").fill(BODY);
  await page.getByLabel("Source URL").fill("https://example.gov/x");
  await page.getByLabel("Date it took effect").fill("2017-05-01");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Thank you: your update was sent for review.")).toBeVisible();

  const mod = await demoPage(browser, "moderator");
  const modDialogs = watchDialogs(mod);
  await mod.goto("/moderation?city=san-jose-ca");
  await mod.getByRole("link", { name: `${CORPUS[0]} ${CORPUS[1]}` }).click();
  await expectInert(mod, modDialogs);
  await mod.getByRole("button", { name: "Approve" }).click();
  await expect(mod.getByText(/^Approved by/)).toBeVisible();
  const updatePath = `/updates/${/\/moderation\/updates\/(\d+)/.exec(mod.url())![1]}`;

  // Another person replies with the corpus: the author's notification quotes it.
  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  const replier = await other.newPage();
  const replierDialogs = watchDialogs(replier);
  await signUp(
    replier,
    "<script>alert(2)</script>",
    uniqueEmail("xss2"),
    "a long passphrase for tests",
  );
  await replier.goto(updatePath);
  await expectInert(replier, replierDialogs);
  await replier.goto(`${city}#comments`);
  await replier
    .locator(`#comment-${id}`)
    .getByRole("link", { name: "Reply", exact: true })
    .first()
    .click();
  await expect(replier).toHaveURL(new RegExp(`/comments/${id}#reply$`));
  await expectInert(replier, replierDialogs);
  await replier
    .getByRole("region", { name: "Reply", exact: true })
    .getByRole("textbox", { name: "Comment", exact: true })
    .fill(BODY);
  await replier.getByRole("button", { name: "Post reply" }).click();
  await expect(replier).toHaveURL(commentsLanding(city));
  await expect(replier.getByText("raw link")).toHaveCount(2);
  await expectInert(replier, replierDialogs);
  const replyId = /#comment-(\d+)$/.exec(replier.url())![1];

  for (const path of [
    updatePath,
    `${city}#comments`,
    `/comments/${id}`,
    `/comments/${replyId}`,
    "/notifications",
    "/me/submissions",
    "/me",
  ]) {
    await page.goto(path);
    await expectInert(page, dialogs);
  }
  await mod.goto("/moderation/log");
  await expectInert(mod, modDialogs);
});

test("script in profile edits and moderators' reasons renders inert", async ({ browser, page }) => {
  // Three people and a dozen pages on a 2-core machine. Since sign-in became a form
  // (issue 14), the moderator's page keeps two Link prefetches (the article, the city)
  // pending after a decision until the next navigation aborts them, so two of the
  // networkidle waits below last 25-30 s each; the server answers the same requests
  // in under 50 ms. Not yet explained: see the issue 14 note.
  test.setTimeout(180_000);
  const dialogs = watchDialogs(page);
  const city = "baltimore-md";
  await signUp(page, "<svg onload=alert(3)>", uniqueEmail("xss3"), "a long passphrase for tests");

  // A profile edit: a free-text value, its explanation and the note carry the corpus.
  await page.goto(`/cities/${city}/edit`);
  const federal = page.getByRole("group", { name: "Federal actions against it", exact: true });
  await federal.getByLabel("Value").fill(CORPUS.slice(0, 6).join(" "));
  await federal.getByLabel("Source URL").fill("https://example.gov/doj");
  await page.getByLabel("Note to the moderator (optional)").fill(BODY);
  await page.getByRole("button", { name: "Send edit for review" }).click();
  await expect(page.getByText("Thank you: your edit was sent for review.")).toBeVisible();

  const mod = await demoPage(browser, "moderator");
  const modDialogs = watchDialogs(mod);
  await mod.goto(`/moderation?city=${city}&kind=profile_edit`);
  await mod.getByRole("list", { name: "Pending submissions" }).getByRole("link").last().click();
  await expect(mod.getByRole("table", { name: "Proposed changes" })).toBeVisible();
  await expectInert(mod, modDialogs);
  await mod.getByRole("button", { name: "Approve" }).click();
  await expect(mod.getByText(/^Approved by/)).toBeVisible();

  // Reverted again, with a reason that is the corpus: the history shows it.
  await mod.goto(`/cities/${city}/history`);
  const previous = mod.getByRole("list", { name: "Revisions" }).getByRole("listitem").nth(1);
  const previousId = (await previous.getAttribute("aria-label"))!.replace("Revision ", "");
  await previous.getByRole("button", { name: `Revert to revision ${previousId}` }).click();
  await previous
    .getByLabel(`Reason for reverting to revision ${previousId}`)
    .fill(CORPUS.slice(0, 8).join(" "));
  await previous.getByRole("button", { name: "Revert", exact: true }).click();
  await expect(
    mod.getByRole("list", { name: "Revisions" }).getByRole("listitem").first(),
  ).toContainText(`Revert to revision ${previousId}`);
  await expectInert(mod, modDialogs);

  // An update rejected with a reason that is the corpus: its author reads the reason.
  const title = `An update to reject ${Date.now()}`;
  await page.goto(`/cities/${city}/updates/new`);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Summary").fill("A summary long enough to be accepted by the form.");
  await page.getByLabel("Source URL").fill("https://example.gov/y");
  await page.getByLabel("Date it took effect").fill("2017-05-01");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Thank you: your update was sent for review.")).toBeVisible();
  await mod.goto(`/moderation?city=${city}`);
  await mod.getByRole("link", { name: title }).click();
  await mod.getByLabel("Reason", { exact: true }).fill(CORPUS.slice(0, 8).join(" "));
  await mod.getByRole("button", { name: "Reject" }).click();
  await expect(mod.getByText(/^Rejected by/)).toBeVisible();
  await expectInert(mod, modDialogs);

  // A published update hidden with a hostile reason; then a hostile new name.
  const second = `An update to hide ${Date.now()}`;
  await page.goto(`/cities/${city}/updates/new`);
  await page.getByLabel("Title").fill(second);
  await page.getByLabel("Summary").fill("Another summary long enough to be accepted by the form.");
  await page.getByLabel("Source URL").fill("https://example.gov/z");
  await page.getByLabel("Date it took effect").fill("2017-05-01");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Thank you: your update was sent for review.")).toBeVisible();
  await mod.goto(`/moderation?city=${city}`);
  await mod.getByRole("link", { name: second }).click();
  await mod.getByRole("button", { name: "Approve" }).click();
  await expect(mod.getByText(/^Approved by/)).toBeVisible();
  await mod.getByLabel("Reason", { exact: true }).fill(CORPUS.slice(6, 14).join(" "));
  await mod.getByRole("button", { name: "Hide update" }).click();
  await expect(mod.getByText("The update is hidden from the public.")).toBeVisible();
  await expectInert(mod, modDialogs);
  await page.goto("/account");
  await page
    .getByRole("textbox", { name: "Name", exact: true })
    .fill("<img src=x onerror=alert(4)>");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Your name was saved.")).toBeVisible();

  for (const path of [
    "/account",
    `/cities/${city}`,
    `/cities/${city}/history`,
    "/me/submissions",
    "/notifications",
    "/me",
  ]) {
    await page.goto(path);
    await expectInert(page, dialogs);
  }
  await mod.goto("/moderation/log");
  await expectInert(mod, modDialogs);
});

test("script in a comment's hiding reason and a ban reason renders inert", async ({
  browser,
  page,
}) => {
  test.setTimeout(120_000); // three people, the comment's page and the admin's on a 2-core machine
  const dialogs = watchDialogs(page);
  const email = uniqueEmail("xss4");
  const text = `A comment to be hidden ${Date.now()}`;
  await signUp(page, "Hana Hidden", email, "a long passphrase for tests");
  const id = await postComment(page, "/cities/denver-co", text);
  await expect(page.getByText(text)).toBeVisible();

  // A moderator hides it from its page, with a reason that is the corpus.
  const mod = await demoPage(browser, "moderator");
  const modDialogs = watchDialogs(mod);
  await mod.goto("/cities/denver-co#comments");
  await mod
    .getByRole("article", { name: /^Comment by / })
    .filter({ hasText: text })
    .getByRole("link", { name: "Report", exact: true })
    .click();
  await expect(mod).toHaveURL(new RegExp(`/comments/${id}#report$`));
  const hide = mod.getByRole("region", { name: "Hide this comment", exact: true });
  await hide.getByLabel("Reason", { exact: true }).fill(CORPUS.slice(0, 6).join(" "));
  await hide.getByRole("button", { name: "Hide comment" }).click();
  await expect(mod.getByText("This comment was hidden by moderators.")).toBeVisible();
  await expect(mod.getByText(text)).toHaveCount(0);
  await expectInert(mod, modDialogs);
  // Its author reads the reason on the comment's page.
  await page.goto(`/comments/${id}`);
  await expect(page.getByText(/Only you can see this: moderators hid it\. Reason:/)).toBeVisible();
  await expectInert(page, dialogs);
  // The author starts another comment.
  await page.goto("/cities/denver-co#comments");
  await page.getByRole("link", { name: "Write a comment" }).click();
  await expect(page.getByRole("button", { name: "Post comment" })).toBeVisible();

  // An admin bans the author with a reason that is the corpus; the author's next write shows it.
  const admin = await adminPage(browser);
  const adminDialogs = watchDialogs(admin);
  const card = await findUserCard(admin, email);
  await card.getByLabel("Reason to ban Hana Hidden").fill(CORPUS.slice(6, 12).join(" "));
  await card.getByRole("button", { name: "Ban" }).click();
  await expect(card.locator("span").filter({ hasText: /^Banned$/ })).toBeVisible();
  await expectInert(admin, adminDialogs);
  await page.getByRole("textbox", { name: "Comment", exact: true }).fill("Still here?");
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByText(/banned|session has ended/).first()).toBeVisible();
  await expectInert(page, dialogs);
  await expectInert(mod, modDialogs);
});

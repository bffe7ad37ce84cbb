// Moderation and user admin work with JavaScript off (issue 14): claiming,
// rejecting, approving, hiding, a role change and a ban are real forms, each a
// POST that answers the same page in its new state, or with the refusal beside
// the field or in the form's alert.
// (Comments are loaded by the browser, so reporting one without JavaScript
// cannot be shown yet.)
import type { Browser, Page, Request } from "@playwright/test";
import { demoPage, expect, newAccount, recordRequests, test } from "./fixtures";

test.use({ javaScriptEnabled: false });

const PASSWORD = "a long enough passphrase 14";
const CITY = "denver-co";

/** A fresh volunteer signs in through the form and sends an update; returns its title. */
async function submitWithoutScripts(page: Page, browser: Browser, name: string) {
  const email = await newAccount(browser, name, PASSWORD);
  await page.goto(`/login?callbackUrl=%2Fcities%2F${CITY}%2Fupdates%2Fnew`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === `/cities/${CITY}/updates/new`);
  const title = `Moderated without scripts ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Summary").fill("A detainer policy change, reviewed with JavaScript off.");
  await page.getByLabel("Source URL").fill("https://www.denvergov.org/");
  await page.getByLabel("Date it took effect").fill("2026-10-01");
  await page.getByLabel("Kind").selectOption({ label: "Ordinance" });
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Thank you: your update was sent for review.")).toBeVisible();
  return title;
}

/** The demo moderator without JavaScript, on the update's review page. */
async function reviewWithoutScripts(browser: Browser, title: string) {
  const mod = await demoPage(browser, "moderator", { javaScriptEnabled: false });
  const requests = recordRequests(mod);
  await mod.goto(`/moderation?city=${CITY}`);
  await mod.getByRole("link", { name: title }).click();
  await expect(mod.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return { mod, requests, reviewPath: new URL(mod.url()).pathname };
}

/** Every request that changed something was a POST to the review page; none put a field in a URL. */
function expectStateChangesPosted(requests: Request[], reviewPath: string, count: number) {
  const posts = requests.filter((r) => r.method() !== "GET");
  expect(posts.map((r) => `${r.method()} ${new URL(r.url()).pathname}`)).toEqual(
    Array(count).fill(`POST ${reviewPath}`),
  );
  for (const r of requests.filter((r) => r.method() === "GET")) {
    expect(new URL(r.url()).search).not.toMatch(/decision|reason|version/);
  }
}

test("without JavaScript, a moderator claims an update, is told a reject needs a reason, and approves it", async ({
  page,
  browser,
}) => {
  const title = await submitWithoutScripts(page, browser, "Vic No-Script");
  const { mod, requests, reviewPath } = await reviewWithoutScripts(browser, title);
  const decision = mod.getByRole("region", { name: "Decision" });

  await decision.getByRole("button", { name: "Claim for review" }).click();
  await expect(decision.getByText(/You are reviewing this item until/)).toBeVisible();
  await expect(decision.getByRole("button", { name: "Claim for review" })).toHaveCount(0);

  // No reason at all: the error is next to Reason, and nothing is decided.
  await decision.getByRole("button", { name: "Reject" }).click();
  const reason = decision.getByLabel("Reason", { exact: true });
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(decision.locator("#reason-error")).toHaveText(
    "Give the author a reason (at least 3 characters).",
  );
  // Refused words keep the common reason chosen with them.
  await decision.getByLabel("Common reason").selectOption("No reliable source");
  await reason.fill("x".repeat(1001));
  await decision.getByRole("button", { name: "Reject" }).click();
  await expect(decision.locator("#reason-error")).toHaveText("Use at most 1000 characters.");
  await expect(decision.getByLabel("Common reason")).toHaveValue("No reliable source");
  await expect(reason).toHaveValue("x".repeat(1001));

  await decision.getByRole("button", { name: "Approve" }).click();
  await expect(mod.getByText("Approved by Maya Moderator.")).toBeVisible();
  expectStateChangesPosted(requests, reviewPath, 4);

  await page.goto(`/cities/${CITY}`);
  const timeline = page.getByRole("list", { name: "Approved policy updates" });
  await expect(timeline.getByRole("link", { name: title, exact: true })).toBeVisible();
  await mod.context().close();
});

test("without JavaScript, a moderator hides a published update with a reason", async ({
  page,
  browser,
}) => {
  const title = await submitWithoutScripts(page, browser, "Hana No-Script");
  const { mod, requests, reviewPath } = await reviewWithoutScripts(browser, title);
  await mod.getByRole("button", { name: "Approve" }).click();
  await expect(mod.getByText("Approved by Maya Moderator.")).toBeVisible();

  const visibility = mod.getByRole("region", { name: "Visibility" });
  await visibility.getByRole("button", { name: "Hide update" }).click();
  await expect(visibility.locator("#visibility-reason-error")).toHaveText(
    "Give a reason (at least 3 characters): the author will see it.",
  );
  await visibility.getByLabel("Reason").fill("The ordinance was withdrawn before the vote");
  await visibility.getByRole("button", { name: "Hide update" }).click();
  await expect(visibility.getByRole("status")).toHaveText("The update is hidden from the public.");
  await expect(
    visibility.getByText(
      "Hidden from the public. Reason: The ordinance was withdrawn before the vote",
    ),
  ).toBeVisible();
  await expect(visibility.getByRole("button", { name: "Restore update" })).toBeVisible();
  expectStateChangesPosted(requests, reviewPath, 3);

  await page.goto(`/cities/${CITY}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: title, exact: true })).toHaveCount(0);
  await mod.context().close();
});

test("without JavaScript, an admin changes a person's role and bans them with a reason", async ({
  browser,
}) => {
  const name = `Rory No-Script ${Date.now()}`;
  const email = await newAccount(browser, name, PASSWORD);
  const admin = await demoPage(browser, "admin", { javaScriptEnabled: false });
  const requests = recordRequests(admin);
  await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  const card = admin.getByRole("listitem", { name: email });

  await card.getByLabel(`Role of ${name}`).selectOption({ label: "Moderator" });
  await card.getByRole("button", { name: "Save role" }).click();
  await expect(card.locator("span").filter({ hasText: /^Moderator$/ })).toBeVisible();
  await expect(card.getByLabel(`Role of ${name}`)).toHaveValue("moderator");

  await card.getByRole("button", { name: "Ban", exact: true }).click();
  await expect(card.getByRole("alert")).toHaveText("Give a reason of at least 3 characters.");
  await card.getByLabel(`Reason to ban ${name}`).fill("Spam links, sent without scripts");
  await card.getByRole("button", { name: "Ban", exact: true }).click();
  await expect(card.locator("span").filter({ hasText: /^Banned$/ })).toBeVisible();
  await expect(card).toContainText("Ban reason: Spam links, sent without scripts");
  await expect(card.getByRole("button", { name: "Unban", exact: true })).toBeVisible();

  const posts = requests.filter((r) => r.method() !== "GET");
  expect(posts.map((r) => `${r.method()} ${new URL(r.url()).pathname}`)).toEqual(
    Array(3).fill("POST /admin/users"),
  );
  await admin.context().close();
});

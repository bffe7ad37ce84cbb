import type { Page } from "@playwright/test";
import { adminPage, expect, formAlert, signIn, test } from "../fixtures";
import { expectAccessible } from "./accessible";
import { newPerson, open, openInQueue, PASSWORD, reload, stamp, submitUpdate } from "./people";

/** On /admin/users, searches for one person by email from the search form; returns their card. */
async function searchUser(admin: Page, email: string) {
  await open(admin, "/admin/users");
  // the form's own button: the header has a site-wide "Search" too
  const form = admin.getByRole("search", { name: "Search users" });
  await form.getByLabel("Search by name or email").fill(email);
  await form.getByRole("button", { name: "Search", exact: true }).click();
  await expect(admin).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(email)}`));
  const card = admin.getByRole("list", { name: "Users" }).getByRole("listitem", { name: email });
  await expect(card).toBeVisible();
  await expect(admin.getByRole("list", { name: "Users" }).getByRole("listitem")).toHaveCount(1);
  return card;
}

// An admin manages who may do what: roles and bans, all audited.
test.describe("admin journey", () => {
  // A whole path (20 to 40 steps, two or three people signing up and in) took 37 to 59 s on
  // Postgres with two workers on two cores (2026-12-07): too close to the minute, so two.
  test.describe.configure({ timeout: 120_000 });
  test("finds a user and promotes them to moderator: their next request sees moderation", async ({
    browser,
  }) => {
    const name = `Pia Promoted ${stamp()}`;
    const { page: person, email } = await newPerson(browser, name);
    const personHeader = person.getByRole("banner");
    await expect(personHeader.getByRole("link", { name: "Moderation" })).toHaveCount(0);
    expect((await person.goto("/moderation"))?.status()).toBe(403);
    await expect(
      person.getByRole("heading", { name: "You do not have access to this page" }),
    ).toBeVisible();

    const admin = await adminPage(browser);
    await open(admin, "/");
    await admin.getByRole("banner").getByRole("link", { name: "Users" }).click();
    await expect(admin.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    await expectAccessible(admin, "admin users");
    const card = await searchUser(admin, email);
    await expect(card).toContainText(name);
    await expect(card.locator("span").filter({ hasText: /^Resident$/ })).toBeVisible();
    const save = card.getByRole("button", { name: "Save role" });
    await expect(save).toBeDisabled(); // nothing changed yet
    await card.getByLabel(`Role of ${name}`).selectOption({ label: "Moderator" });
    await save.click();
    await expect(card.locator("span").filter({ hasText: /^Moderator$/ })).toBeVisible();
    await expect(admin.getByRole("region", { name: "Recent account actions" })).toContainText(name);

    // The promoted person's next page shows moderation, and the queue opens.
    await open(person, "/");
    await expect(
      personHeader.getByRole("link", { name: new RegExp(`^${name}\\s+Moderator$`) }),
    ).toBeVisible();
    await personHeader.getByRole("link", { name: "Moderation" }).click();
    await expect(person.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
    await expect(personHeader.getByRole("link", { name: "Users" })).toHaveCount(0);
    await person.context().close();
    await admin.context().close();
  });

  test("bans a user, whose next request is signed out and refused, unbans them, and reads the moderation log", async ({
    browser,
  }) => {
    const name = `Bo Banned ${stamp()}`;
    const spam = `Cheap watches, click here ${stamp()}`;
    const { page: person, email } = await newPerson(browser, name);
    await submitUpdate(person, "philadelphia-pa", spam);
    await open(person, "/account");
    await expect(person.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();

    const admin = await adminPage(browser);
    let card = await searchUser(admin, email);
    await card.getByRole("button", { name: "Ban", exact: true }).click();
    await expect(card.getByRole("alert")).toHaveText("Give a reason of at least 3 characters.");
    await card.getByLabel(`Reason to ban ${name}`).fill("Posted spam links in comments");
    await card.getByRole("button", { name: "Ban", exact: true }).click();
    await expect(card.locator("span").filter({ hasText: /^Banned$/ })).toBeVisible();
    await expect(card).toContainText("Ban reason: Posted spam links in comments");
    await expect(admin.getByRole("region", { name: "Recent account actions" })).toContainText(
      "Posted spam links in comments",
    );
    await expectAccessible(admin, "admin users (a banned user)");

    // Their next request: the session has ended, and signing in is refused.
    await reload(person);
    await expect(person).toHaveURL(/\/login\?callbackUrl=%2Faccount$/);
    await expect(person.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
    await person.getByLabel("Email").fill(email);
    await person.getByLabel("Password").fill(PASSWORD);
    await person.getByRole("button", { name: "Sign in" }).click();
    await expect(formAlert(person)).toHaveText(/This account is banned/);

    // Unbanned, they can sign in again.
    card = await searchUser(admin, email);
    await card.getByLabel(`Reason to unban ${name}`).fill("Appeal accepted");
    await card.getByRole("button", { name: "Unban", exact: true }).click();
    await expect(card.getByRole("button", { name: "Ban", exact: true })).toBeVisible();
    await expect(card.locator("span").filter({ hasText: /^Banned$/ })).toHaveCount(0);
    await expect(admin.getByRole("region", { name: "Recent account actions" })).toContainText(
      "Appeal accepted",
    );
    await signIn(person, email, PASSWORD);
    await expect(person.getByTestId("signed-in-name")).toHaveText(name);
    await person.context().close();

    // Admins moderate too: the spam left in the queue is rejected, and the log shows it.
    await admin.getByRole("banner").getByRole("link", { name: "Moderation" }).click();
    await expect(admin.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
    await openInQueue(admin, "philadelphia-pa", spam);
    await admin.getByLabel("Common reason").selectOption("Not about immigration policy");
    await admin.getByLabel("Reason", { exact: true }).fill("spam from a banned account");
    await admin.getByRole("button", { name: "Reject" }).click();
    await expect(admin.getByText("Rejected by Ada Admin.")).toBeVisible();
    await open(admin, "/moderation");
    await admin.getByRole("link", { name: "Moderation log" }).click();
    await expect(admin.getByRole("heading", { level: 1, name: "Moderation log" })).toBeVisible();
    await admin.getByLabel("Moderator", { exact: true }).selectOption({ label: "Ada Admin" });
    await admin.getByRole("button", { name: "Filter" }).click();
    await expect(admin).toHaveURL(/[?&]moderator=\d+/);
    const row = admin
      .getByRole("table", { name: "Moderation log" })
      .getByRole("row")
      .filter({ hasText: "spam from a banned account" });
    await expect(row.getByRole("cell").nth(1)).toHaveText("Ada Admin");
    await expect(row.getByRole("cell").nth(2)).toContainText("rejected an update");
    await expect(row.getByRole("cell").nth(3)).toHaveText("Philadelphia");
    await admin.context().close();
  });
});

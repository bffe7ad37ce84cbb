import { demoPage, expect, signUp, test, uniqueEmail } from "../fixtures";
import { expectAccessible } from "./accessible";
import {
  open,
  openInQueue,
  openUntilShown,
  PASSWORD,
  PLACES,
  placeFor,
  reload,
  stamp,
} from "./people";

// A volunteer sends in local news and profile changes, then follows them to a decision.
test.describe("volunteer journey", () => {
  // A whole path (20 to 40 steps, two or three people signing up and in) took 37 to 59 s on
  // Postgres with two workers on two cores (2026-12-07): too close to the minute, so two.
  test.describe.configure({ timeout: 120_000 });
  test("submits an update (fixing a field error), revises it, withdraws another, and sees it published", async ({
    page,
    browser,
  }, testInfo) => {
    const city = placeFor(testInfo, PLACES.losAngeles, PLACES.sanFrancisco);
    const s = stamp();
    const title = `Police directive on detainers ${s}`;
    const revised = `Police directive 17-04 on detainers ${s}`;
    const dropped = `Rumoured task force ${s}`;
    const summary = "The police chief told officers not to hold people on ICE detainers alone.";
    await signUp(page, "Vic Volunteer", uniqueEmail("volunteer"), PASSWORD);

    // From the city page to the form.
    await open(page, `/cities/${city.slug}`);
    await page.getByRole("link", { name: "Submit an update" }).click();
    await expect(
      page.getByRole("heading", { level: 1, name: `Submit a policy update for ${city.name}` }),
    ).toBeVisible();
    await expectAccessible(page, "submit an update");

    // A source that is not a web address is refused next to its field; nothing typed is lost.
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Summary").fill(summary);
    await page.getByLabel("Source URL").fill("lapd minutes of 20 April");
    await page.getByLabel("Date it took effect").fill("2017-04-20");
    await page.getByLabel("Kind").selectOption({ label: "Police directive" });
    await page.getByRole("button", { name: "Submit for review" }).click();
    const source = page.getByLabel("Source URL");
    await expect(source).toHaveAttribute("aria-invalid", "true");
    await expect(source).toHaveAccessibleDescription(
      /Enter a web address starting with http:\/\/ or https:\/\/\./,
    );
    await expect(page.getByLabel("Title")).toHaveValue(title);
    await expect(page.getByLabel("Summary")).toHaveValue(summary);
    await expect(page.getByLabel("Date it took effect")).toHaveValue("2017-04-20");
    await expect(page.getByLabel("Kind")).toHaveValue("police_directive");
    await expectAccessible(page, "submit an update (with a field error)");
    await source.fill("https://www.lapdonline.org/directives");
    await page.getByRole("button", { name: "Submit for review" }).click();
    const sent = page.getByRole("status");
    await expect(sent).toContainText("Thank you: your update was sent for review.");
    await expect(sent).toContainText(`It will appear on ${city.name}’s page once a moderator`);

    // Another one, which they will withdraw.
    await page.getByRole("link", { name: "Submit another update" }).click();
    await expect(page.getByLabel("Title")).toHaveValue("");
    await page.getByLabel("Title").fill(dropped);
    await page.getByLabel("Summary").fill("People say a 287(g) task force is being planned.");
    await page.getByLabel("Source URL").fill("https://example.net/forum/post");
    await page.getByLabel("Date it took effect").fill("2017-05-01");
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByRole("status")).toContainText(
      "Thank you: your update was sent for review.",
    );

    // Both wait for review.
    await page.getByRole("link", { name: "See your submissions" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your submissions" })).toBeVisible();
    await expect(page.getByRole("listitem", { name: title })).toContainText("Waiting for review");
    await expect(page.getByRole("listitem", { name: dropped })).toContainText("Waiting for review");
    await expectAccessible(page, "your submissions");

    // Revise the first: a new version, still pending.
    await page.getByRole("link", { name: `Revise “${title}”` }).click();
    await expect(
      page.getByRole("heading", { level: 1, name: `Revise your update for ${city.name}` }),
    ).toBeVisible();
    await expect(page.getByLabel("Title")).toHaveValue(title);
    await expect(page.getByLabel("Source URL")).toHaveValue(
      "https://www.lapdonline.org/directives",
    );
    await expectAccessible(page, "revise an update");
    await page.getByLabel("Title").fill(revised);
    await page.getByRole("button", { name: "Send the new version" }).click();
    await expect(page.getByText("Your new version was sent for review.")).toBeVisible();

    // Withdraw the second.
    await open(page, "/me/submissions");
    const droppedItem = page.getByRole("listitem", { name: dropped });
    await droppedItem.getByRole("button", { name: `Withdraw “${dropped}”` }).click();
    await droppedItem.getByRole("button", { name: "Yes, withdraw" }).click();
    await expect(droppedItem).toContainText("Withdrawn");
    await expect(droppedItem.getByRole("link", { name: /^Revise/ })).toHaveCount(0);
    const revisedItem = page.getByRole("listitem", { name: revised });
    await expect(revisedItem).toContainText("Waiting for review");
    await expect(revisedItem).toContainText("version 2");

    // A moderator (another browser) approves the new version; the withdrawn one is not offered.
    const mod = await demoPage(browser, "moderator");
    await open(mod, `/moderation?city=${city.slug}`);
    await expect(mod.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
    await expect(mod.getByRole("link", { name: dropped })).toHaveCount(0);
    await openInQueue(mod, city.slug, revised);
    await expect(
      mod.getByRole("heading", { name: "Revised by the author: this is version 2" }),
    ).toBeVisible();
    await mod.getByRole("button", { name: "Approve" }).click();
    await expect(mod.getByText("Approved by Maya Moderator.")).toBeVisible();
    await mod.context().close();

    // The volunteer is told, and the update is public on the city page.
    await reload(page);
    await expect(revisedItem).toContainText("Approved");
    await expect(page.getByRole("link", { name: "Notifications, 1 unread" })).toBeVisible();
    await page.getByRole("link", { name: "Notifications, 1 unread" }).click();
    await expect(
      page.getByRole("listitem", { name: `Unread: Your update “${revised}” was approved.` }),
    ).toBeVisible();
    await openUntilShown(page, `/cities/${city.slug}`, (p) =>
      p
        .getByRole("list", { name: "Approved policy updates" })
        .getByRole("link", { name: revised, exact: true }),
    );
    await expect(page.getByText(dropped)).toHaveCount(0);
    await page
      .getByRole("list", { name: "Approved policy updates" })
      .getByRole("link", { name: revised, exact: true })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: revised })).toBeVisible();
    await expect(page.getByText("sent by Vic Volunteer")).toBeVisible();
  });

  test("proposes a profile edit (fixing a missing source), sees it pending, and after approval on the profile", async ({
    page,
    browser,
  }, testInfo) => {
    const city = placeFor(testInfo, PLACES.losAngeles, PLACES.sanFrancisco);
    const s = stamp();
    const author = `Eda Editor ${s}`;
    const federal = `DOJ letter on grant conditions (${s})`;
    await signUp(page, author, uniqueEmail("editor"), PASSWORD);

    await open(page, `/cities/${city.slug}`);
    await page.getByRole("link", { name: "Propose an edit" }).click();
    await expect(
      page.getByRole("heading", { level: 1, name: `Propose an edit to ${city.name}` }),
    ).toBeVisible();
    await expectAccessible(page, "propose an edit");

    // A change without its source is refused next to that field; the value stays.
    const group = page.getByRole("group", { name: "Federal actions against it", exact: true });
    await group.getByLabel("Value").fill(federal);
    await expect(group.getByText("Changed")).toBeVisible();
    await page.getByLabel("Note to the moderator (optional)").fill("See the letter of 21 April.");
    await page.getByRole("button", { name: "Send edit for review" }).click();
    const sourceField = group.getByLabel("Source URL");
    await expect(sourceField).toHaveAttribute("aria-invalid", "true");
    await expect(group.getByText("Enter the source's web address.")).toBeVisible();
    await expect(group.getByLabel("Value")).toHaveValue(federal);
    await expect(page.getByLabel("Note to the moderator (optional)")).toHaveValue(
      "See the letter of 21 April.",
    );
    await sourceField.fill("https://www.justice.gov/opa/pr/letters");
    await page.getByRole("button", { name: "Send edit for review" }).click();
    await expect(page.getByRole("status")).toContainText(
      "Thank you: your edit was sent for review.",
    );

    // Pending in their submissions, not on the profile.
    await page.getByRole("link", { name: "See your submissions" }).click();
    const item = page.getByRole("listitem", { name: "Profile edit: Federal actions against it" });
    await expect(item).toContainText("Waiting for review");
    await expect(item.getByRole("link", { name: city.name })).toBeVisible();
    await open(page, `/cities/${city.slug}`);
    await expect(page.getByText(federal)).toHaveCount(0);

    // A moderator approves it.
    const mod = await demoPage(browser, "moderator");
    await open(mod, `/moderation?city=${city.slug}&kind=profile_edit`);
    await mod
      .getByRole("list", { name: "Pending submissions" })
      .getByRole("listitem")
      .filter({ hasText: `by ${author}` })
      .getByRole("link", { name: "Profile edit: Federal actions against it" })
      .click();
    await expect(
      mod.getByRole("table", { name: "Proposed changes" }).getByRole("row", {
        name: /Federal actions against it/,
      }),
    ).toContainText(federal);
    await mod.getByRole("button", { name: "Approve" }).click();
    await expect(mod.getByText("Approved by Maya Moderator.")).toBeVisible();
    await mod.context().close();

    // Told, and public: on the profile and in its history.
    await open(page, "/notifications");
    await expect(
      page.getByRole("listitem", {
        name: `Unread: Your edit to ${city.name}, ${city.state}'s profile was approved.`,
      }),
    ).toBeVisible();
    await openUntilShown(page, `/cities/${city.slug}`, (p) =>
      p.getByRole("region", { name: "Policy profile" }).getByText(federal),
    );
    await page.getByRole("link", { name: "History" }).click();
    const newest = page.getByRole("list", { name: "Revisions" }).getByRole("listitem").first();
    await expect(newest).toContainText(`proposed by ${author}`);
    await expect(newest).toContainText("approved by Maya Moderator");
    await expect(newest).toContainText(federal);
    await expectAccessible(page, "profile history");
    await open(page, "/me/submissions");
    await expect(item).toContainText("Approved");
    await expect(item.getByRole("link", { name: "See it in the profile history" })).toBeVisible();
  });
});

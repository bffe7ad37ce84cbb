import { adminPage, demoPage, expect, test } from "../fixtures";
import { expectAccessible } from "./accessible";
import {
  commentSection,
  commentWith,
  newPerson,
  open,
  openComment,
  openInQueue,
  openUntilShown,
  placeFor,
  PLACES,
  reload,
  showComments,
  stamp,
  submitUpdate,
  writeComment,
} from "./people";

// A moderator works the review queue, takes down what should not be public, and is audited.
test.describe("moderator journey", () => {
  // A whole path (20 to 40 steps, two or three people signing up and in) took 37 to 59 s on
  // Postgres with two workers on two cores (2026-12-07): too close to the minute, so two.
  test.describe.configure({ timeout: 120_000 });
  test("filters the queue by city and kind, claims and approves one, rejects one with a reason the author sees", async ({
    browser,
  }, testInfo) => {
    const city = placeFor(testInfo, PLACES.washington, PLACES.chicago);
    const s = stamp();
    const good = `Council ordinance on ICE access ${s}`;
    const bad = `Unsourced claim about raids ${s}`;
    const volunteerName = `Otto Volunteer ${s}`;
    const { page: volunteer } = await newPerson(browser, volunteerName);
    await submitUpdate(volunteer, city.slug, good);
    await submitUpdate(volunteer, city.slug, bad);

    // The queue, narrowed to the city and the kind.
    const mod = await demoPage(browser, "moderator");
    await open(mod, "/");
    await mod.getByRole("banner").getByRole("link", { name: "Moderation" }).click();
    await expect(mod.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
    await expectAccessible(mod, "review queue");
    await mod.getByLabel("City", { exact: true }).selectOption(city.slug);
    await mod.getByLabel("Kind", { exact: true }).selectOption("ordinance");
    await mod.getByRole("button", { name: "Filter" }).click();
    await expect(mod).toHaveURL(new RegExp(`[?&]city=${city.slug}&kind=ordinance$`));
    const queue = mod.getByRole("list", { name: "Pending submissions" });
    const goodItem = queue.getByRole("listitem").filter({ hasText: good });
    await expect(goodItem).toContainText(
      `Ordinance · ${city.name}, ${city.state} · by ${volunteerName}`,
    );
    await expect(queue.getByRole("link", { name: bad })).toBeVisible();

    // Claim one, check it, approve it: it is public at once.
    await goodItem.getByRole("link", { name: good }).click();
    await expect(mod.getByRole("heading", { level: 1, name: good })).toBeVisible();
    await expect(
      mod.getByRole("region", { name: "Submission as it would be published" }),
    ).toContainText("limits how city staff answer ICE requests");
    await mod.getByRole("button", { name: "Claim for review" }).click();
    await expect(
      mod.getByText(/^You are reviewing this item until \d\d:\d\d UTC\.$/),
    ).toBeVisible();
    await expectAccessible(mod, "review an update (claimed)");
    const updateId = /\/moderation\/updates\/(\d+)$/.exec(new URL(mod.url()).pathname)?.[1];
    expect(updateId).toMatch(/^\d+$/);
    await mod.getByRole("button", { name: "Approve" }).click();
    await expect(mod.getByText("Approved by Maya Moderator.")).toBeVisible();
    await openUntilShown(volunteer, `/cities/${city.slug}`, (p) =>
      p
        .getByRole("list", { name: "Approved policy updates" })
        .getByRole("link", { name: good, exact: true }),
    );

    // Reject the other: a reason is required, and its author reads it.
    await open(mod, `/moderation?city=${city.slug}&kind=ordinance`);
    await expect(queue.getByRole("link", { name: good })).toHaveCount(0);
    await queue.getByRole("link", { name: bad }).click();
    await expect(mod.getByRole("heading", { level: 1, name: bad })).toBeVisible();
    await mod.getByRole("button", { name: "Reject" }).click();
    await expect(mod.getByText("Give the author a reason (at least 3 characters).")).toBeVisible();
    await mod.getByLabel("Common reason").selectOption("The source does not say this");
    await mod.getByLabel("Reason", { exact: true }).fill(`the minutes do not mention raids ${s}`);
    await mod.getByRole("button", { name: "Reject" }).click();
    await expect(mod.getByText("Rejected by Maya Moderator.")).toBeVisible();
    await open(volunteer, "/me/submissions");
    const rejected = volunteer.getByRole("listitem", { name: bad });
    await expect(rejected).toContainText("Rejected");
    await expect(rejected).toContainText(
      `Moderator’s reason: The source does not say this: the minutes do not mention raids ${s}`,
    );
    await volunteer.context().close();

    // The log has the claim, the approval and the rejection with its reason.
    await open(mod, `/moderation/log?city=${city.slug}`);
    await expect(mod.getByRole("heading", { level: 1, name: "Moderation log" })).toBeVisible();
    const log = mod.getByRole("table", { name: "Moderation log" });
    const approved = log.getByRole("row").filter({
      has: mod.getByRole("link", { name: `update #${updateId}`, exact: true }),
    });
    await expect(approved.filter({ hasText: "claimed an update" })).toHaveCount(1);
    await expect(approved.filter({ hasText: "approved an update" })).toHaveCount(1);
    const rejection = log.getByRole("row").filter({ hasText: `mention raids ${s}` });
    await expect(rejection.getByRole("cell").nth(1)).toHaveText("Maya Moderator");
    await expect(rejection.getByRole("cell").nth(2)).toContainText("rejected an update");
    await expect(rejection.getByRole("cell").nth(3)).toHaveText(city.name);
    await expectAccessible(mod, "moderation log");
    await mod.context().close();
  });

  test("hides a published update and restores it; its author is told why and the log keeps both reasons", async ({
    browser,
  }, testInfo) => {
    const city = placeFor(testInfo, PLACES.washington, PLACES.chicago);
    const s = stamp();
    const title = `Jail notification policy ${s}`;
    const { page: author } = await newPerson(browser, `Hal Author ${s}`);
    await submitUpdate(author, city.slug, title);
    const mod = await demoPage(browser, "moderator");
    await openInQueue(mod, city.slug, title);
    const updatePath = `/updates/${/\/moderation\/updates\/(\d+)$/.exec(new URL(mod.url()).pathname)?.[1]}`;
    await mod.getByRole("button", { name: "Approve" }).click();
    await expect(mod.getByText("Approved by Maya Moderator.")).toBeVisible();

    // From the update's public page, the moderator hides it with a reason.
    await open(mod, updatePath);
    await expect(mod.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await mod.getByRole("link", { name: "Moderate this update (hide it from the public)" }).click();
    const visibility = mod.getByRole("region", { name: "Visibility" });
    await visibility.getByLabel("Reason").fill(`Not adopted after all ${s}`);
    await visibility.getByRole("button", { name: "Hide update" }).click();
    await expect(visibility.getByRole("status")).toHaveText(
      "The update is hidden from the public.",
    );
    await expect(
      visibility.getByText(`Hidden from the public. Reason: Not adopted after all ${s}`),
    ).toBeVisible();
    await expectAccessible(mod, "review an update (hidden)");

    // Gone from public view; its author sees why.
    expect((await author.goto(updatePath))?.status()).toBe(404);
    await open(author, "/me/submissions");
    const mine = author.getByRole("listitem", { name: title });
    await expect(mine).toContainText("Hidden by a moderator");
    await expect(mine).toContainText(`Moderator’s reason: Not adopted after all ${s}`);

    // Restored, it is public again.
    await visibility.getByLabel("Reason").fill(`Adopted on second reading ${s}`);
    await visibility.getByRole("button", { name: "Restore update" }).click();
    await expect(visibility.getByRole("status")).toHaveText("The update is public again.");
    await expect(async () => {
      expect((await author.goto(updatePath))?.status()).toBe(200);
    }).toPass({ timeout: 15_000 });
    await expect(author.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await author.context().close();

    await open(mod, `/moderation/log?city=${city.slug}`);
    const log = mod.getByRole("table", { name: "Moderation log" });
    await expect(
      log.getByRole("row").filter({ hasText: `Not adopted after all ${s}` }),
    ).toContainText("hid an update from the public");
    await expect(
      log.getByRole("row").filter({ hasText: `Adopted on second reading ${s}` }),
    ).toContainText("restored a hidden update");
    await mod.context().close();
  });

  test("approves a profile edit found by kind, then reverts it from the city's history", async ({
    browser,
  }, testInfo) => {
    const city = placeFor(testInfo, PLACES.washington, PLACES.chicago);
    const s = stamp();
    const author = `Ed Editor ${s}`;
    const federal = `Sanctuary funding suit filed (${s})`;
    const { page: volunteer } = await newPerson(browser, author);
    await open(volunteer, `/cities/${city.slug}/edit`);
    const group = volunteer.getByRole("group", { name: "Federal actions against it", exact: true });
    await group.getByLabel("Value").fill(federal);
    await group.getByLabel("Source URL").fill("https://www.justice.gov/opa");
    await volunteer.getByRole("button", { name: "Send edit for review" }).click();
    await expect(volunteer.getByRole("status")).toContainText(
      "Thank you: your edit was sent for review.",
    );
    const federalNow = async () => {
      const json = await (await volunteer.request.get(`/api/cities/${city.slug}`)).json();
      const facts = json.city.facts as { field: string; value: string }[];
      return facts.find((f) => f.field === "federal_actions")?.value ?? "";
    };
    const original = await federalNow();
    expect(original).not.toBe("");

    // Profile edits in this city, from the queue's filters.
    const mod = await demoPage(browser, "moderator");
    await open(mod, "/moderation");
    await mod.getByLabel("City", { exact: true }).selectOption(city.slug);
    await mod.getByLabel("Kind", { exact: true }).selectOption("profile_edit");
    await mod.getByRole("button", { name: "Filter" }).click();
    await expect(mod).toHaveURL(new RegExp(`[?&]city=${city.slug}&kind=profile_edit$`));
    await mod
      .getByRole("list", { name: "Pending submissions" })
      .getByRole("listitem")
      .filter({ hasText: `by ${author}` })
      .getByRole("link", { name: "Profile edit: Federal actions against it" })
      .click();
    const row = mod
      .getByRole("table", { name: "Proposed changes" })
      .getByRole("row", { name: /Federal actions against it/ });
    await expect(row).toContainText(federal);
    await expectAccessible(mod, "review a profile edit");
    await mod.getByRole("button", { name: "Approve" }).click();
    await expect(mod.getByText("Approved by Maya Moderator.")).toBeVisible();
    await openUntilShown(volunteer, `/cities/${city.slug}`, (p) =>
      p.getByRole("region", { name: "Policy profile" }).getByText(federal),
    );

    // Reverted from the history, with a reason: a new revision, and the old value is back.
    await open(mod, `/cities/${city.slug}/history`);
    await expect(
      mod.getByRole("heading", { level: 1, name: `Profile history of ${city.name}` }),
    ).toBeVisible();
    const revisions = mod.getByRole("list", { name: "Revisions" }).getByRole("listitem");
    await expect(revisions.first()).toContainText(`proposed by ${author}`);
    const previous = revisions.nth(1);
    const previousId = (await previous.getAttribute("aria-label"))!.replace("Revision ", "");
    await previous.getByRole("button", { name: `Revert to revision ${previousId}` }).click();
    await previous
      .getByLabel(`Reason for reverting to revision ${previousId}`)
      .fill(`The suit was about another city ${s}`);
    await expectAccessible(mod, "profile history (revert form open)");
    await previous.getByRole("button", { name: "Revert", exact: true }).click();
    const newest = revisions.first();
    await expect(newest).toContainText(`Revert to revision ${previousId}`);
    await expect(newest).toContainText("reverted by Maya Moderator");
    await expect(newest).toContainText(`The suit was about another city ${s}`);
    await expect.poll(federalNow).toBe(original);
    await expect(async () => {
      await open(volunteer, `/cities/${city.slug}`);
      const profile = volunteer.getByRole("region", { name: "Policy profile" });
      await expect(profile).toContainText(original, { timeout: 2_000 });
      await expect(profile.getByText(federal)).toHaveCount(0, { timeout: 2_000 });
    }).toPass({ timeout: 20_000 });

    await open(mod, `/moderation/log?city=${city.slug}`);
    const log = mod.getByRole("table", { name: "Moderation log" });
    await expect(
      log.getByRole("row").filter({ hasText: `The suit was about another city ${s}` }),
    ).toContainText("reverted the profile");
    await mod.context().close();
    await volunteer.context().close();
  });

  test("hides a comment that three people reported, and its author sees why", async ({
    page,
    browser,
  }, testInfo) => {
    const city = placeFor(testInfo, PLACES.washington, PLACES.chicago);
    const s = stamp();
    // Four people, each on the city page and the comment's page, then the moderator: about
    // a minute on a loaded 2-core machine, so it gets two.
    test.setTimeout(120_000);
    const text = `You are all idiots for living here ${s}`;
    const reason = `Insults other residents ${s}`;
    const { page: author } = await newPerson(browser, "Carl Commenter");
    const id = await writeComment(author, `/cities/${city.slug}`, text);

    // Three people report it. Their accounts are days old at most (the demo accounts were
    // seeded when this run began), so their reports do not hide it: it waits for a moderator.
    const reporters = [
      await demoPage(browser, "resident"),
      await adminPage(browser),
      (await newPerson(browser, "Rae Reporter")).page,
    ];
    for (const [i, reporter] of reporters.entries()) {
      await open(reporter, `/cities/${city.slug}#comments`);
      await openComment(commentWith(reporter, text), "Report");
      const reported = commentSection(reporter, "Report this comment");
      await reported.getByLabel("Reason").selectOption(i === 2 ? "spam" : "abusive");
      await reported.getByRole("button", { name: "Report" }).click();
      await expect(reported.getByRole("status")).toHaveText(
        "Thank you: moderators will look at this comment.",
      );
      await reporter.context().close();
    }
    await openUntilShown(page, `/cities/${city.slug}#comments`, (p) => commentWith(p, text));

    // The moderator finds it under "Reported comments", still visible, and hides it.
    const mod = await demoPage(browser, "moderator");
    await open(mod, "/moderation");
    await mod.getByRole("link", { name: /^Reported comments \(\d+\)$/ }).click();
    await expect(mod.getByRole("heading", { level: 1, name: "Reported comments" })).toBeVisible();
    const item = mod
      .getByRole("list", { name: "Reported comments" })
      .getByRole("listitem", { name: "Comment by Carl Commenter" })
      .filter({ hasText: text });
    await expect(item).toContainText("Still visible · Reports: Spam 1 · Abusive 2");
    await expectAccessible(mod, "reported comments");
    await item.getByLabel("Reason").fill(reason);
    await item.getByRole("button", { name: "Hide comment" }).click();
    await expect(item).toHaveCount(0);

    // Its author sees why, on the comment's page; everyone else no longer sees it.
    await open(author, `/comments/${id}`);
    await expect(
      author.getByText(`Only you can see this: moderators hid it. Reason: ${reason}`),
    ).toBeVisible();
    await reload(page);
    await showComments(page);
    await expect(page.getByText(text)).toHaveCount(0);
    await author.context().close();

    await open(mod, "/moderation/log");
    const row = mod
      .getByRole("table", { name: "Moderation log" })
      .getByRole("row")
      .filter({ hasText: reason });
    await expect(row.getByRole("cell").nth(1)).toHaveText("Maya Moderator");
    await expect(row.getByRole("cell").nth(4)).toHaveText(reason);
    await mod.context().close();
  });
});

import {
  commentsLanding,
  confirmEmail,
  expect,
  signOut,
  signUp,
  test,
  uniqueEmail,
} from "../fixtures";
import { expectAccessible } from "./accessible";
import {
  commentSection,
  commentWith,
  newPerson,
  open,
  openComment,
  PASSWORD,
  placeFor,
  PLACES,
  publishUpdate,
  reload,
  showComments,
  stamp,
  writeComment,
} from "./people";

// A resident reads, follows their city, keeps up with it, and talks with neighbours.
test.describe("resident journey", () => {
  // The first walk runs axe on eight pages: about 35 s of its minute on a loaded
  // two-core machine, so it gets two minutes rather than failing on a slow run.
  test.describe.configure({ timeout: 120_000 });
  test("signs up, reads the article, finds and follows their city, sets email, and leaves", async ({
    page,
  }, testInfo) => {
    const city = placeFor(testInfo, PLACES.newYork, PLACES.boston);
    const name = "Rhea Resident";
    const header = page.getByRole("banner");

    // The home page, then sign up from the header.
    await open(page, "/");
    await expect(
      page.getByRole("heading", {
        level: 1,
        name: "Follow what your city does about immigration policy",
      }),
    ).toBeVisible();
    await expectAccessible(page, "home");
    await header.getByRole("link", { name: "Sign up" }).click();
    await expect(
      page.getByRole("heading", { level: 1, name: "Create your account" }),
    ).toBeVisible();
    await expectAccessible(page, "sign-up");
    const email = uniqueEmail("resident");
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign up" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    await expectAccessible(page, "check your email");
    // The link in the email confirms the address; then sign in.
    await confirmEmail(page, email);
    await expectAccessible(page, "address confirmed");
    await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signed-in-name")).toHaveText(name);

    // The article, from the main navigation.
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "The article" })
      .click();
    await expect(
      page.getByRole("heading", {
        level: 1,
        name: "Sanctuary cities pledge to continue to protect undocumented immigrants",
      }),
    ).toBeVisible();
    await expect(page.locator("time[datetime='2017-04-24']").first()).toHaveText("24 April 2017");
    await expect(page.getByRole("link", { name: "Source: World Mayor" })).toBeVisible();
    await showComments(page);
    await expectAccessible(page, "article");

    // "My cities" is empty and points to the city list.
    await header.getByRole("link", { name: "My cities" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "My cities" })).toBeVisible();
    await expect(page.getByText("You do not follow any city yet.")).toBeVisible();
    await expect(
      page.getByText("Follow a city to see its approved updates and profile changes here."),
    ).toBeVisible();
    await expectAccessible(page, "my cities (empty)");
    await page.getByRole("link", { name: "city list" }).click();

    // The city list, narrowed to their state.
    await expect(
      page.getByRole("heading", { level: 1, name: "Cities and counties" }),
    ).toBeVisible();
    await expect(page.getByRole("status")).toHaveText(/^\d+ places\.$/);
    await expectAccessible(page, "cities");
    await page.getByLabel("State", { exact: true }).selectOption({ label: city.stateName });
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]state=${city.state}(&|$)`));
    await expect(page.getByRole("status")).toHaveText("1 place match these filters.");
    const cities = page.getByRole("list", { name: "Cities" });
    await expect(cities.getByRole("listitem")).toHaveCount(1);
    await cities.getByRole("link", { name: city.name, exact: true }).click();

    // The city's page: follow it.
    await expect(
      page.getByRole("heading", { level: 1, name: `${city.name}, ${city.stateName}` }),
    ).toBeVisible();
    const follow = page.getByRole("button", { name: "Follow", exact: true });
    await expect(follow).toBeEnabled();
    await showComments(page);
    await expectAccessible(page, "city");
    await follow.click();
    await expect(page.getByRole("button", { name: "Unfollow", exact: true })).toBeVisible();
    await expect(page.locator(`#followers-${city.slug}`)).toHaveText(/^\d+ followers?$/);

    // "My cities" lists it, and no longer asks to follow a city. (Its feed holds whatever
    // the other resident tests had approved there, so it is checked in the next test.)
    await header.getByRole("link", { name: "My cities" }).click();
    await expect(page.getByRole("list", { name: "Followed cities" })).toContainText(
      `${city.name}, ${city.state}`,
    );
    await expect(page.getByText("You do not follow any city yet.")).toHaveCount(0);

    // Email: immediately, instead of the daily digest.
    await header.getByRole("link", { name: new RegExp(`^${name}\\s+Resident$`) }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
    await expect(page.getByLabel(/^Daily digest/)).toBeChecked();
    await expectAccessible(page, "account");
    await page.getByLabel(/^Immediately/).check();
    await page.getByRole("button", { name: "Save email setting" }).click();
    await expect(page.getByText("Your email setting was saved.")).toBeVisible();
    await reload(page);
    await expect(page.getByLabel(/^Immediately/)).toBeChecked();

    // Unfollow from "My cities": it leaves the list.
    await header.getByRole("link", { name: "My cities" }).click();
    const followed = page.getByRole("listitem", { name: city.name });
    await followed.getByRole("button", { name: "Unfollow", exact: true }).click();
    await expect(followed.getByRole("button", { name: "Follow", exact: true })).toBeVisible();
    await reload(page);
    await expect(page.getByText("You do not follow any city yet.")).toBeVisible();

    await signOut(page);
    await expect(page.getByTestId("signed-in-name")).toHaveCount(0);
    await open(page, "/me");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fme$/);
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await expectAccessible(page, "sign-in");
  });

  test("sees an approved update in their feed and notifications, and reads it", async ({
    page,
    browser,
  }, testInfo) => {
    const city = placeFor(testInfo, PLACES.newYork, PLACES.boston);
    const title = `Council limits ICE requests ${stamp()}`;
    await signUp(page, "Fern Follower", uniqueEmail("follower"), PASSWORD);
    await open(page, `/cities/${city.slug}`);
    await page.getByRole("button", { name: "Follow", exact: true }).click();
    await expect(page.getByRole("button", { name: "Unfollow", exact: true })).toBeVisible();

    // A neighbour's update there is approved: it is in the feed and in the notifications.
    const updatePath = await publishUpdate(browser, city.slug, title);
    await page.getByRole("banner").getByRole("link", { name: "My cities" }).click();
    const entry = page.getByRole("list", { name: "Feed" }).getByRole("listitem").filter({
      hasText: title,
    });
    await expect(entry.getByRole("link", { name: title })).toHaveAttribute("href", updatePath);
    await expect(entry).toContainText(`${city.name} · `);
    await expect(entry).toContainText("Ordinance");
    await expectAccessible(page, "my cities (with feed)");

    await page.getByRole("link", { name: "Notifications, 1 unread" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
    const notice = page.getByRole("listitem", {
      name: `Unread: New update in ${city.name}, ${city.state} (Ordinance): ${title}`,
    });
    await expect(notice).toBeVisible();
    await expectAccessible(page, "notifications");
    await notice.getByRole("button", { name: "Mark as read" }).click();
    await expect(page.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
    await expect(page.getByRole("listitem", { name: /^Unread:/ })).toHaveCount(0);

    // The update's own page.
    await page
      .getByRole("list", { name: "Notifications" })
      .getByRole("link", { name: new RegExp(title) })
      .click();
    await expect(page).toHaveURL(new RegExp(`${updatePath}$`));
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByText("sent by Rosa Resident")).toBeVisible();
    await showComments(page);
    await expectAccessible(page, "published update");
  });

  test("comments on their city, replies to a neighbour, hears back, and reports an abusive reply", async ({
    page,
    browser,
  }, testInfo) => {
    const city = placeFor(testInfo, PLACES.newYork, PLACES.boston);
    const question = `Does the new rule cover the county jail? ${stamp()}`;
    const answer = `Yes, the ordinance names the jail too ${stamp()}`;
    const rude = `Only fools would believe that ${stamp()}`;
    // (New accounts may post one comment every 30 seconds, so each person here posts one.)

    // A neighbour asks on the city page.
    const { page: asker } = await newPerson(browser, "Ann Asker");
    await writeComment(asker, `/cities/${city.slug}`, question);
    await asker.context().close();

    // The resident signs up and replies under it, on the comment's page.
    await signUp(page, "Remy Replier", uniqueEmail("replier"), PASSWORD);
    await open(page, `/cities/${city.slug}#comments`);
    const asked = commentWith(page, question);
    await expect(asked).toHaveAccessibleName("Comment by Ann Asker");
    await openComment(asked, "Reply");
    const replying = commentSection(page, "Reply");
    await replying.getByRole("textbox", { name: "Comment", exact: true }).fill(answer);
    await expect(replying.getByText(`${[...answer].length} / 5000 characters`)).toBeVisible();
    await replying.getByRole("button", { name: "Post reply" }).click();
    await expect(page).toHaveURL(commentsLanding(`/cities/${city.slug}`));
    const mine = commentWith(page, question).getByRole("article", {
      name: "Comment by Remy Replier",
    });
    await expect(mine).toContainText(answer);
    // Its page offers its author the edit.
    await openComment(mine, "Reply");
    await expect(commentSection(page, "Edit your comment")).toBeVisible();

    // Someone else answers rudely under the reply.
    const { page: troll } = await newPerson(browser, "Tod Troll");
    await open(troll, `/cities/${city.slug}#comments`);
    await openComment(commentWith(troll, answer), "Reply");
    const trolling = commentSection(troll, "Reply");
    await trolling.getByRole("textbox", { name: "Comment", exact: true }).fill(rude);
    await trolling.getByRole("button", { name: "Post reply" }).click();
    await expect(commentWith(troll, rude)).toBeVisible();
    await troll.context().close();

    // The resident hears of it, follows the notification to the thread, and reports it.
    await open(page, "/me");
    await page.getByRole("link", { name: "Notifications, 1 unread" }).click();
    const heard = page.getByRole("listitem", {
      name: `Unread: Tod Troll replied to your comment: “${rude}”`,
    });
    await expect(heard).toBeVisible();
    await heard.getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/cities/${city.slug}#comment-\\d+$`));
    const abusive = commentWith(page, rude);
    await expect(abusive).toHaveAccessibleName("Comment by Tod Troll");
    await openComment(abusive, "Report");
    const report = commentSection(page, "Report this comment");
    await report.getByLabel("Reason").selectOption({ label: "Abusive" });
    await expectAccessible(page, "comment page (report form)");
    await report.getByRole("button", { name: "Report" }).click();
    await expect(report.getByRole("status")).toHaveText(
      "Thank you: moderators will look at this comment.",
    );
    // Reporting it twice is refused.
    await reload(page);
    await report.getByLabel("Reason").selectOption({ label: "Spam" });
    await report.getByRole("button", { name: "Report" }).click();
    await expect(report.getByRole("alert")).toHaveText("You have already reported this comment.");
  });
});

import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { SCRIPTS_COOKIE } from "../lib/pages/shells";
import {
  test as base,
  expect,
  type Browser,
  type BrowserContext,
  type Page,
  type Request,
} from "@playwright/test";

/** A random client address per test, so per-IP rate limits do not couple tests. */
export const randomIp = () =>
  `198.51.${Math.floor(Math.random() * 250) + 1}.${Math.floor(Math.random() * 250) + 1}`;

export const test = base.extend({
  // Playwright fixtures take their dependencies as a pattern and hand over a value with `use`
  // (not a React hook).
  // eslint-disable-next-line react-hooks/rules-of-hooks
  extraHTTPHeaders: async ({}, use) => use({ "x-forwarded-for": randomIp() }),
});
export { expect };

export const DEMO_PASSWORD = "citywatch-demo";

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.net`;
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page) {
  // The header's: /account lists a "Sign out" per session too.
  await page.getByRole("banner").getByRole("button", { name: "Sign out", exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}

/** A form's own alert (Next's route announcer also has role="alert"). */
export const formAlert = (page: Page) =>
  page.locator("form [role=alert], main [role=alert]").first();

/**
 * Signs up as a person would: the form, the "check your email" page, the
 * verification link from the email (read from the e2e outbox), then signing
 * in. Leaves the page signed in, on the home page, with a confirmed address.
 */
export async function signUp(page: Page, name: string, email: string, password: string) {
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await confirmEmail(page, email);
  await signIn(page, email, password);
  await expect(page.getByTestId("signed-in-name")).toHaveText(name);
}

/** Opens the newest verification link emailed to `email` and checks it worked. */
export async function confirmEmail(page: Page, email: string) {
  await page.goto(await linkIn(await waitForEmail(email, "confirm your email address")));
  await expect(
    page.getByRole("heading", { name: "Your email address is confirmed" }),
  ).toBeVisible();
}

/** Where the e2e server writes emails (scripts/e2e-server.ts). */
export const OUTBOX = ".data/e2e-outbox";

/** The newest email to `to` whose subject mentions `text`, from the e2e outbox, if it is there yet. */
export async function findEmail(to: string, text: string): Promise<ParsedMail | undefined> {
  const files = (await readdir(OUTBOX).catch(() => [] as string[])).filter((f) =>
    f.endsWith(".eml"),
  );
  // <outbox id>.eml: the highest id is the newest
  files.sort((a, b) => Number.parseInt(b, 10) - Number.parseInt(a, 10));
  for (const file of files) {
    const raw = await readFile(path.join(OUTBOX, file), "utf8");
    if (!raw.includes(to)) continue; // most files are someone else's: skip parsing them
    const mail = await simpleParser(raw);
    const address = mail.to && !Array.isArray(mail.to) ? mail.to.text : "";
    if (address === to && mail.subject?.includes(text)) return mail;
  }
  return undefined;
}

/** Waits (up to 15 s) for an email to `to` whose subject mentions `text`. */
export async function waitForEmail(to: string, text: string): Promise<ParsedMail> {
  let mail: ParsedMail | undefined;
  await expect
    .poll(async () => (mail = await findEmail(to, text)) !== undefined, { timeout: 15_000 })
    .toBe(true);
  return mail!;
}

/** The first link in an email's plain text. */
export function linkIn(mail: ParsedMail): string {
  const link = /(https?:\/\/\S+)/.exec(mail.text ?? "")?.[1];
  if (!link) throw new Error(`no link in: ${mail.text}`);
  return link;
}

/**
 * A new account, made in a browser context of its own (JavaScript on) and
 * signed out of at once: for tests that sign in themselves. Not a demo
 * account, whose sign-ins are rate limited per account (see demoPage).
 */
export async function newAccount(browser: Browser, name: string, password: string) {
  const context = await browser.newContext({
    javaScriptEnabled: true, // even where the test's own pages run without it
    extraHTTPHeaders: { "x-forwarded-for": randomIp() },
  });
  const email = uniqueEmail("account");
  await signUp(await context.newPage(), name, email, password);
  await context.close();
  return email;
}

type DemoAccount = "resident" | "moderator" | "admin";
const DEMO_NAMES: Record<DemoAccount, string> = {
  resident: "Rosa Resident",
  moderator: "Maya Moderator",
  admin: "Ada Admin",
};
type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;
const demoSessions = new Map<DemoAccount, Promise<StorageState>>();

/**
 * A new page in its own browser context (another person), signed in as a demo
 * account. Each worker signs each account in once and reuses the session
 * cookie (one session, shared by every page of that account in the worker: a
 * test must not sign it out). The page may run without JavaScript (the session
 * is still made with it, and the scripts cookie left out).
 *
 * The demo accounts are seeded when the run begins, so they are new accounts:
 * all the specs together may send at most five submissions an hour as the
 * resident (lib/dal/internal/rate-limit.ts). They send four (the resident
 * journey twice, browse and map); a test that sends more signs up its own.
 */
export async function demoPage(
  browser: Browser,
  who: DemoAccount,
  { javaScriptEnabled = true }: { javaScriptEnabled?: boolean } = {},
): Promise<Page> {
  let session = demoSessions.get(who);
  if (!session) {
    session = (async () => {
      const context = await browser.newContext({
        javaScriptEnabled: true, // the header names who signed in from JavaScript
        extraHTTPHeaders: { "x-forwarded-for": randomIp() },
      });
      const page = await context.newPage();
      await signIn(page, `${who}@example.org`, DEMO_PASSWORD);
      await expect(page.getByTestId("signed-in-name")).toHaveText(DEMO_NAMES[who]);
      const state = await context.storageState();
      await context.close();
      return state;
    })();
    demoSessions.set(who, session);
  }
  const state = await session;
  const context = await browser.newContext({
    // A browser without scripts never has the cookie its scripts set (lib/pages/shells.ts).
    storageState: javaScriptEnabled
      ? state
      : { ...state, cookies: state.cookies.filter((c) => c.name !== SCRIPTS_COOKIE) },
    javaScriptEnabled,
    extraHTTPHeaders: { "x-forwarded-for": randomIp() },
  });
  return context.newPage();
}

/** A page signed in as the demo admin (see demoPage). */
export const adminPage = (browser: Browser) => demoPage(browser, "admin");

/** On /admin/users, finds one user by email and returns their card. */
export async function findUserCard(admin: Page, email: string) {
  await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  const card = admin.getByRole("listitem", { name: email });
  await expect(card).toBeVisible();
  return card;
}

/**
 * Where a comment's writer lands: the live list of the comments of the page at
 * `path` (`/comments?on=city%3Aboston-ma`), at `anchor` (the new comment, or
 * "comments" after a delete). The page itself is cached and may lag a few seconds.
 */
export function commentsLanding(path: string, anchor = "comment-\\d+"): RegExp {
  const [, kind, key] = /^\/(cities|articles|updates)\/([^/#?]+)/.exec(path) ?? [];
  const type = kind === "cities" ? "city" : kind?.slice(0, -1);
  return new RegExp(`/comments\\?on=${encodeURIComponent(`${type}:${key}`)}#${anchor}$`);
}

/** Every request the page makes from now on (to check what went into URLs, and which were POSTs). */
export function recordRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on("request", (r) => requests.push(r));
  return requests;
}

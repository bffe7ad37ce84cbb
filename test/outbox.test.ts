// The mailer against a real SMTP server started here (smtp-server): digests
// and single emails arrive with the right contents, the unsubscribe link
// works, failed sends are retried with backoff until delivered, and a sender
// restarted after delivery sends nothing twice. Here rather than beside the
// code because it runs both halves together: lib/mail composes and sends, the
// DAL's outbox (lib/dal/news/internal/outbox.ts) stores, claims and settles.
import type { AddressInfo } from "node:net";
import { eq, inArray } from "drizzle-orm";
import { simpleParser, type ParsedMail } from "mailparser";
import { NextRequest } from "next/server";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createOwnDatabase } from "@/test/own-database";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));
vi.mock("next/cache", () => ({ revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));
vi.stubEnv("NEXTAUTH_SECRET", "outbox-test-secret");
vi.stubEnv("NEXTAUTH_URL", "https://citywatch.test");
vi.stubEnv("DIGEST_HOUR_UTC", "12");

const dropDatabase = await createOwnDatabase();

const { getDb } = await import("@/db/client");
const { emails, notifications, policyUpdates, users } = await import("@/db/schema");
const { decideSubmission } = await import("@/lib/dal/moderation/decisions");
const { setUpdateVisibility } = await import("@/lib/dal/moderation/update-visibility");
const { POST: unsubscribePost } = await import("@/app/api/unsubscribe/route");
const outbox = await import("@/lib/dal/news/internal/outbox");
const { LEASE_MS, retryDelayMs } = outbox;
const { queueDigests, queueImmediateEmails, sendDueEmails } = await import("@/lib/mail/mailer");
const { createMailTransport } = await import("@/lib/mail/transport");
const { deleteOwnAccount } = await import("@/lib/dal/people/account");
const { unsubscribeWithToken } = await import("@/lib/dal/news/email-settings");
const { unsubscribeToken } = await import("@/lib/auth/unsubscribe-token");
const { createTestCity } = await import("@/test/edits");
const { insertFollows } = await import("@/test/follows");
const { insertUpdates } = await import("@/test/updates");
const { actAs, createTestUser, userRow } = await import("@/test/users");

/** Every message the SMTP server accepted, parsed. */
const received: ParsedMail[] = [];
/** How many of the next deliveries the server refuses with a temporary error. */
let refuseNext = 0;
/** The SMTP answer a refusal gives: 451 is "try later", 550 is "never". */
let refuseCode = 451;
let server: SMTPServer;
let smtpUrl = "";

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          if (refuseNext > 0) {
            refuseNext--;
            const error = Object.assign(new Error("Mailbox busy, try again later"), {
              responseCode: refuseCode,
            });
            return callback(error);
          }
          received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  await getDb();
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await dropDatabase();
});

beforeEach(() => {
  refuseNext = 0;
  refuseCode = 451;
});

const smtp = () => createMailTransport({ SMTP_URL: smtpUrl });
const to = (address: string) =>
  received.filter((m) => m.to && "text" in m.to && m.to.text === address);
const at = (iso: string) => new Date(iso);
const rawHeader = (mail: ParsedMail, key: string) =>
  mail.headerLines.find((h) => h.key === key)?.line.replace(/\r?\n\s+/g, " ");

async function emailRowsOf(userId: number) {
  const db = await getDb();
  return db.select().from(emails).where(eq(emails.userId, userId)).orderBy(emails.id);
}

/** A city followed by `follower`, with pending updates (by a volunteer) approved by a moderator. */
async function approvedUpdatesFor(follower: { id: number }, titles: string[]) {
  const city = await createTestCity();
  await insertFollows(follower.id, [city.id]);
  const volunteer = await createTestUser();
  const moderator = await createTestUser({ role: "moderator" });
  const ids = await insertUpdates(
    titles.map((title) => ({ jurisdictionId: city.id, authorId: volunteer.id, title })),
  );
  actAs(moderator);
  for (const id of ids) {
    const result = await decideSubmission({
      type: "update",
      id,
      version: 1,
      decision: "approve",
      reason: "",
    });
    expect(result.ok).toBe(true);
  }
  return { city, ids, moderator };
}

// Times in these tests lie in the future: an email queued now (next_attempt_at =
// now()) is due only at a later "now".
describe("the daily digest", () => {
  it("arrives once a day from the digest hour, lists what happened, and its unsubscribe link works", async () => {
    const db = await getDb();
    const resident = await createTestUser({ name: "Rosa Resident" });
    expect((await userRow(resident.id)).emailFrequency).toBe("daily");
    const { city, ids, moderator } = await approvedUpdatesFor(resident, [
      "Council limits detainer holds",
      "Mayor signs welcoming-city order",
    ]);
    // and a rejection of the resident's own update, with the moderator's reason
    const [own] = await insertUpdates([
      { jurisdictionId: city.id, authorId: resident.id, title: "My rejected update" },
    ]);
    actAs(moderator);
    expect(
      (
        await decideSubmission({
          type: "update",
          id: own!,
          version: 1,
          decision: "reject",
          reason: "The source link does not mention this ordinance.",
        })
      ).ok,
    ).toBe(true);

    // before the digest hour: nothing is queued
    expect(await queueDigests(outbox, at("2036-11-26T11:59:00Z"))).toBe(0);
    expect(await emailRowsOf(resident.id)).toHaveLength(0);

    // one digest for the resident (the volunteer who wrote the updates gets one too)
    expect(await queueDigests(outbox, at("2036-11-26T12:00:00Z"))).toBe(2);
    expect(await emailRowsOf(resident.id)).toHaveLength(1);
    const transport = smtp();
    const result = await sendDueEmails(outbox, transport, at("2036-11-26T12:00:00Z"));
    transport.close();
    expect(result).toEqual({ sent: 2, failed: 0 });

    const [digest, ...others] = to(resident.email);
    expect(others).toHaveLength(0);
    expect(digest!.subject).toBe("CityWatch daily digest, 26 November 2036: 3 notifications");
    const text = digest!.text!;
    expect(text).toContain("Hello Rosa Resident,");
    expect(text).toContain("Council limits detainer holds");
    expect(text).toContain("Mayor signs welcoming-city order");
    expect(text).toContain(`https://citywatch.test/updates/${ids[0]}`);
    expect(text).toContain("Your update “My rejected update” was rejected.");
    expect(text).toContain("Reason: The source link does not mention this ordinance.");
    // every email says how to stop it, in the body and in the headers (RFC 2369 / 8058)
    const link = /Unsubscribe[^\n]*: (https:\/\/citywatch\.test\/unsubscribe\?token=\S+)/.exec(
      text,
    )?.[1];
    expect(link).toBeDefined();
    expect(rawHeader(digest!, "list-unsubscribe-post")).toBe(
      "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
    );
    expect(rawHeader(digest!, "list-unsubscribe")).toContain(
      "<https://citywatch.test/api/unsubscribe?token=",
    );

    // a second run the same day queues nothing, even with news waiting
    await approvedUpdatesFor(resident, ["A later update the same day"]);
    await queueDigests(outbox, at("2036-11-26T18:00:00Z"));
    expect(await emailRowsOf(resident.id)).toHaveLength(1);
    // the next day it goes out
    await queueDigests(outbox, at("2036-11-27T12:30:00Z"));
    expect(await emailRowsOf(resident.id)).toHaveLength(2);

    // one click on the link's target, signed out: no more email
    actAs(null);
    const token = new URL(link!).searchParams.get("token")!;
    const response = await unsubscribePost(
      new NextRequest(`https://citywatch.test/api/unsubscribe?token=${token}`, {
        method: "POST",
        body: "List-Unsubscribe=One-Click",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
    );
    expect(response.status).toBe(200);
    expect((await userRow(resident.id)).emailFrequency).toBe("never");
    await approvedUpdatesFor(resident, ["News after unsubscribing"]);
    await queueDigests(outbox, at("2036-11-28T12:30:00Z"));
    expect(await emailRowsOf(resident.id)).toHaveLength(2);
    const pending = await db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, resident.id));
    expect(pending.every((n) => !n.emailPending)).toBe(true);
  });
});

describe("immediate emails", () => {
  it("sends one email per notification, and skips one whose update was hidden since", async () => {
    const db = await getDb();
    const resident = await createTestUser();
    await db.update(users).set({ emailFrequency: "immediately" }).where(eq(users.id, resident.id));
    const { ids } = await approvedUpdatesFor(resident, ["Shown update", "Hidden update"]);
    await db.update(policyUpdates).set({ status: "rejected" }).where(eq(policyUpdates.id, ids[1]!));

    expect(await queueImmediateEmails(outbox)).toBe(1);
    expect(await queueImmediateEmails(outbox)).toBe(0); // nothing is queued twice
    const transport = smtp();
    await sendDueEmails(outbox, transport, new Date());
    transport.close();
    const mail = to(resident.email);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toContain("Shown update");
    expect(mail[0]!.text).toContain(`https://citywatch.test/updates/${ids[0]}`);
    const rows = await db.select().from(notifications).where(inArray(notifications.updateId, ids));
    expect(rows.filter((r) => r.userId === resident.id).every((r) => !r.emailPending)).toBe(true);
  });
});

describe("delivery", () => {
  it("retries a refused send with growing delays until it is delivered", async () => {
    const db = await getDb();
    const resident = await createTestUser();
    await db.update(users).set({ emailFrequency: "immediately" }).where(eq(users.id, resident.id));
    await approvedUpdatesFor(resident, ["Retried update"]);
    const transport = smtp();
    let now = at("2030-01-01T00:00:00Z");
    await sendDueEmails(outbox, transport, now); // whatever earlier tests left due
    expect(await queueImmediateEmails(outbox)).toBe(1);
    const [queued] = await emailRowsOf(resident.id);

    refuseNext = 2;
    expect(await sendDueEmails(outbox, transport, now)).toEqual({ sent: 0, failed: 1 });
    let [row] = await emailRowsOf(resident.id);
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row!.lastError).toContain("Mailbox busy");
    expect(row!.nextAttemptAt.getTime()).toBe(now.getTime() + retryDelayMs(1));

    // not due yet: nothing is tried
    await sendDueEmails(outbox, transport, new Date(now.getTime() + retryDelayMs(1) - 1));
    expect((await emailRowsOf(resident.id))[0]!.attempts).toBe(1);

    now = new Date(now.getTime() + retryDelayMs(1));
    await sendDueEmails(outbox, transport, now);
    [row] = await emailRowsOf(resident.id);
    expect(row).toMatchObject({ status: "pending", attempts: 2 });
    expect(row!.nextAttemptAt.getTime()).toBe(now.getTime() + retryDelayMs(2));
    expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1));

    now = new Date(now.getTime() + retryDelayMs(2));
    await sendDueEmails(outbox, transport, now);
    transport.close();
    [row] = await emailRowsOf(resident.id);
    expect(row).toMatchObject({ id: queued!.id, status: "sent", attempts: 3, lastError: null });
    expect(to(resident.email)).toHaveLength(1);
    expect(to(resident.email)[0]!.messageId).toBe(
      `<email-${queued!.id}-${queued!.createdAt.getTime()}@citywatch.test>`,
    );
  });

  it("does not send again after a restart what was delivered, and takes over an abandoned send after its lease", async () => {
    const db = await getDb();
    const resident = await createTestUser();
    await db.update(users).set({ emailFrequency: "immediately" }).where(eq(users.id, resident.id));
    await approvedUpdatesFor(resident, ["Delivered once", "Abandoned mid-send"]);
    expect(await queueImmediateEmails(outbox)).toBe(2);
    const [first, second] = await emailRowsOf(resident.id);

    // a sender that died after claiming the second email: it holds the lease
    const t0 = at("2031-01-01T00:00:00Z");
    await db
      .update(emails)
      .set({ lockedUntil: new Date(t0.getTime() + LEASE_MS), attempts: 1 })
      .where(eq(emails.id, second!.id));

    const before = createMailTransport({ SMTP_URL: smtpUrl });
    await sendDueEmails(outbox, before, t0);
    before.close();
    expect(to(resident.email).map((m) => m.subject)).toEqual([
      expect.stringContaining("Delivered once"),
    ]);

    // "restart": a new transport and a new run, much later; the delivered one stays delivered
    const after = createMailTransport({ SMTP_URL: smtpUrl });
    await sendDueEmails(outbox, after, new Date(t0.getTime() + LEASE_MS - 1));
    expect(to(resident.email)).toHaveLength(1);
    await sendDueEmails(outbox, after, new Date(t0.getTime() + LEASE_MS));
    await sendDueEmails(outbox, after, new Date(t0.getTime() + 10 * LEASE_MS));
    after.close();
    expect(to(resident.email).map((m) => m.subject)).toEqual([
      expect.stringContaining("Delivered once"),
      expect.stringContaining("Abandoned mid-send"),
    ]);
    const rows = await emailRowsOf(resident.id);
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      [first!.id, "sent"],
      [second!.id, "sent"],
    ]);
    expect(await queueImmediateEmails(outbox)).toBe(0);
  });
});

describe("people who stop email before it goes out", () => {
  it("get nothing that was queued for them: unsubscribed, banned or deleted", async () => {
    const db = await getDb();
    const [quitter, banned, leaver, stayer] = await Promise.all([
      createTestUser(),
      createTestUser(),
      createTestUser(),
      createTestUser(),
    ]);
    const everyone = [quitter!, banned!, leaver!, stayer!];
    await db
      .update(users)
      .set({ emailFrequency: "immediately" })
      .where(
        inArray(
          users.id,
          everyone.map((u) => u.id),
        ),
      );
    const { city } = await approvedUpdatesFor(quitter!, ["Queued before they left"]);
    await insertFollows(banned!.id, [city.id]);
    await insertFollows(leaver!.id, [city.id]);
    await insertFollows(stayer!.id, [city.id]);
    await approvedUpdatesFor(stayer!, ["Second city news"]);
    const [second] = await db
      .select()
      .from(policyUpdates)
      .where(eq(policyUpdates.title, "Queued before they left"));
    // a second approval in the first city, so all four have something queued
    const volunteer = await createTestUser();
    const moderator = await createTestUser({ role: "moderator" });
    const [late] = await insertUpdates([
      {
        jurisdictionId: second!.jurisdictionId,
        authorId: volunteer.id,
        title: "Queued for all four",
      },
    ]);
    actAs(moderator);
    expect(
      (
        await decideSubmission({
          type: "update",
          id: late!,
          version: 1,
          decision: "approve",
          reason: "",
        })
      ).ok,
    ).toBe(true);
    await queueImmediateEmails(outbox);
    for (const u of everyone) expect((await emailRowsOf(u.id)).length).toBeGreaterThan(0);

    actAs(null);
    const token = unsubscribeToken(quitter!.id);
    expect((await unsubscribeWithToken(token)).ok).toBe(true);
    await db.update(users).set({ bannedAt: new Date() }).where(eq(users.id, banned!.id));
    actAs(leaver!);
    expect(
      (await deleteOwnAccount({ password: leaver!.password, confirm: "delete my account" })).ok,
    ).toBe(true);

    const transport = smtp();
    await sendDueEmails(outbox, transport, at("2032-01-01T00:00:00Z"));
    transport.close();
    for (const u of [quitter!, banned!, leaver!]) {
      expect(to(u.email)).toHaveLength(0);
      expect((await emailRowsOf(u.id)).map((r) => r.status)).toEqual(
        (await emailRowsOf(u.id)).map(() => "cancelled"),
      );
    }
    expect(to(stayer!.email).length).toBeGreaterThan(0);
    // the deleted account's address and text are gone from the outbox too
    for (const row of await emailRowsOf(leaver!.id)) {
      expect([row.toAddress, row.subject, row.textBody]).toEqual(["", "", ""]);
    }
    const [left] = await db.select().from(users).where(eq(users.id, leaver!.id));
    expect(left!.feedToken).toBeNull();
    expect(
      await db.select().from(notifications).where(eq(notifications.userId, leaver!.id)),
    ).toEqual([]);
  });
});

describe("the outbox under pressure", () => {
  /** A resident on "immediately" following a city where `titles` get approved; emails queued. */
  async function queuedFor(titles: string[]) {
    const db = await getDb();
    const resident = await createTestUser();
    await db.update(users).set({ emailFrequency: "immediately" }).where(eq(users.id, resident.id));
    const scene = await approvedUpdatesFor(resident, titles);
    const transport = smtp();
    await sendDueEmails(outbox, transport, at("2033-01-01T00:00:00Z")); // what earlier tests left due
    transport.close();
    await queueImmediateEmails(outbox);
    return { resident, ...scene };
  }

  it("gives up on an email the mail server refuses for good (5xx)", async () => {
    const { resident } = await queuedFor(["Refused for good"]);
    refuseNext = 1;
    refuseCode = 550;
    const transport = smtp();
    expect(await sendDueEmails(outbox, transport, at("2033-01-02T00:00:00Z"))).toEqual({
      sent: 0,
      failed: 1,
    });
    await sendDueEmails(outbox, transport, at("2033-02-01T00:00:00Z"));
    transport.close();
    const [row] = await emailRowsOf(resident.id);
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(to(resident.email)).toHaveLength(0);
  });

  it("a sender whose lease was taken over cannot mark the email sent", async () => {
    const db = await getDb();
    const { resident } = await queuedFor(["Lease taken over"]);
    const [queued] = await emailRowsOf(resident.id);
    // While this sender is sending, another takes the row over (its lease ran out).
    const slow = {
      describe: "test",
      close: () => {},
      send: async () => {
        await db
          .update(emails)
          .set({ claimToken: "another-sender" })
          .where(eq(emails.id, queued!.id));
      },
    };
    await sendDueEmails(outbox, slow, at("2033-03-01T00:00:00Z"));
    const [row] = await emailRowsOf(resident.id);
    expect(row).toMatchObject({ status: "pending", claimToken: "another-sender" });
    // (out of the way of the next tests, which send whatever is due)
    await db.update(emails).set({ status: "cancelled" }).where(eq(emails.id, queued!.id));
  });

  it("sends single emails before digests", async () => {
    const db = await getDb();
    const early = await createTestUser(); // daily: gets a digest
    const { resident } = await queuedFor(["Single before digest"]);
    await db.insert(emails).values({
      userId: early.id,
      dedupeKey: `digest:${early.id}:test`,
      toAddress: early.email,
      subject: "An older digest",
      textBody: "…",
      unsubscribeUrl: "https://citywatch.test/unsubscribe?token=x",
      priority: 1,
      nextAttemptAt: at("2020-01-01T00:00:00Z"),
    });
    const transport = smtp();
    expect(await sendDueEmails(outbox, transport, at("2033-04-01T00:00:00Z"), { max: 1 })).toEqual({
      sent: 1,
      failed: 0,
    });
    transport.close();
    expect(to(resident.email)).toHaveLength(1);
    expect(to(early.email)).toHaveLength(0);
  });

  it("two senders at once deliver each email exactly once", async () => {
    const titles = Array.from({ length: 8 }, (_, i) => `Concurrent update ${i}`);
    const { resident } = await queuedFor(titles);
    expect(await emailRowsOf(resident.id)).toHaveLength(8);
    const [a, b] = [smtp(), smtp()];
    const now = at("2033-05-01T00:00:00Z");
    const results = await Promise.all([
      sendDueEmails(outbox, a, now),
      sendDueEmails(outbox, b, now),
    ]);
    a.close();
    b.close();
    expect(results[0].sent + results[1].sent).toBe(8);
    const subjects = to(resident.email).map((m) => m.subject);
    expect(subjects).toHaveLength(8);
    expect(new Set(subjects).size).toBe(8);
  });

  it("hiding an update withdraws unsent emails that tell of it; a digest's other news waits for the next", async () => {
    const db = await getDb();
    const immediate = await createTestUser();
    const daily = await createTestUser();
    await db.update(users).set({ emailFrequency: "immediately" }).where(eq(users.id, immediate.id));
    const { city, ids } = await approvedUpdatesFor(immediate, ["Soon hidden", "Stays public"]);
    await insertFollows(daily.id, [city.id]);
    // the daily follower needs the news too: approve two more there
    const volunteer = await createTestUser();
    const moderator = await createTestUser({ role: "moderator" });
    const [hiddenLater, kept] = await insertUpdates([
      { jurisdictionId: city.id, authorId: volunteer.id, title: "Hidden from the digest" },
      { jurisdictionId: city.id, authorId: volunteer.id, title: "Kept for the next digest" },
    ]);
    actAs(moderator);
    for (const id of [hiddenLater!, kept!]) {
      expect(
        (
          await decideSubmission({
            type: "update",
            id,
            version: 1,
            decision: "approve",
            reason: "",
          })
        ).ok,
      ).toBe(true);
    }
    await queueImmediateEmails(outbox);
    await queueDigests(outbox, at("2034-01-01T12:00:00Z"));
    expect((await emailRowsOf(daily.id)).map((r) => r.status)).toEqual(["pending"]);

    actAs(moderator);
    expect((await setUpdateVisibility({ id: ids[0]!, action: "hide", reason: "Wrong" })).ok).toBe(
      true,
    );
    expect(
      (await setUpdateVisibility({ id: hiddenLater!, action: "hide", reason: "Wrong" })).ok,
    ).toBe(true);

    const transport = smtp();
    await sendDueEmails(outbox, transport, at("2034-01-01T12:30:00Z"));
    transport.close();
    const single = to(immediate.email).map((m) => m.subject);
    expect(single.some((s) => s?.includes("Soon hidden"))).toBe(false);
    expect(single.some((s) => s?.includes("Stays public"))).toBe(true);
    expect(to(daily.email)).toHaveLength(0);
    expect((await emailRowsOf(daily.id)).map((r) => r.status)).toEqual(["cancelled"]);
    // the next day's digest carries what is still public, and not what was hidden
    await queueDigests(outbox, at("2034-01-02T12:00:00Z"));
    const [, next] = await emailRowsOf(daily.id);
    expect(next!.textBody).toContain("Kept for the next digest");
    expect(next!.textBody).not.toContain("Hidden from the digest");
  });
});

describe("account emails (verification, reset)", () => {
  it("a sign-up's verification email arrives by SMTP at once, in plain text, and its link confirms the address", async () => {
    const { createAccount } = await import("@/lib/dal/people/auth");
    const { GET: verifyGet } = await import("@/app/(auth)/verify-email/route");
    const email = `verify-${Date.now()}@example.test`;
    expect(
      await createAccount(
        { name: "Vera Verify", email, password: "a long enough passphrase" },
        "smtp-ip-1",
      ),
    ).toEqual({ ok: true, data: null });
    const [row] = await getDbRows(email);
    expect(row!.emailVerifiedAt).toBeNull();

    // due now, before news: no need to wait for a later "now"
    const transport = smtp();
    await sendDueEmails(outbox, transport, new Date());
    transport.close();
    const [mail] = to(email);
    expect(mail?.subject).toBe("CityWatch: confirm your email address");
    expect(mail!.text).toContain("Hello Vera Verify,");
    expect(mail!.html).toBe(false);
    // an account email has no unsubscribe: it goes out whatever the setting
    expect(rawHeader(mail!, "list-unsubscribe")).toBeUndefined();
    const link = /(https:\/\/citywatch\.test\/verify-email\?token=[A-Za-z0-9_-]+)/.exec(
      mail!.text ?? "",
    )?.[1];
    expect(link).toBeDefined();

    const response = await verifyGet(new NextRequest(link!));
    expect(response.status).toBe(303);
    expect(new URL(response.headers.get("location")!).pathname).toBe("/verify-email/done");
    expect(new URL(response.headers.get("location")!).searchParams.get("result")).toBe("verified");
    expect((await getDbRows(email))[0]!.emailVerifiedAt).not.toBeNull();
  });

  it("a reset email arrives by SMTP, its link sets the password, and a notice of the change follows", async () => {
    const { requestPasswordReset, resetPassword } = await import("@/lib/dal/people/password-reset");
    const { verifyCredentials } = await import("@/lib/dal/people/auth");
    const user = await createTestUser({ name: "Rob Reset" });
    expect(await requestPasswordReset({ email: user.email }, "smtp-ip-2")).toEqual({
      ok: true,
      data: null,
    });
    let transport = smtp();
    await sendDueEmails(outbox, transport, new Date());
    transport.close();
    const [mail] = to(user.email);
    expect(mail?.subject).toBe("CityWatch: reset your password");
    expect(mail!.html).toBe(false);
    const token = /https:\/\/citywatch\.test\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(
      mail!.text ?? "",
    )?.[1];
    expect(token).toBeDefined();

    const newPassword = "an entirely new passphrase";
    expect(await resetPassword({ token: token!, newPassword })).toEqual({ ok: true, data: null });
    expect(
      (await verifyCredentials({ email: user.email, password: newPassword }, "smtp-ip-3")).ok,
    ).toBe(true);
    transport = smtp();
    await sendDueEmails(outbox, transport, new Date());
    transport.close();
    expect(to(user.email).map((m) => m.subject)).toEqual([
      "CityWatch: reset your password",
      "CityWatch: your password was changed",
    ]);
  });

  it("an unconfirmed address gets account emails but no news", async () => {
    const db = await getDb();
    const resident = await createTestUser({ verified: false });
    await db.update(users).set({ emailFrequency: "immediately" }).where(eq(users.id, resident.id));
    await approvedUpdatesFor(resident, ["News for an unconfirmed address"]);
    expect(await queueImmediateEmails(outbox)).toBeGreaterThan(0);
    const transport = smtp();
    await sendDueEmails(outbox, transport, new Date());
    await outbox.cancelUnwantedEmails();
    transport.close();
    expect(to(resident.email)).toHaveLength(0);
    expect((await emailRowsOf(resident.id)).map((r) => r.status)).toEqual(["cancelled"]);
  });
});

async function getDbRows(email: string) {
  const db = await getDb();
  return db.select().from(users).where(eq(users.email, email));
}

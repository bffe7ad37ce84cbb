// "Several app instances on one Postgres behave as one": two servers on one
// database, requests split between them, at the same moment.
//
// Only on Postgres: PGlite is one process's embedded database, and two
// processes writing one folder would corrupt it, so the app's lock
// (db/pglite-lock.ts) refuses the second. On PGlite this file checks that
// refusal instead.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, onPostgres, type SystemDb } from "./database";
import { launchServer, startServer, waitForOutput, type AppServer } from "./server";
import { createUsers, DEMO_PASSWORD, tag } from "./users";
import {
  callFormAction,
  sessionCookie,
  signIn,
  type Caller,
  type FormState,
} from "../scripts/lib/http";

const PORT_A = 3211;
const PORT_B = 3212;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Rate-limit windows are fixed (they start at multiples of their length): a
 * burst that straddles a window's end would be counted in two windows, so
 * start it well inside one.
 */
async function insideOneWindow(windowSeconds: number, burstMs: number): Promise<void> {
  const windowMs = windowSeconds * 1000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < burstMs) await pause(left + 250);
}

/** Runs `tasks` with at most `limit` at a time. */
async function inBatches<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < tasks.length; i += limit) {
    results.push(...(await Promise.all(tasks.slice(i, i + limit).map((t) => t()))));
  }
  return results;
}

/** What the sign-in page says to a wrong password, and when a limit is reached. */
const WRONG = "The email or password is incorrect.";
const LIMITED = "Too many sign-in attempts. Try again in ";
// Over the per-account limit: a wrong password's answer, and when to try again.
const ACCOUNT_PAUSED = `${WRONG} After too many failed attempts, signing in to this account is paused: try again in `;
const count = <T>(xs: T[], p: (x: T) => boolean) => xs.filter(p).length;

if (onPostgres) {
  describe("two instances on one Postgres", () => {
    let db: SystemDb;
    let a: AppServer;
    let b: AppServer;
    let moderator: Caller & { id: number };
    let admin: Caller & { id: number };
    let residentId: number;
    const run = tag();

    beforeAll(async () => {
      db = await freshDatabase();
      // Started together: they migrate and seed the empty database under an advisory lock.
      [a, b] = await Promise.all([startServer(db, PORT_A), startServer(db, PORT_B)]);
      const ids = new Map(
        (
          await db.query<{ id: number; email: string }>(
            "select id, email from users where email like '%@example.org'",
          )
        ).map((r) => [r.email, r.id]),
      );
      residentId = ids.get("resident@example.org")!;
      // One moderator signs in on each instance; each uses its cookie on both.
      moderator = {
        id: ids.get("moderator@example.org")!,
        ip: "192.0.2.11",
        cookie: await sessionCookie(a.url, "moderator@example.org", DEMO_PASSWORD, "192.0.2.11"),
      };
      admin = {
        id: ids.get("admin@example.org")!,
        ip: "192.0.2.12",
        cookie: await sessionCookie(b.url, "admin@example.org", DEMO_PASSWORD, "192.0.2.12"),
      };
    });

    afterAll(async () => {
      await Promise.all([a?.stop("SIGKILL"), b?.stop("SIGKILL")]);
      await db?.drop();
    });

    /** Pending policy updates by the demo resident, written straight into the database. */
    async function pendingUpdates(n: number, what: string): Promise<number[]> {
      const rows = await db.query<{ id: number }>(
        `insert into policy_updates (jurisdiction_id, author_id, title, summary, source_url, effective_on, kind)
         select j.id, $1, $2 || ' ' || g, 'Pending for the two-instance test, decided by two moderators.',
                'https://example.org/two-instances', '2024-05-01', 'ordinance'
         from jurisdictions j, generate_series(1, $3::int) g
         where j.slug = 'boston-ma'
         returning id`,
        [residentId, `${what} ${run}`, n],
      );
      return rows.map((r) => r.id).sort((x, y) => x - y);
    }

    it("counts sign-in attempts from one IP across both instances against one limit", async () => {
      // RATE_LIMITS.signInPerIp: 50 per 15 minutes.
      const attempts = 70;
      const ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
      await insideOneWindow(15 * 60, 20_000);
      const results = await inBatches(
        Array.from(
          { length: attempts },
          (_, i) => () =>
            signIn(i % 2 ? b.url : a.url, `nobody-${run}-${i}@example.test`, "wrong password", ip),
        ),
        10,
      );
      const errors = results.map((r) => (r.ok ? "signed in" : r.error));
      expect(count(errors, (e) => e === WRONG)).toBe(50);
      expect(count(errors, (e) => e.startsWith(LIMITED))).toBe(attempts - 50);
      const [row] = await db.query<{ count: number }>(
        "select sum(count)::int as count from rate_limits where key = $1",
        [`signin:ip:${ip}`],
      );
      expect(row?.count).toBe(attempts);
    });

    it("counts sign-in attempts on one account across both instances against one limit", async () => {
      // RATE_LIMITS.signInPerAccount: 10 failures per 15 minutes, whatever the IP.
      const [victim] = await createUsers(db, `victim-${run}`, 1);
      const attempts = 24;
      await insideOneWindow(15 * 60, 20_000);
      const results = await inBatches(
        Array.from(
          { length: attempts },
          (_, i) => () =>
            signIn(i % 2 ? b.url : a.url, victim!.email, "wrong", `198.18.0.${i + 1}`),
        ),
        8,
      );
      const errors = results.map((r) => (r.ok ? "signed in" : r.error));
      expect(count(errors, (e) => e === WRONG)).toBe(10);
      expect(count(errors, (e) => e.startsWith(ACCOUNT_PAUSED))).toBe(attempts - 10);
      // Locked out on both instances, even with the right password.
      for (const server of [a, b]) {
        const right = await signIn(server.url, victim!.email, victim!.password, "198.18.1.1");
        expect(right.ok ? "signed in" : right.error).toMatch(
          /^The email or password is incorrect\. After too many failed attempts, signing in to this account is paused: try again in /,
        );
      }
    });

    it("lets one person post only the per-minute number of comments across both instances", async () => {
      // RATE_LIMITS.comment: 5 per minute for accounts older than a day.
      const [person] = await createUsers(db, `commenter-${run}`, 1);
      const cookie = await sessionCookie(a.url, person!.email, person!.password, "192.0.2.21");
      const attempts = 16;
      await insideOneWindow(60, 15_000);
      const results = await Promise.all(
        Array.from({ length: attempts }, (_, i) =>
          callFormAction(
            i % 2 ? b.url : a.url,
            "postCommentFormAction",
            [],
            { subject: "city:denver-co", body: `burst ${run} ${i}` },
            { cookie, ip: "192.0.2.21" },
            "/cities/denver-co",
          ),
        ),
      );
      expect(count(results, (r) => r.ok === true)).toBe(5);
      expect(
        count(results, (r) => !r.ok && /commenting faster than we allow/.test(r.formError ?? "")),
      ).toBe(attempts - 5);
      const [row] = await db.query<{ n: number }>(
        "select count(*)::int as n from comments where author_id = $1",
        [person!.id],
      );
      expect(row?.n).toBe(5);
    });

    it("gives a queue item to exactly one of two moderators claiming it at once", async () => {
      const ids = await pendingUpdates(10, "Claim");
      for (const [i, id] of ids.entries()) {
        // Each moderator on an instance of their own, sides swapped every time.
        const [viaA, viaB] = i % 2 ? [admin, moderator] : [moderator, admin];
        const [ra, rb] = await Promise.all([
          callFormAction(
            a.url,
            "claimAction",
            [],
            { type: "update", id: String(id) },
            viaA,
            `/moderation/updates/${id}`,
          ),
          callFormAction(
            b.url,
            "claimAction",
            [],
            { type: "update", id: String(id) },
            viaB,
            `/moderation/updates/${id}`,
          ),
        ]);
        expect([ra.ok, rb.ok].filter(Boolean), `claims of update ${id}`).toHaveLength(1);
        const [winner, loser] = ra.ok ? [viaA, rb] : [viaB, ra];
        expect(loser.ok ? "" : loser.formError).toMatch(/is reviewing this item/);
        const [row] = await db.query<{ claimed_by_id: number; claims: number }>(
          `select claimed_by_id,
             (select count(*)::int from audit_log where subject = $2 and action = 'update.claim') as claims
           from policy_updates where id = $1`,
          [id, `update:${id}`],
        );
        expect(row).toEqual({ claimed_by_id: winner.id, claims: 1 });
      }
    });

    it("decides each item exactly once when two moderators decide it at once on two instances", async () => {
      const ids = await pendingUpdates(20, "Decide");
      const names = new Map([
        [moderator.id, "Maya Moderator"],
        [admin.id, "Ada Admin"],
      ]);
      for (const [i, id] of ids.entries()) {
        const [viaA, viaB] = i % 2 ? [admin, moderator] : [moderator, admin];
        const decide = (url: string, who: Caller, decision: "approve" | "reject") =>
          callFormAction(
            url,
            "decideAction",
            [],
            {
              type: "update",
              id: String(id),
              version: "1",
              decision,
              reason: `system test ${decision}`,
            },
            who,
            `/moderation/updates/${id}`,
          );
        // One approves and the other rejects, so the stored status tells who won.
        const [ra, rb] = await Promise.all([
          decide(a.url, viaA, i % 4 < 2 ? "approve" : "reject"),
          decide(b.url, viaB, i % 4 < 2 ? "reject" : "approve"),
        ]);
        expect([ra.ok, rb.ok].filter(Boolean), `decisions on update ${id}`).toHaveLength(1);
        const winner = ra.ok ? viaA : viaB;
        const status = (ra.ok ? i % 4 < 2 : i % 4 >= 2) ? "approved" : "rejected";
        const loser: FormState = ra.ok ? rb : ra;
        expect(loser.ok ? "" : loser.formError).toBe(
          `Already decided by ${names.get(winner.id)} (${status}).`,
        );
        const [row] = await db.query(
          `select status, decided_by_id,
             (select count(*)::int from audit_log where subject = $2
               and action in ('update.approve', 'update.reject')) as decisions,
             (select count(*)::int from audit_log where subject = $2 and actor_id = $3) as by_winner,
             (select count(*)::int from notifications where update_id = $1
               and kind = 'submission_decided') as author_told
           from policy_updates where id = $1`,
          [id, `update:${id}`, winner.id],
        );
        expect(row, `update ${id}`).toEqual({
          status,
          decided_by_id: winner.id,
          decisions: 1,
          by_winner: 1,
          author_told: 1,
        });
      }
    });

    it("accepts a session from one instance on the other, and a ban on one ends it on the other", async () => {
      const [person] = await createUsers(db, `banned-${run}`, 1);
      const caller = {
        cookie: await sessionCookie(a.url, person!.email, person!.password, "192.0.2.31"),
        ip: "192.0.2.31",
      };
      const me = (url: string) =>
        fetch(`${url}/me`, { headers: { cookie: caller.cookie }, redirect: "manual" });
      const onB = await me(b.url);
      expect(onB.status).toBe(200);
      expect(await onB.text()).toContain("My cities");
      const follow = (url: string) =>
        callFormAction(
          url,
          "setFollowAction",
          [],
          { city: "seattle-wa", intent: "follow" },
          caller,
        );
      expect(await follow(b.url)).toMatchObject({ ok: true, data: { following: true } });

      const ban = await callFormAction(
        a.url,
        "banUserAction",
        [],
        { userId: String(person!.id), reason: "system test: ban across instances" },
        admin,
        "/admin/users",
      );
      expect(ban).toMatchObject({ ok: true });
      // B's very next request with the old cookie is refused (a ban also ends every session).
      const refused = await follow(b.url);
      expect(refused.ok ? "" : refused.formError).toMatch(
        /^(Your session has ended|Your account is banned)/,
      );
      const after = await me(b.url);
      expect(after.status).toBe(307);
      expect(after.headers.get("location")).toMatch(/\/login/);
      const signInAgain = await signIn(b.url, person!.email, person!.password, "192.0.2.32");
      expect(signInAgain.ok ? "signed in" : signInAgain.error).toMatch(/^This account is banned\./);
    });
  });
} else {
  describe("two servers on one PGlite folder", () => {
    let db: SystemDb;
    const servers: AppServer[] = [];

    afterAll(async () => {
      await Promise.all(servers.map((s) => s.stop("SIGKILL")));
      await db?.drop();
    });

    it("refuses the second server the database, and the first keeps working", async () => {
      db = await freshDatabase();
      const first = await startServer(db, PORT_A);
      servers.push(first);
      const dir = (db.env as { PGLITE_DIR: string }).PGLITE_DIR;
      const lock = path.join(path.dirname(dir), `${path.basename(dir)}.lock`);
      const owner = readFileSync(lock, "utf8");

      const second = launchServer(db, PORT_B);
      servers.push(second);
      await waitForOutput(second, /database could not be opened at start/);
      expect(second.output()).toContain(
        `The embedded database in ${dir} is open in another process (pid ${owner}).`,
      );
      // It stays up but answers every request that needs the database with an error.
      const health = await fetch(`${second.url}/api/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ status: "error", database: "pglite" });

      // The refused opener left the lock alone, and the first server reads and writes as before.
      expect(readFileSync(lock, "utf8")).toBe(owner);
      const cookie = await sessionCookie(
        first.url,
        "resident@example.org",
        DEMO_PASSWORD,
        "192.0.2.41",
      );
      const follow = await callFormAction(
        first.url,
        "setFollowAction",
        [],
        { city: "boston-ma", intent: "follow" },
        { cookie },
      );
      expect(follow).toMatchObject({ ok: true, data: { following: true } });
      expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
    });
  });
}

// "Nothing acknowledged is lost": a mixed write load over HTTP (comments,
// policy updates, follow/unfollow toggles) from many signed-in people, the
// server killed with SIGKILL in the middle of it, a new server on the same
// database; every write that got a success answer must be there, and the
// database must open clean (for PGlite: the dead server's lock taken over).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freshDatabase, type SystemDb } from "./database";
import { startServer, type AppServer } from "./server";
import { createUsers, tag } from "./users";
import { CITY_SLUGS } from "../e2e/cities-data";
import {
  ActionHttpError,
  callFormAction,
  isConnectionRefused,
  sessionCookie,
  type ActionResult,
  type FormState,
} from "../scripts/lib/http";

const PORT = 3201;
const CLIENTS = 12;
const USERS_PER_CLIENT = 3;
/**
 * The load runs at least MIN_LOAD_MS and until TARGET_ACKS writes were
 * acknowledged (the machine may be busy), at most MAX_LOAD_MS; then the kill,
 * with the clients still sending.
 */
const MIN_LOAD_MS = 3_000;
const MAX_LOAD_MS = 30_000;
const TARGET_ACKS = 250;
const CITIES: readonly string[] = CITY_SLUGS;

type Person = {
  id: number;
  cookie: string;
  ip: string;
  /** Set once the app refused one for the rate limit: no more of that kind from this person. */
  commentsLimited: boolean;
  updatesLimited: boolean;
  sent: number;
};

/** A follow pair's state as the last acknowledged toggle left it; `uncertain` once a toggle was cut. */
type FollowPair = { userId: number; city: string; following: boolean; uncertain: boolean };

type Ledger = {
  comments: { id: number; body: string; city: string }[];
  updates: { title: string }[];
  toggles: number;
  follows: Map<string, FollowPair>;
  refused: number;
  /** Requests sent before the kill that died with their connection: in flight at the kill. */
  inFlightAtKill: number;
  /** Requests after the kill that found nothing listening. */
  refusedConnections: number;
  /** 500s, undecodable answers, unexpected errors: a bug whenever it happens. */
  failures: string[];
};

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

let db: SystemDb | undefined;
let server: AppServer | undefined;

afterAll(async () => {
  await server?.stop("SIGKILL");
  await db?.drop();
});

describe("a server killed during a write load", () => {
  it("keeps every acknowledged write and opens clean on restart", async () => {
    db = await freshDatabase();
    const run = tag();
    // The first start migrates and seeds; the accounts go in while no server has the database.
    server = await startServer(db, PORT);
    await server.stop("SIGTERM");
    const accounts = await createUsers(db, `crash-${run}`, CLIENTS * USERS_PER_CLIENT);
    server = await startServer(db, PORT);
    const url = server.url;

    const people: Person[] = [];
    for (const [i, a] of accounts.entries()) {
      // One IP per person: the per-IP sign-in limit is not what this test is about.
      const ip = `10.1.${Math.floor(i / 200)}.${(i % 200) + 1}`;
      people.push({
        id: a.id,
        ip,
        cookie: await sessionCookie(url, a.email, a.password, ip),
        commentsLimited: false,
        updatesLimited: false,
        sent: 0,
      });
    }

    const ledger: Ledger = {
      comments: [],
      updates: [],
      toggles: 0,
      follows: new Map(),
      refused: 0,
      inFlightAtKill: 0,
      refusedConnections: 0,
      failures: [],
    };
    let killAt = Infinity;
    let stopped = false;

    /** One write by `p`; records it in the ledger if the app acknowledged it. */
    async function write(p: Person): Promise<void> {
      const city = pick(CITIES);
      const n = ++p.sent;
      const caller = { cookie: p.cookie, ip: p.ip };
      const roll = Math.random();
      const startedAt = Date.now();
      let pair: FollowPair | undefined;
      try {
        if (roll < 0.3 && !p.commentsLimited) {
          const body = `crash ${run} comment ${p.id}-${n}`;
          const r = await callFormAction(
            url,
            "postCommentFormAction",
            [],
            { subject: `city:${city}`, body },
            caller,
            `/cities/${city}`,
          );
          // It answers where the comment is shown: /cities/<city>#comment-<id>.
          const id = Number(/#comment-(\d+)$/.exec(r.redirectTo ?? "")?.[1]);
          if (r.ok && id > 0) ledger.comments.push({ id, body, city });
          else noteRefusal(r, /commenting faster/, () => (p.commentsLimited = true));
        } else if (roll < 0.6 && !p.updatesLimited) {
          const title = `Crash ${run} update ${p.id}-${n}`;
          const r = await callFormAction(
            url,
            "submitUpdateAction",
            [city],
            {
              title,
              summary: "Written during the crash test's load; it must survive the kill.",
              sourceUrl: "https://example.org/crash-test",
              effectiveOn: "2024-05-01",
              kind: "ordinance",
            },
            caller,
            `/cities/${city}/updates/new`,
          );
          if (r.ok) ledger.updates.push({ title });
          else noteRefusal(r, /many submissions/, () => (p.updatesLimited = true));
        } else {
          const key = `${p.id}:${city}`;
          pair = ledger.follows.get(key) ?? {
            userId: p.id,
            city,
            following: false,
            uncertain: false,
          };
          ledger.follows.set(key, pair);
          const follow = !pair.following;
          const r = await callFormAction(
            url,
            "setFollowAction",
            [],
            { city, intent: follow ? "follow" : "unfollow" },
            caller,
            `/cities/${city}`,
          );
          if (r.ok && (r.data as { following?: boolean } | undefined)?.following === follow) {
            pair.following = follow;
            pair.uncertain = false;
            ledger.toggles++;
          } else {
            ledger.failures.push(`toggle answered ${JSON.stringify(r)}`);
          }
        }
      } catch (error) {
        // A toggle that got no answer may or may not have happened.
        if (pair) pair.uncertain = true;
        if (error instanceof ActionHttpError || killAt === Infinity) {
          ledger.failures.push(String(error));
        } else if (isConnectionRefused(error) || startedAt >= killAt) {
          ledger.refusedConnections++;
        } else {
          ledger.inFlightAtKill++;
        }
      }
    }

    function noteRefusal(r: ActionResult<unknown> | FormState, limit: RegExp, onLimit: () => void) {
      if (!r.ok && limit.test(r.formError ?? "")) {
        ledger.refused++;
        onLimit();
      } else {
        ledger.failures.push(`answered ${JSON.stringify(r)}`);
      }
    }

    // Each client writes for its own people, one request at a time, so each
    // follow pair's toggles happen in order and its last answer is its state.
    const clients = Array.from({ length: CLIENTS }, async (_, c) => {
      const mine = people.slice(c * USERS_PER_CLIENT, (c + 1) * USERS_PER_CLIENT);
      for (let i = 0; !stopped; i++) await write(mine[i % mine.length]!);
    });

    const loadStart = Date.now();
    const acked = () => ledger.comments.length + ledger.updates.length + ledger.toggles;
    while (
      Date.now() - loadStart < MIN_LOAD_MS ||
      (acked() < TARGET_ACKS && Date.now() - loadStart < MAX_LOAD_MS)
    ) {
      await pause(100);
    }
    killAt = Date.now();
    await server.stop("SIGKILL");
    stopped = true;
    await Promise.all(clients);

    const acknowledged = acked();
    console.log(
      `[crash] ${db.kind}: acknowledged ${acknowledged} writes (${ledger.comments.length} comments, ` +
        `${ledger.updates.length} updates, ${ledger.toggles} follow toggles), ${ledger.refused} rate-limited, ` +
        `${ledger.inFlightAtKill} in flight at the kill, ${ledger.refusedConnections} refused after it`,
    );
    expect(ledger.failures).toEqual([]);
    expect(acknowledged).toBeGreaterThan(50);
    expect(ledger.comments.length).toBeGreaterThan(0);
    expect(ledger.updates.length).toBeGreaterThan(0);
    expect(ledger.toggles).toBeGreaterThan(0);
    expect(ledger.inFlightAtKill).toBeGreaterThan(0);

    if (db.kind === "pglite") {
      // The killed server's lock is left behind, naming a process that is gone.
      const dir = (db.env as { PGLITE_DIR: string }).PGLITE_DIR;
      const lock = path.join(path.dirname(dir), `${path.basename(dir)}.lock`);
      expect(existsSync(lock)).toBe(true);
      expect(() => process.kill(Number(readFileSync(lock, "utf8")), 0)).toThrow();
    }

    // The database opens clean: a new server takes it over and serves from it.
    server = await startServer(db, PORT);
    expect(server.output()).not.toMatch(/could not be opened|is open in another process/);
    const page = await fetch(`${url}/cities/boston-ma`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Boston");
    // What the app shows matches what it acknowledged: each person's follows...
    for (const p of people) {
      const query = CITIES.map((c) => `city=${c}`).join("&");
      const res = await fetch(`${url}/api/follows?${query}`, { headers: { cookie: p.cookie } });
      const states = (await res.json()) as Record<string, { following: boolean }>;
      for (const pair of ledger.follows.values()) {
        if (pair.userId !== p.id || pair.uncertain) continue;
        expect(states[pair.city]?.following, `user ${p.id} follows ${pair.city}`).toBe(
          pair.following,
        );
      }
    }
    // ...and each commented city's count covers the comments acknowledged there.
    const perCity = new Map<string, number>();
    for (const c of ledger.comments) perCity.set(c.city, (perCity.get(c.city) ?? 0) + 1);
    for (const [city, acked] of perCity) {
      const res = await fetch(`${url}/api/comments?on=city:${city}`);
      const list = (await res.json()) as { count: number };
      expect(list.count, `comments on ${city}`).toBeGreaterThanOrEqual(acked);
    }
    await server.stop("SIGTERM");

    // Row by row, through the database itself.
    const userIds = people.map((p) => p.id);
    const rows = await db.session(async (q) => ({
      comments: await q<{ id: number; body: string }>(
        "select id, body from comments where author_id = any($1::int[])",
        [userIds],
      ),
      updates: await q<{ id: number; title: string }>(
        "select id, title from policy_updates where author_id = any($1::int[])",
        [userIds],
      ),
      follows: await q<{ user_id: number; slug: string }>(
        `select f.user_id, j.slug from follows f join jurisdictions j on j.id = f.jurisdiction_id
         where f.user_id = any($1::int[])`,
        [userIds],
      ),
    }));
    const commentBodies = new Map(rows.comments.map((r) => [r.id, r.body]));
    const lostComments = ledger.comments.filter((c) => commentBodies.get(c.id) !== c.body);
    const updateTitles = new Set(rows.updates.map((r) => r.title));
    const lostUpdates = ledger.updates.filter((u) => !updateTitles.has(u.title));
    const followed = new Set(rows.follows.map((r) => `${r.user_id}:${r.slug}`));
    const wrongFollows = [...ledger.follows.entries()]
      .filter(([key, pair]) => !pair.uncertain && followed.has(key) !== pair.following)
      .map(([key, pair]) => `${key} should be ${pair.following ? "followed" : "not followed"}`);
    expect(lostComments).toEqual([]);
    expect(lostUpdates).toEqual([]);
    expect(wrongFollows).toEqual([]);
  });
});

// "Database outage": while Postgres is down, requests answer 503 within a few
// seconds (never hang, never 500); when it is back, the server serves again
// without a restart, and what it acknowledged before is still there.
//
// Postgres only, and without restarting the machine's Postgres (other tests and
// people use it): the app reaches its database through a TCP proxy
// (system/tcp-proxy.ts) that the test cuts, dropping every connection and
// hanging up on new ones, then restores.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_UNAVAILABLE_MESSAGE } from "../lib/http/database-outage.mjs";
import { callFormAction, sessionCookie, type Caller } from "../scripts/lib/http";
import { freshDatabase, type SystemDb } from "./database";
import { startServer, type AppServer } from "./server";
import { proxyDatabase, type TcpProxy } from "./tcp-proxy";
import { createUsers, tag } from "./users";

const PORT = 3251;
const CITY = "boston-ma";
const WORKERS = 4;
/** How long the database stays away. */
const OUTAGE_MS = 6_000;
/** No answer may take longer, outage or not. */
const MAX_ANSWER_MS = 5_000;
/** After the database is back, every kind of request must be served within this. */
const RECOVERY_MS = 10_000;
const FORM_ERROR = "The database is unavailable; nothing was saved. Try again in a minute.";

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Kind = "page" | "signed-in page" | "api" | "health";
const KINDS: Kind[] = ["page", "signed-in page", "api", "health"];
type Answer = { kind: Kind; path: string; at: number; ms: number; status: number; body: string };

describe("a database outage (Postgres restarting)", () => {
  let db: SystemDb;
  let proxy: TcpProxy;
  let server: AppServer;
  let resident: Caller;
  let n = 0;

  beforeAll(async () => {
    db = await freshDatabase();
    let viaProxy: string;
    ({ proxy, url: viaProxy } = await proxyDatabase(db));
    server = await startServer(db, PORT, { DATABASE_URL: viaProxy });
    const [user] = await createUsers(db, `outage-${tag()}`, 1);
    resident = {
      cookie: await sessionCookie(server.url, user!.email, user!.password, "198.51.100.7"),
      ip: "198.51.100.7",
    };
  });

  afterAll(async () => {
    await server?.stop("SIGTERM");
    await proxy?.close();
    await db?.drop();
  });

  /** When every kind of request was served again (200) after `since`, by the same server. */
  async function servedAgain(since: number): Promise<number | undefined> {
    while (Date.now() - since < RECOVERY_MS + 5_000) {
      const round = await Promise.all(KINDS.map((kind) => ask(kind, ++n)));
      if (round.every((a) => a.status === 200)) return Date.now();
      await pause(250);
    }
    return undefined;
  }

  /** One request of `kind`; a network error or a slow answer is recorded, not thrown. */
  async function ask(kind: Kind, n: number): Promise<Answer> {
    const path = {
      // Read afresh for every request (not from the cache), anonymously.
      page: `/comments?on=city:${CITY}&x=${n}`,
      "signed-in page": `/me?x=${n}`,
      api: `/api/comments?on=city:${CITY}`,
      health: "/api/health",
    }[kind];
    const at = Date.now();
    try {
      const res = await fetch(server.url + path, {
        headers: kind === "signed-in page" ? { cookie: resident.cookie! } : {},
        redirect: "manual",
        signal: AbortSignal.timeout(15_000),
      });
      const body = await res.text();
      return { kind, path, at, ms: Date.now() - at, status: res.status, body };
    } catch (error) {
      return { kind, path, at, ms: Date.now() - at, status: 0, body: String(error) };
    }
  }

  it("answers 503 at once while Postgres is away, and serves again when it is back", async () => {
    // A write acknowledged before the outage.
    const body = `Written before the outage ${tag()}`;
    const posted = await callFormAction(
      server.url,
      "postCommentFormAction",
      [],
      { subject: `city:${CITY}`, body },
      resident,
      `/cities/${CITY}`,
    );
    expect(posted).toMatchObject({ ok: true });

    // A light load: a few clients asking for every kind of request in turn.
    const answers: Answer[] = [];
    let stop = false;
    const load = Array.from({ length: WORKERS }, async (_, w) => {
      for (let i = w; !stop; i++) answers.push(await ask(KINDS[i % KINDS.length]!, ++n));
    });

    await pause(1_500);
    const cutAt = Date.now();
    proxy.cut();
    await pause(OUTAGE_MS / 2);
    // A form sent while the database is away says so, and keeps the words typed.
    const duringOutage = await callFormAction(
      server.url,
      "setFollowAction",
      [],
      { city: CITY, intent: "follow" },
      resident,
      `/cities/${CITY}`,
    );
    await pause(OUTAGE_MS / 2);
    const restoredAt = Date.now();
    proxy.restore();

    const recoveredAt = await servedAgain(restoredAt);
    stop = true;
    await Promise.all(load);

    // Asked after the cut and answered before the restore.
    const outage = answers.filter((a) => a.at >= cutAt && a.at + a.ms < restoredAt);
    const describe = (a: Answer) => `${a.status} ${a.path} in ${a.ms} ms: ${a.body.slice(0, 200)}`;

    // Never a hang: every answer, before, during and after, within the bound.
    expect(answers.filter((a) => a.ms > MAX_ANSWER_MS).map(describe)).toEqual([]);
    // Never a 500 or a dropped connection: 200 or 503, whatever the moment.
    expect(answers.filter((a) => a.status !== 200 && a.status !== 503).map(describe)).toEqual([]);
    // While the database was away every kind of request answered 503 (and only that once its
    // pooled connections were gone: everything asked a second after the cut).
    for (const kind of KINDS) {
      expect(
        outage.filter((a) => a.kind === kind && a.status === 503).length,
        kind,
      ).toBeGreaterThan(0);
    }
    expect(outage.filter((a) => a.at > cutAt + 1_000 && a.status !== 503).map(describe)).toEqual(
      [],
    );
    // Each 503 says what happened, in words for people or as JSON, and shows no stack.
    for (const a of outage.filter((x) => x.status === 503)) {
      if (a.kind === "health")
        expect(JSON.parse(a.body), a.path).toMatchObject({ status: "error" });
      else if (a.kind === "api")
        expect(JSON.parse(a.body), a.path).toEqual({
          error: "database_unavailable",
          message: DATABASE_UNAVAILABLE_MESSAGE,
        });
      else expect(a.body, a.path).toContain(DATABASE_UNAVAILABLE_MESSAGE);
      expect(a.body, a.path).not.toMatch(/\n\s+at |Error:|ECONNRE|Connection terminated/);
    }
    expect(duringOutage).toMatchObject({ ok: false, formError: FORM_ERROR });

    expect(recoveredAt, "served again after the database came back").toBeDefined();
    expect(recoveredAt! - restoredAt).toBeLessThan(RECOVERY_MS);
    expect(server.child.exitCode, "the server kept running").toBeNull();

    // What was acknowledged before the outage is there, in the database and on the page.
    expect(await db.query("select id from comments where body = $1", [body])).toHaveLength(1);
    const page = await ask("page", ++n);
    expect(page.body).toContain(body);
  });

  it("answers 503 within the connect timeout when Postgres takes connections and never answers", async () => {
    proxy.cut({ silent: true });
    // Two of each kind at once: some wait for a connection behind the others.
    const answers = await Promise.all([...KINDS, ...KINDS].map((kind) => ask(kind, ++n)));
    const restoredAt = Date.now();
    proxy.restore();
    const describe = (a: Answer) => `${a.status} ${a.path} in ${a.ms} ms`;
    expect(answers.filter((a) => a.status !== 503 || a.ms > MAX_ANSWER_MS).map(describe)).toEqual(
      [],
    );
    const recoveredAt = await servedAgain(restoredAt);
    expect(recoveredAt, "served again after the database came back").toBeDefined();
    expect(recoveredAt! - restoredAt).toBeLessThan(RECOVERY_MS);
  });
});

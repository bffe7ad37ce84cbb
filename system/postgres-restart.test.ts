// Postgres restarted under load, for real: three instances on a Postgres server
// of the test's own (system/private-postgres.ts), stopped with `pg_ctl stop -m
// fast` and started again while clients keep asking every instance. No answer
// takes more than 5 s, what fails during the outage is a 503, every instance
// serves again within 10 s of Postgres being back (no restart of the app), what
// was acknowledged before is still there, and the cache's LISTEN connection
// reconnects: a comment posted on one instance afterwards reaches the cached
// city page of the others. (system/database-outage.test.ts stages the outage
// on a TCP proxy instead, and covers a database that accepts and never answers.)
//
// Postgres only (vitest.system.config.ts), with the machine's Postgres binaries.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callFormAction, sessionCookie, type Caller } from "../scripts/lib/http";
import { startPrivatePostgres, type PrivatePostgres } from "./private-postgres";
import { startServer, type AppServer } from "./server";
import { createUsers, tag } from "./users";

const PORTS = [3291, 3292, 3293];
const PG_PORT = 55432;
const CITY = "boston-ma";
const WORKERS = 6;
/** How long Postgres stays stopped. */
const OUTAGE_MS = 4_000;
/** No answer may take longer, outage or not. */
const MAX_ANSWER_MS = 5_000;
/** After Postgres is back, every instance must serve every kind of request within this. */
const RECOVERY_MS = 10_000;
/**
 * After recovery, a comment posted on one instance is on the others' cached city page
 * within this: the listener reconnects with a backoff of at most 2 s, then re-reads
 * what it may have missed.
 */
const HEARD_MS = 3_000;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Kind = "page" | "signed-in page" | "api" | "health";
const KINDS: Kind[] = ["page", "signed-in page", "api", "health"];
type Answer = {
  instance: number;
  kind: Kind;
  path: string;
  at: number;
  ms: number;
  status: number;
  body: string;
};

describe("Postgres restarted under load (three instances)", () => {
  let pg: PrivatePostgres;
  let servers: AppServer[];
  let residents: Caller[];
  let n = 0;

  beforeAll(async () => {
    pg = await startPrivatePostgres(PG_PORT);
    servers = await Promise.all(PORTS.map((port) => startServer(pg.db, port)));
    const users = await createUsers(pg.db, `restart-${tag()}`, 2);
    residents = await Promise.all(
      users.map(async (user, i) => {
        const ip = `198.51.100.${20 + i}`;
        return { ip, cookie: await sessionCookie(servers[0]!.url, user.email, user.password, ip) };
      }),
    );
  });

  afterAll(async () => {
    await Promise.all((servers ?? []).map((s) => s.stop("SIGTERM")));
    await pg?.destroy();
  });

  /** One request of `kind` to one instance; a network error or a slow answer is recorded, not thrown. */
  async function ask(instance: number, kind: Kind): Promise<Answer> {
    const x = ++n;
    const path = {
      // Read afresh for every request (not from the cache), anonymously.
      page: `/comments?on=city:${CITY}&x=${x}`,
      "signed-in page": `/me?x=${x}`,
      api: `/api/comments?on=city:${CITY}`,
      health: "/api/health",
    }[kind];
    const at = Date.now();
    try {
      const res = await fetch(servers[instance]!.url + path, {
        headers: kind === "signed-in page" ? { cookie: residents[0]!.cookie! } : {},
        redirect: "manual",
        signal: AbortSignal.timeout(15_000),
      });
      const body = await res.text();
      return { instance, kind, path, at, ms: Date.now() - at, status: res.status, body };
    } catch (error) {
      return { instance, kind, path, at, ms: Date.now() - at, status: 0, body: String(error) };
    }
  }

  /** When `instance` answered every kind of request with 200 after `since`, or undefined. */
  async function servedAgain(instance: number, since: number): Promise<number | undefined> {
    while (Date.now() - since < RECOVERY_MS + 5_000) {
      const round = await Promise.all(KINDS.map((kind) => ask(instance, kind)));
      if (round.every((a) => a.status === 200)) return Date.now();
      await pause(200);
    }
    return undefined;
  }

  const comment = (instance: number, who: Caller, body: string) =>
    callFormAction(
      servers[instance]!.url,
      "postCommentFormAction",
      [],
      { subject: `city:${CITY}`, body },
      who,
      `/cities/${CITY}`,
    );

  it("answers 503 while Postgres is stopped, and every instance serves again when it is back", async () => {
    const before = `Acknowledged before the restart ${tag()}`;
    expect(await comment(0, residents[0]!, before)).toMatchObject({ ok: true });
    // Each instance's cache (and so its LISTEN connection) is in use before the outage.
    for (const s of servers) expect((await fetch(`${s.url}/cities/${CITY}`)).status).toBe(200);

    // Clients asking every instance for every kind of request in turn.
    const answers: Answer[] = [];
    let stop = false;
    const load = Array.from({ length: WORKERS }, async (_, w) => {
      for (let i = w; !stop; i++) {
        answers.push(await ask(i % servers.length, KINDS[i % KINDS.length]!));
      }
    });

    await pause(1_500);
    await pg.stop();
    const stoppedAt = Date.now();
    await pause(OUTAGE_MS);
    // Postgres may accept connections a while before `pg_ctl start -w` returns (it polls):
    // the outage ends, for the assertions, when the start begins.
    const startingAt = Date.now();
    await pg.start();
    const restoredAt = Date.now();
    const recovered = await Promise.all(servers.map((_, i) => servedAgain(i, restoredAt)));
    stop = true;
    await Promise.all(load);

    const show = (a: Answer) =>
      `#${a.instance} ${a.status} ${a.path} in ${a.ms} ms: ${a.body.slice(0, 200)}`;
    // Never a hang, never a 500 or a dropped connection: 200 or 503, whatever the moment.
    expect(answers.filter((a) => a.ms > MAX_ANSWER_MS).map(show)).toEqual([]);
    expect(answers.filter((a) => a.status !== 200 && a.status !== 503).map(show)).toEqual([]);
    // Asked a second after Postgres had stopped and answered before its start began: all
    // 503, and each instance answered some of each kind so.
    const outage = answers.filter((a) => a.at > stoppedAt + 1_000 && a.at + a.ms < startingAt);
    expect(outage.filter((a) => a.status !== 503).map(show)).toEqual([]);
    for (const [i] of servers.entries()) {
      for (const kind of KINDS) {
        expect(
          outage.some((a) => a.instance === i && a.kind === kind),
          `instance ${i}, ${kind}`,
        ).toBe(true);
      }
    }
    // Back within 10 s each, without a restart of the app.
    for (const [i, at] of recovered.entries()) {
      expect(at, `instance ${i} served again`).toBeDefined();
      expect(at! - restoredAt, `instance ${i}`).toBeLessThan(RECOVERY_MS);
      expect(servers[i]!.child.exitCode, `instance ${i} kept running`).toBeNull();
    }
    // Nothing acknowledged was lost.
    expect(await pg.db.query("select id from comments where body = $1", [before])).toHaveLength(1);

    // The cache's listeners reconnected: with each instance's city page cached again, a
    // comment posted through the first reaches the other two's.
    for (const s of servers) expect((await fetch(`${s.url}/cities/${CITY}`)).status).toBe(200);
    const after = `Posted after the restart ${tag()}`;
    expect(await comment(0, residents[1]!, after)).toMatchObject({ ok: true });
    const postedAt = Date.now();
    for (const s of servers.slice(1)) {
      for (;;) {
        const html = await (await fetch(`${s.url}/cities/${CITY}`)).text();
        if (html.includes(after)) break;
        expect(Date.now() - postedAt, `${s.url} shows the new comment`).toBeLessThan(HEARD_MS);
        await pause(50);
      }
    }
  });
});

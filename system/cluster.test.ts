// Three app instances on one Postgres behind nginx (deploy/nginx/citywatch.conf),
// round-robin, no sticky sessions: they behave as one site. Each instance keeps
// rendered pages in its own memory; whether one is still fresh is decided against
// tag expirations every instance hears (lib/cache/tag-expirations.mjs).
//
// Postgres only (vitest.system.config.ts): PGlite belongs to one process.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type SystemDb } from "./database";
import { holdCityRender } from "./locks";
import { startServer, type AppServer } from "./server";
import { DEMO_PASSWORD, tag } from "./users";
import { proxyDatabase, type TcpProxy } from "./tcp-proxy";
import { startNginx, watchHealth, type Nginx, type Upstream } from "../scripts/lib/nginx";
import { callFormAction, sessionCookie, signIn, type Caller } from "../scripts/lib/http";
import { SERVER_KEEP_ALIVE_MS } from "../lib/http/keep-alive.mjs";

const NGINX_PORT = 3270;
const PORTS = [3271, 3272, 3273];
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `url` until its page passes `check`; answers how long that took (ms), or fails after `ms`. */
async function untilPage(url: string, check: (html: string) => boolean, ms: number) {
  const started = Date.now();
  for (;;) {
    const html = await (await fetch(url)).text();
    if (check(html)) return Date.now() - started;
    if (Date.now() - started > ms) throw new Error(`${url} did not change within ${ms} ms`);
    await pause(20);
  }
}

describe("three instances behind nginx on one Postgres", () => {
  let db: SystemDb;
  let servers: AppServer[];
  let nginx: Nginx;
  /** The third instance reaches Postgres through this, so its database can be cut off. */
  let proxy: TcpProxy;
  let moderator: Caller;
  const run = tag();

  beforeAll(async () => {
    db = await freshDatabase();
    let viaProxy: string;
    ({ proxy, url: viaProxy } = await proxyDatabase(db));
    servers = await Promise.all(
      PORTS.map((port, i) => startServer(db, port, i === 2 ? { DATABASE_URL: viaProxy } : {})),
    );
    nginx = await startNginx(
      NGINX_PORT,
      PORTS.map((port) => ({ port })),
    );
    moderator = {
      ip: "192.0.2.51",
      cookie: await sessionCookie(
        servers[0]!.url,
        "moderator@example.org",
        DEMO_PASSWORD,
        "192.0.2.51",
      ),
    };
  });

  afterAll(async () => {
    await nginx?.stop();
    await Promise.all((servers ?? []).map((s) => s.stop("SIGKILL")));
    await proxy?.close();
    await db?.drop();
  });

  /** A pending update on `city` by the demo resident, written straight into the database. */
  async function pendingUpdate(city: string, title: string): Promise<number> {
    const [row] = await db.query<{ id: number }>(
      `insert into policy_updates (jurisdiction_id, author_id, title, summary, source_url, effective_on, kind)
       select j.id, u.id, $1, 'Approved on one instance, read on the others.',
              'https://example.org/cluster', '2024-05-01', 'ordinance'
       from jurisdictions j, users u
       where j.slug = $2 and u.email = 'resident@example.org'
       returning id`,
      [title, city],
    );
    return row!.id;
  }

  const approve = (server: AppServer, id: number) =>
    callFormAction(
      server.url,
      "decideAction",
      [],
      { type: "update", id: String(id), version: "1", decision: "approve", reason: "" },
      moderator,
      `/moderation/updates/${id}`,
    );

  it("shows an update approved through one instance on every other instance's cached page within a second", async () => {
    const city = "boston-ma";
    const title = `Cluster ordinance ${run}`;
    const id = await pendingUpdate(city, title);
    const [a, ...others] = servers;
    // Each other instance has the page in its cache, without the update.
    for (const server of others) {
      for (let i = 0; i < 2; i++) {
        const res = await fetch(`${server.url}/cities/${city}`);
        expect(await res.text()).not.toContain(title);
      }
      expect((await fetch(`${server.url}/cities/${city}`)).headers.get("x-nextjs-cache")).toBe(
        "HIT",
      );
    }

    expect(await approve(a!, id)).toMatchObject({ ok: true });
    const waits = await Promise.all(
      others.map((server) =>
        untilPage(`${server.url}/cities/${city}`, (html) => html.includes(title), 1_000),
      ),
    );
    for (const waited of waits) expect(waited).toBeLessThan(1_000);
    // And through nginx, whichever instance answers.
    for (let i = 0; i < PORTS.length * 2; i++) {
      expect(await (await fetch(`${nginx.url}/cities/${city}`)).text()).toContain(title);
    }
  });

  it("hides a comment hidden through one instance on every instance within a second", async () => {
    const city = "seattle-wa";
    const body = `A comment the cluster hides ${run}`;
    const [comment] = await db.query<{ id: number }>(
      `insert into comments (subject_type, subject_id, author_id, body)
       select 'city', j.id, u.id, $1 from jurisdictions j, users u
       where j.slug = $2 and u.email = 'resident@example.org'
       returning id`,
      [body, city],
    );
    for (const server of servers) {
      expect(await (await fetch(`${server.url}/cities/${city}`)).text()).toContain(body);
    }
    const hidden = await callFormAction(
      servers[1]!.url,
      "moderateCommentFormAction",
      [],
      { id: String(comment!.id), action: "hide", reason: "Off topic for this page." },
      moderator,
      `/cities/${city}`,
    );
    expect(hidden).toMatchObject({ ok: true });
    const waits = await Promise.all(
      servers.map((server) =>
        untilPage(`${server.url}/cities/${city}`, (html) => !html.includes(body), 1_000),
      ),
    );
    for (const waited of waits) expect(waited).toBeLessThan(1_000);
  });

  it("does not serve a render that began on one instance before a write made through another", async () => {
    const city = "denver-co";
    const title = `Held render across instances ${run}`;
    const id = await pendingUpdate(city, title);
    const [a, b] = servers;
    // B's render reads the city and its updates, then waits in the comments section.
    const held = await holdCityRender(db, b!, city);
    try {
      expect(await approve(a!, id)).toMatchObject({ ok: true });
      // B has heard of the write before its render finishes.
      await pause(200);
    } finally {
      await held.release();
    }
    expect(await held.html).not.toContain(title);
    expect(await (await fetch(`${b!.url}/cities/${city}`)).text()).toContain(title);
  });

  it("counts the review queue afresh on every instance after any change, however it was made", async () => {
    const waiting = async (server: AppServer) => {
      const html = await (
        await fetch(`${server.url}/moderation`, { headers: { cookie: moderator.cookie! } })
      ).text();
      const n = /(\d+) submissions? (?:is|are) waiting for review/.exec(
        html.replaceAll("<!-- -->", ""),
      );
      if (!n) throw new Error(`no count on /moderation:\n${html.slice(0, 2000)}`);
      return Number(n[1]);
    };
    const before = await Promise.all(servers.map(waiting));
    expect(new Set(before).size).toBe(1);
    // Written straight into the database: no invalidation, only the triggers' version.
    await pendingUpdate("chicago-il", `Queue count ${run}`);
    expect(await Promise.all(servers.map(waiting))).toEqual(before.map((n) => n + 1));
  });

  it("holds one sign-in limit per client across the instances, and ignores an address the client names", async () => {
    // RATE_LIMITS.signInPerIp: 50 per 15 minutes. Every attempt names another address;
    // nginx replaces it with the one that connected, so all 70 count against one.
    const windowMs = 15 * 60 * 1000;
    const left = windowMs - (Date.now() % windowMs);
    if (left < 20_000) await pause(left + 250);
    const results = [];
    for (let i = 0; i < 70; i += 10) {
      results.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, (_, j) =>
            signIn(
              nginx.url,
              `nobody-${run}-${i + j}@example.test`,
              "wrong password",
              `198.51.100.${i + j + 1}`,
            ),
          ),
        )),
      );
    }
    const errors = results.map((r) => (r.ok ? "signed in" : r.error));
    expect(errors.filter((e) => e === "The email or password is incorrect.")).toHaveLength(50);
    expect(errors.filter((e) => e.startsWith("Too many sign-in attempts."))).toHaveLength(20);
  });

  it("keeps an idle connection open longer than a client reuses it", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ status: number; port: number; keepAlive: string }>((resolve, reject) => {
        const req = http.get(`${servers[0]!.url}/api/health`, { agent }, (res) => {
          res.resume();
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              port: res.socket?.localPort ?? req.socket?.localPort ?? 0,
              keepAlive: String(res.headers["keep-alive"] ?? ""),
            }),
          );
        });
        req.on("error", reject);
      });
    try {
      const first = await get();
      expect(first.keepAlive).toBe(`timeout=${SERVER_KEEP_ALIVE_MS / 1000}`);
      // Node's default closes after 5 s idle, just as a client's agent reuses the socket.
      await pause(6_000);
      const second = await get();
      expect(second.status).toBe(200);
      expect(second.port).toBe(first.port); // the same connection, still open
    } finally {
      agent.destroy();
    }
  });

  it("takes an instance that cannot reach its database out of nginx, and back once it can", async () => {
    const changes: Upstream[][] = [];
    const stopWatching = watchHealth(nginx, PORTS, 200, (u) => changes.push(u));
    const statuses = async () => {
      const out = [];
      for (let i = 0; i < 12; i++) out.push((await fetch(`${nginx.url}/api/health`)).status);
      return out;
    };
    try {
      expect(await statuses()).toEqual(Array(12).fill(200));
      proxy.cut();
      const deadline = Date.now() + 10_000;
      while (changes.length === 0 && Date.now() < deadline) await pause(50);
      expect(changes.at(-1)?.map((u) => u.down)).toEqual([false, false, true]);
      // Without the health check, every third request would meet the cut-off instance's 503.
      expect(await statuses()).toEqual(Array(12).fill(200));
      proxy.restore();
      while (changes.length === 1 && Date.now() < deadline + 10_000) await pause(50);
      expect(changes.at(-1)?.map((u) => u.down)).toEqual([false, false, false]);
      expect((await fetch(`${servers[2]!.url}/api/health`)).status).toBe(200);
    } finally {
      stopWatching();
      proxy.restore();
    }
  });

  it("keeps answering through nginx when an instance dies", async () => {
    await servers[2]!.stop("SIGKILL");
    const statuses = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await fetch(`${nginx.url}/cities/boston-ma`)).status);
    }
    expect(statuses).toEqual(Array(12).fill(200));
  });
});

// A render held open across a write: the city page's render reads the city and its
// published updates, then its comments section waits for the comment count, which
// this test keeps locked while a moderator approves a new update through the app. The held render finishes
// after the write expired the page's tags; it must not be served afterwards.
// Next's own cache handler dated such a render from when it was stored, so it
// was served as fresh for a day (README › Caching).
//
// Postgres only (vitest.system.config.ts leaves it out on PGlite): holding a read
// open needs a second connection to the app's database, and PGlite has one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type SystemDb } from "./database";
import { holdCityRender } from "./locks";
import { startServer, type AppServer } from "./server";
import { DEMO_PASSWORD, tag } from "./users";
import { callFormAction, sessionCookie, type Caller } from "../scripts/lib/http";

const PORT = 3214;
const CITY = "boston-ma";

describe("a render that overlaps a write", () => {
  let db: SystemDb;
  let server: AppServer;
  let moderator: Caller;

  beforeAll(async () => {
    db = await freshDatabase();
    server = await startServer(db, PORT);
    moderator = {
      ip: "192.0.2.41",
      cookie: await sessionCookie(server.url, "moderator@example.org", DEMO_PASSWORD, "192.0.2.41"),
    };
  });

  afterAll(async () => {
    await server?.stop("SIGKILL");
    await db?.drop();
  });

  it("is not served once it finishes: the next reader gets the approved update", async () => {
    const title = `Held-render ordinance ${tag()}`;
    const [row] = await db.query<{ id: number }>(
      `insert into policy_updates (jurisdiction_id, author_id, title, summary, source_url, effective_on, kind)
       select j.id, u.id, $1, 'Approved while a render of the city page was in flight.',
              'https://example.org/render-race', '2024-05-01', 'ordinance'
       from jurisdictions j, users u
       where j.slug = $2 and u.email = 'resident@example.org'
       returning id`,
      [title, CITY],
    );

    // The page's render reads the city and its updates, then waits in the comments.
    const held = await holdCityRender(db, server, CITY);
    try {
      // Approving an update does not read comment counts: it finishes while the render waits.
      const approved = await callFormAction(
        server.url,
        "decideAction",
        [],
        { type: "update", id: String(row!.id), version: "1", decision: "approve", reason: "" },
        moderator,
        `/moderation/updates/${row!.id}`,
      );
      expect(approved).toMatchObject({ ok: true });
    } finally {
      await held.release();
    }

    // The held render read the updates before the approval: it has the old list.
    const heldHtml = await held.html;
    expect(heldHtml).toContain("Boston");
    expect(heldHtml).not.toContain(title);

    // It finished after the approval expired the page: the next reader gets a fresh render.
    const next = await (await fetch(`${server.url}/cities/${CITY}`)).text();
    expect(next).toContain(title);
  });
});

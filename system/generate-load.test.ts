// `npm run db:generate-load`: the data set the benchmarks run on, checked at
// a small size on the run's database: the counts it promises, a refusal to
// run twice, and an app that serves the generated rows.
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type SystemDb } from "./database";
import { startServer, type AppServer } from "./server";

const PORT = 3231;
const SIZES = ["--cities", "40", "--users", "60", "--updates", "400", "--comments", "2000"];

function generate(db: SystemDb, args: string[]) {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/generate-load.ts", ...args],
    {
      env: { ...process.env, DATABASE_URL: "", PGLITE_DIR: "", ...db.env },
      encoding: "utf8",
    },
  );
  return { status: result.status, output: result.stdout + result.stderr };
}

describe("db:generate-load", () => {
  let db: SystemDb;
  let server: AppServer | undefined;

  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(async () => {
    await server?.stop("SIGKILL");
    await db?.drop();
  });

  it("asks for a database the app has created first", async () => {
    const result = generate(db, SIZES);
    expect(result.status).toBe(1);
    expect(result.output).toContain("start the app once");
  });

  it("adds the rows it promises, once, and the app serves them", async () => {
    server = await startServer(db, PORT);
    await server.stop();

    const first = generate(db, SIZES);
    expect(first.output).toContain("the database now holds");
    expect(first.status).toBe(0);
    const [counts] = await db.query<Record<string, number>>(`
      select (select count(*)::int from jurisdictions) as cities,
             (select count(*)::int from users where email like 'load-user-%') as users,
             (select count(*)::int from follows f join users u on u.id = f.user_id
               where u.email like 'load-user-%') as follows,
             (select count(*)::int from policy_updates where title like 'Load update %') as updates,
             (select count(*)::int from policy_updates
               where title like 'Load update %' and status = 'pending') as pending,
             (select count(*)::int from comments where body like 'Load %') as comments,
             (select n from comment_counts where subject_type = 'city'
               and subject_id = (select id from jurisdictions where slug = 'boston-ma')) as boston_count,
             (select count(*)::int from comments where subject_type = 'city'
               and subject_id = (select id from jurisdictions where slug = 'boston-ma')) as boston_rows`);
    expect(counts).toMatchObject({
      cities: 40,
      users: 60,
      updates: 400,
      pending: 20,
      comments: 2000,
    });
    // Everyone follows 1 to 10 cities.
    expect(counts!.follows).toBeGreaterThanOrEqual(60);
    expect(counts!.follows).toBeLessThanOrEqual(600);
    // The visible-comment counts are right after the bulk load.
    expect(counts!.boston_count).toBe(counts!.boston_rows);

    const again = generate(db, SIZES);
    expect(again.status).toBe(1);
    expect(again.output).toContain("already has the generated rows");

    server = await startServer(db, PORT);
    const city = await fetch(`${server.url}/cities/load-city-1-al`);
    expect(city.status).toBe(200);
    expect(await city.text()).toContain("Load City 1");
    const comments = await (await fetch(`${server.url}/api/comments?on=city:boston-ma`)).text();
    expect(comments).toContain("Load thread");
    await server.stop();
  });
});

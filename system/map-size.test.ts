// /map with 1,000 jurisdictions (the load generator's, in every state): its HTML
// plus the SVG document it frames stays under the 150 KB budget (QUALITY.md),
// with a marker link for every place inside Albers USA.
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isInsideState } from "../lib/geo/state-bounds";
import { freshDatabase, type SystemDb } from "./database";
import { startServer, type AppServer } from "./server";

const PORT = 3233;
const BUDGET = 150_000; // bytes: "150 KB" read strictly

describe("/map with 1,000 jurisdictions", () => {
  let db: SystemDb;
  let server: AppServer | undefined;

  beforeAll(async () => {
    db = await freshDatabase();
    server = await startServer(db, PORT); // migrates and seeds the fifteen
    await server.stop();
    const load = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/generate-load.ts",
        ...["--cities", "1000", "--users", "10", "--updates", "20", "--comments", "20"],
      ],
      { env: { ...process.env, DATABASE_URL: "", PGLITE_DIR: "", ...db.env }, encoding: "utf8" },
    );
    expect(load.status, load.stdout + load.stderr).toBe(0);
    server = await startServer(db, PORT);
  });
  afterAll(async () => {
    await server?.stop("SIGKILL");
    await db?.drop();
  });

  it("puts every load city inside its state", async () => {
    // every page of the API, 96 at a time
    type City = { slug: string; state: string; latitude: number; longitude: number };
    const cities: City[] = [];
    let next: string | null = "/api/cities?per=96";
    while (next) {
      const page: { cities: City[]; next: string | null } = await fetch(
        `${server!.url}${next}`,
      ).then((r) => r.json());
      cities.push(...page.cities);
      next = page.next;
    }
    expect(cities).toHaveLength(1000);
    const outside = cities.filter((c) => !isInsideState(c.state, c.latitude, c.longitude));
    expect(outside.map((c) => c.slug)).toEqual([]);
    expect(new Set(cities.map((c) => c.state)).size).toBe(51);
  });

  it("sends /map's HTML and its SVG in under 150 KB, with a link per place", async () => {
    const page = await fetch(`${server!.url}/map`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const frame = await fetch(`${server!.url}/map/frame`);
    expect(frame.status).toBe(200);
    const svg = await frame.text();
    const bytes = Buffer.byteLength(html) + Buffer.byteLength(svg);
    console.log(
      `/map: HTML ${Buffer.byteLength(html)} B + framed SVG ${Buffer.byteLength(svg)} B = ${bytes} B`,
    );
    expect(bytes).toBeLessThan(BUDGET);
    // 985 load cities and the fifteen seeded, all in the fifty states and DC (inside Albers USA).
    expect(svg.match(/<a /g)).toHaveLength(1000);
    expect(svg).toContain('aria-label="Load City 985"');
    expect(html).toContain('title="Map of the United States: one link per city or county"');
  });

  it("lists one state at a time when there are this many places", async () => {
    const html = await (await fetch(`${server!.url}/map?state=AL`)).text();
    expect(html).toContain('href="/cities/load-city-1-al"');
    expect(html).not.toContain('href="/cities/load-city-2-ak"');
    expect(html).toContain('href="/map?state=AK#places"');
  });
});

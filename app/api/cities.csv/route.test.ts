import { parse } from "csv-parse/sync";
import { eq, and } from "drizzle-orm";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { jurisdictions, policyFacts } from "@/db/schema";
import { exportCities } from "@/lib/dal/open-data/cities";
import { POLICY_FIELD_KEYS } from "@/lib/policy-fields";
import { createTestCity, factsOf } from "@/test/edits";
import { unique } from "@/test/users";
import { GET } from "./route";

const ORIGIN = "https://citywatch.test";
const get = (query = "") => GET(new NextRequest(`${ORIGIN}/api/cities.csv${query}`));
/** Every batch a generator yields (Array.fromAsync is Node 22). */
async function collect<T>(batches: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const b of batches) out.push(b);
  return out;
}
const rowsOf = async (response: Response) =>
  parse(await response.text(), { columns: true }) as Record<string, string>[];

/** Text a spreadsheet or a naive CSV writer would trip on; Postgres text holds no NUL. */
const hostile = (tag: string) => ({
  name: `=HYPERLINK("http://evil.example","Click") ${tag}`,
  summary: `+1, "quoted", and\na second line\r\nand a third ${tag}`,
  detail: `@SUM(A1:A9) -- "x",y\n${tag}`,
  sourceUrl: `-https://example.gov/?a=1,b="2" ${tag}`,
});

describe("GET /api/cities.csv", () => {
  it("streams every jurisdiction as a CSV attachment, each field beside its source and date", async () => {
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="citywatch-cities.csv"',
    );
    expect(response.headers.get("link")).toContain("creativecommons.org/licenses/by/4.0");
    const rows = await rowsOf(response);
    const boston = rows.find((r) => r.slug === "boston-ma")!;
    expect(boston).toMatchObject({
      url: `${ORIGIN}/cities/boston-ma`,
      name: "Boston",
      state: "MA",
      kind: "city",
    });
    // (its leader may have been edited by another file's test on a shared Postgres database)
    expect(boston.leader_name).not.toBe("");
    expect(boston.leader_as_of).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(boston.leader_source_url).toMatch(/^https?:\/\//);
    expect(Number(boston.population)).toBeGreaterThan(600_000);
    // coordinates are numbers, not text: a negative longitude is not "neutralised"
    expect([boston.latitude, boston.longitude]).toEqual(["42.3601", "-71.0589"]);
    for (const field of POLICY_FIELD_KEYS) {
      expect(boston[field], field).not.toBe("");
      expect(boston[`${field}_source_url`], field).toMatch(/^https?:\/\//);
      expect(boston[`${field}_as_of`], field).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    // slug order, every seeded place
    const slugs = rows.map((r) => r.slug);
    expect(slugs).toEqual([...slugs].sort());
    expect(slugs).toEqual(expect.arrayContaining(["new-york-ny", "milwaukee-county-wi"]));
  });

  it("round-trips hostile text through a CSV parser, formulas neutralised", async () => {
    const city = await createTestCity();
    const tag = unique();
    const h = hostile(tag);
    const db = await getDb();
    await db
      .update(jurisdictions)
      .set({ name: h.name, summary: h.summary })
      .where(eq(jurisdictions.id, city.id));
    await db
      .update(policyFacts)
      .set({ detail: h.detail, sourceUrl: h.sourceUrl, value: "-1" })
      .where(
        and(eq(policyFacts.jurisdictionId, city.id), eq(policyFacts.field, "federal_actions")),
      );

    const rows = await rowsOf(await get("?state=ZZ"));
    const row = rows.find((r) => r.slug === city.slug)!;
    expect(row.name).toBe(`'${h.name}`);
    expect(row.summary).toBe(`'${h.summary}`);
    expect(row.federal_actions).toBe("'-1");
    expect(row.federal_actions_detail).toBe(`'${h.detail}`);
    expect(row.federal_actions_source_url).toBe(`'${h.sourceUrl}`);
    // the fields around them are intact
    const facts = await factsOf(city.id);
    expect(row.ice_detainers).toBe(facts.ice_detainers!.value);
    expect(row.ice_detainers_detail).toBe(facts.ice_detainers!.detail);
  });

  it("filters by state", async () => {
    const rows = await rowsOf(await get("?state=CA"));
    expect(rows.map((r) => r.slug).sort()).toEqual([
      "los-angeles-ca",
      "oakland-ca",
      "san-francisco-ca",
      "san-jose-ca",
    ]);
    expect(await rowsOf(await get("?state=QQ"))).toEqual([]);
  });

  it.each(["?state=ca", "?state=CA&state=NY", "?format=xlsx", "?state=%00"])(
    "answers %s with a 400 that says why",
    async (query) => {
      const response = await get(query);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: string; message: string };
      expect(body.error).toBe("bad_request");
      expect(body.message.length).toBeGreaterThan(5);
    },
  );

  it("reads in keyset batches that add up to the whole list", async () => {
    for (let i = 0; i < 3; i++) await createTestCity();
    const whole = (await collect(exportCities({ state: "ZZ" }, 10_000))).flat();
    const batches = await collect(exportCities({ state: "ZZ" }, 2));
    expect(whole.length).toBeGreaterThanOrEqual(3);
    expect(batches.every((b) => b.length <= 2)).toBe(true);
    expect(batches.flat().map((c) => c.slug)).toEqual(whole.map((c) => c.slug));
  });
});

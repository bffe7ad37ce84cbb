import { parse } from "csv-parse/sync";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { exportPublishedUpdates } from "@/lib/dal/open-data/updates";
import { createTestCity } from "@/test/edits";
import { insertUpdates } from "@/test/updates";
import { createTestUser, unique, type TestUser } from "@/test/users";
import { GET } from "./route";

const ORIGIN = "https://citywatch.test";
const get = (query = "") => GET(new NextRequest(`${ORIGIN}/api/updates.csv${query}`));
const rowsOf = async (response: Response) =>
  parse(await response.text(), { columns: true }) as Record<string, string>[];

let author: TestUser;
let mod: TestUser;
beforeAll(async () => {
  author = await createTestUser();
  mod = await createTestUser({ role: "moderator" });
});

const decided = (at: Date) => ({ decidedById: mod.id, decidedAt: at });

describe("GET /api/updates.csv", () => {
  it("holds published updates only, oldest first, as a CSV attachment", async () => {
    const city = await createTestCity();
    const tag = unique();
    const at = new Date(Date.UTC(2024, 4, 1, 12));
    const base = { jurisdictionId: city.id, authorId: author.id };
    const [approved, pending, rejected, hidden, withdrawn, approved2] = await insertUpdates([
      { ...base, title: `Approved ${tag}`, status: "approved", ...decided(at) },
      { ...base, title: `Pending ${tag}` },
      { ...base, title: `Rejected ${tag}`, status: "rejected", ...decided(at) },
      { ...base, title: `Hidden ${tag}`, status: "hidden", ...decided(at) },
      { ...base, title: `Withdrawn ${tag}`, status: "withdrawn" },
      {
        ...base,
        title: `Second ${tag}`,
        status: "approved",
        kind: "court_ruling",
        ...decided(at),
      },
    ]);
    const response = await get(`?city=${city.slug}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="citywatch-updates.csv"',
    );
    const rows = await rowsOf(response);
    expect(rows.map((r) => Number(r.id))).toEqual([approved, approved2]);
    for (const id of [pending, rejected, hidden, withdrawn]) {
      expect(rows.map((r) => Number(r.id))).not.toContain(id);
    }
    expect(rows[0]).toEqual({
      id: String(approved),
      url: `${ORIGIN}/updates/${approved}`,
      city_slug: city.slug,
      city_name: expect.stringContaining("Test City"),
      state: "ZZ",
      kind: "ordinance",
      title: `Approved ${tag}`,
      summary: "The council voted to limit cooperation with federal detainers.",
      effective_on: "2017-04-24",
      source_url: "https://example.gov/minutes/2017-04-24",
      published_at: at.toISOString(),
    });

    // and with no filter, among everyone's: the same two, still nothing unpublished
    const all = await rowsOf(await get());
    const mine = all.filter((r) => r.city_slug === city.slug).map((r) => Number(r.id));
    expect(mine).toEqual([approved, approved2]);
    const ids = all.map((r) => Number(r.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));

    const rulings = await rowsOf(await get(`?city=${city.slug}&kind=court_ruling`));
    expect(rulings.map((r) => Number(r.id))).toEqual([approved2]);
  });

  it("round-trips hostile titles and summaries through a CSV parser, formulas neutralised", async () => {
    const city = await createTestCity();
    const tag = unique();
    const values = [
      [`=cmd|' /C calc'!A0 ${tag}`, `+SUM(1,2)\n"quoted"\r\nline ${tag}`],
      [`-2+3 ${tag}`, `@A1, "x" ${tag}`],
      [`\tTabbed ${tag}`, `plain, with comma ${tag}`],
      [`"Quoted" title, with comma\nand newline ${tag}`, `\rCR first ${tag}`],
    ];
    const ids = await insertUpdates(
      values.map(([title, summary]) => ({
        jurisdictionId: city.id,
        authorId: author.id,
        title: title!,
        summary: summary!,
        sourceUrl: `=HYPERLINK("http://evil.example") ${tag}`,
        status: "approved" as const,
        ...decided(new Date()),
      })),
    );
    const rows = await rowsOf(await get(`?city=${city.slug}`));
    const neutral = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
    expect(rows.map((r) => [Number(r.id), r.title, r.summary, r.source_url])).toEqual(
      values.map(([title, summary], i) => [
        ids[i],
        neutral(title!),
        neutral(summary!),
        `'=HYPERLINK("http://evil.example") ${tag}`,
      ]),
    );
  });

  it("reads in keyset batches that add up to the whole list", async () => {
    const city = await createTestCity();
    const tag = unique();
    const ids = await insertUpdates(
      Array.from({ length: 5 }, (_, i) => ({
        jurisdictionId: city.id,
        authorId: author.id,
        title: `Batch ${i} ${tag}`,
        status: "approved" as const,
        ...decided(new Date()),
      })),
    );
    const batches: number[][] = [];
    for await (const b of (await exportPublishedUpdates({ city: city.slug }, 2))!) {
      batches.push(b.map((u) => u.id));
    }
    expect(batches).toEqual([ids.slice(0, 2), ids.slice(2, 4), ids.slice(4)]);
  });

  it("answers 404 for a city that does not exist", async () => {
    const response = await get(`?city=no-such-city-${unique()}`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toBe("not_found");
  });

  it.each(["?city=Boston", "?kind=law", "?city=a&city=b", "?since=2020-01-01", "?city=%00"])(
    "answers %s with a 400 that says why",
    async (query) => {
      const response = await get(query);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: string; message: string };
      expect(body.error).toBe("bad_request");
      expect(body.message.length).toBeGreaterThan(5);
    },
  );
});

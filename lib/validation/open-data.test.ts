import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { citiesCsvQuerySchema, parseQuery, updatesCsvQuerySchema } from "./open-data";

const q = (s: string) => new URLSearchParams(s);

describe("parseQuery with the open-data schemas", () => {
  it("reads good parameters", () => {
    expect(parseQuery(citiesCsvQuerySchema, q(""))).toEqual({ ok: true, data: {} });
    expect(parseQuery(citiesCsvQuerySchema, q("state=CA"))).toEqual({
      ok: true,
      data: { state: "CA" },
    });
    expect(parseQuery(updatesCsvQuerySchema, q("city=boston-ma&kind=ordinance"))).toEqual({
      ok: true,
      data: { city: "boston-ma", kind: "ordinance" },
    });
  });

  it.each([
    [
      "state=ca",
      citiesCsvQuerySchema,
      "state must be a two-letter postal code in capitals, such as CA.",
    ],
    ["state=CA&state=NY", citiesCsvQuerySchema, "Give state at most once."],
    ["format=xlsx", citiesCsvQuerySchema, "Unknown parameter: format."],
    ["__proto__=x", citiesCsvQuerySchema, "Unknown parameter: __proto__."],
    ["city=Boston", updatesCsvQuerySchema, "city must be a city slug, such as boston-ma."],
    ["kind=law", updatesCsvQuerySchema, expect.stringContaining("kind must be one of ordinance")],
  ] as const)("refuses ?%s with a sentence", (query, schema, message) => {
    expect(parseQuery(schema, q(query))).toEqual({ ok: false, message });
  });

  it("never throws, whatever the query string (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string())), (pairs) => {
        const params = new URLSearchParams(pairs);
        for (const schema of [citiesCsvQuerySchema, updatesCsvQuerySchema]) {
          const result = parseQuery(schema, params);
          if (!result.ok) expect(result.message.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

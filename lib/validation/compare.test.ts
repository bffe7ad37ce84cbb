import { describe, expect, it } from "vitest";
import { compareMessages } from "@/lib/messages/browse";
import { parseCompare } from "./compare";

describe("parseCompare", () => {
  it("reads comma-separated and repeated slugs, in order, duplicates collapsed", () => {
    expect(parseCompare({ cities: "boston-ma,denver-co,Boston-MA" })).toEqual({
      ok: true,
      slugs: ["boston-ma", "denver-co"],
    });
    expect(parseCompare({ cities: ["boston-ma", "denver-co,chicago-il", " boston-ma "] })).toEqual({
      ok: true,
      slugs: ["boston-ma", "denver-co", "chicago-il"],
    });
    expect(parseCompare({})).toEqual({ ok: true, slugs: [] });
  });

  it("refuses more than four, saying how many were chosen, and keeps the first four", () => {
    const out = parseCompare({ cities: "a,b,c,d,e,a" });
    expect(out).toEqual({ ok: false, code: "too_many", count: 5, slugs: ["a", "b", "c", "d"] });
    expect(compareMessages.tooMany(5)).toBe(
      "You chose 5 places; we can compare up to 4 side by side. The first 4 are shown.",
    );
  });
});

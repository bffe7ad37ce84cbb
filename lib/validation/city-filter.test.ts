import { describe, expect, it } from "vitest";
import { parseCityFilter } from "./city-filter";

describe("parseCityFilter", () => {
  it("keeps valid values", () => {
    expect(parseCityFilter({ state: "CA", policy: "sanctuary" })).toEqual({
      state: "CA",
      policy: "sanctuary",
    });
  });

  it("drops invalid or hostile values instead of failing", () => {
    expect(parseCityFilter({ state: "<script>", policy: "everything" })).toEqual({});
    expect(parseCityFilter({ state: "ca" })).toEqual({});
    expect(parseCityFilter({})).toEqual({});
  });

  it("takes the first of repeated values", () => {
    expect(parseCityFilter({ state: ["NY", "CA"] })).toEqual({ state: "NY" });
  });
});

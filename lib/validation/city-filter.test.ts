import { describe, expect, it } from "vitest";
import { filterProblemMessage } from "@/lib/messages/browse";
import { cityFilterQuery, parseCityFilter } from "./city-filter";

describe("parseCityFilter", () => {
  it("reads federal actions as words: tidied, blank means unset, too long is refused", () => {
    expect(parseCityFilter({ federal_actions: "  Byrne\u0000 JAG\n " })).toMatchObject({
      ok: true,
      filter: { federal_actions: "Byrne JAG" },
    });
    const blank = parseCityFilter({ federal_actions: " \t " });
    expect(blank.ok && blank.filter.federal_actions).toBe(undefined);
    const long = parseCityFilter({ federal_actions: "é".repeat(101), state: "CA" });
    expect(long.ok).toBe(false);
    if (long.ok) return;
    expect(long.filter).toMatchObject({ state: "CA" });
    expect(filterProblemMessage("federal_actions", long.problems.federal_actions!)).toBe(
      "Use at most 100 characters in “Federal actions against it”.",
    );
    expect(parseCityFilter({ federal_actions: "é".repeat(100) }).ok).toBe(true);
    // characters as people count them: 100 emoji are 200 UTF-16 units
    expect(parseCityFilter({ federal_actions: "😀".repeat(100) }).ok).toBe(true);
    expect(cityFilterQuery({ federal_actions: "Byrne JAG", state: "IL" }).toString()).toBe(
      "state=IL&federal_actions=Byrne+JAG",
    );
  });

  it("keeps valid values, with the default order and page size", () => {
    expect(
      parseCityFilter({ state: "CA", policy: "sanctuary", ice_detainers: "declines" }),
    ).toEqual({
      ok: true,
      filter: {
        state: "CA",
        policy: "sanctuary",
        ice_detainers: "declines",
        sort: "name",
        per: 24,
      },
    });
    expect(parseCityFilter({ state: "ca", sort: "followers", per: "48" })).toMatchObject({
      ok: true,
      filter: { state: "CA", sort: "followers", per: 48 },
    });
  });

  it("treats empty values (the form's “All”) as unset", () => {
    expect(parseCityFilter({ state: "", policy: "", jail_access: "", sort: "" })).toEqual({
      ok: true,
      filter: { sort: "name", per: 24 },
    });
  });

  it("refuses each invalid value with a message naming it, keeping the valid ones", () => {
    const out = parseCityFilter({
      state: "ZZ",
      policy: "everything",
      jail_access: "<script>",
      sort: "random",
      per: "1000",
      ice_detainers: "declines",
    });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.filter).toMatchObject({ ice_detainers: "declines" });
    const messages = Object.fromEntries(
      Object.entries(out.problems).map(([k, p]) => [k, filterProblemMessage(k as never, p)]),
    );
    expect(messages).toEqual({
      state: "“ZZ” is not a US state. Choose a state from the list.",
      policy: "“everything” is not a value of “Policy”. Choose one from the list.",
      jail_access: "“<script>” is not a value of “ICE access to jails”. Choose one from the list.",
      sort: "“random” is not a way to sort the list. Choose one from “Sort by”.",
      per: "“1000” is not a page size we offer. Choose 12, 24, 48 or 96.",
    });
  });

  it("refuses a damaged cursor, and both cursors at once", () => {
    expect(parseCityFilter({ after: "not a cursor!" })).toMatchObject({
      ok: false,
      problems: { after: { code: "bad_cursor" } },
    });
    expect(parseCityFilter({ after: "abc", before: "def" })).toMatchObject({
      ok: false,
      problems: { before: { code: "two_cursors" } },
    });
  });

  it("takes the first of repeated values", () => {
    expect(parseCityFilter({ state: ["NY", "CA"] })).toMatchObject({
      ok: true,
      filter: { state: "NY" },
    });
  });

  it("writes a filter back as the query string it came from", () => {
    const parsed = parseCityFilter({ state: "CA", jail_access: "denied", sort: "recent" });
    if (!parsed.ok) throw new Error("valid");
    expect(String(cityFilterQuery(parsed.filter, { after: "xyz" }))).toBe(
      "state=CA&jail_access=denied&sort=recent&after=xyz",
    );
  });
});

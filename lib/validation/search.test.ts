import { describe, expect, it } from "vitest";
import { searchParamsOf, searchSchema } from "./search";

const q = (raw: unknown) => searchSchema.safeParse({ q: raw });

describe("searchSchema", () => {
  it("tidies the query: NFC, invisible characters to spaces, spaces collapsed, trimmed", () => {
    expect(q("  San\u0000Jose\u202e \t\n ").data?.q).toBe("San Jose");
    expect(q("Jose\u0301").data?.q).toBe("José");
    expect(q("\u0000\u0001").data?.q).toBe("");
  });

  it("takes 200 characters and refuses more with a message", () => {
    expect(q("🐉".repeat(200)).success).toBe(true);
    const long = q("a".repeat(201));
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]?.message).toBe("Use at most 200 characters in a search.");
    expect(q("a".repeat(10_240)).success).toBe(false);
  });

  it("refuses what is not a string and keys it does not know", () => {
    expect(q(["a"]).success).toBe(false);
    expect(searchSchema.safeParse({ q: "a", role: "admin" }).success).toBe(false);
  });
});

describe("searchParamsOf", () => {
  it("reads the first q and after, and empty strings when missing", () => {
    expect(searchParamsOf({ q: ["a", "b"], after: "c" })).toEqual({ q: "a", after: "c" });
    expect(searchParamsOf({})).toEqual({ q: "", after: "" });
  });
});

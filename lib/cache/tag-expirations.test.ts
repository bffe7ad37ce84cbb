import { describe, expect, it } from "vitest";
import { TagExpirations } from "./tag-expirations.mjs";

let unique = 0;
const tagName = () => `test-tag-${process.pid}-${Date.now()}-${(unique += 1)}`;

describe("tag expirations in one process (PGlite)", () => {
  it("keeps the latest expiration of each tag", async () => {
    const expirations = new TagExpirations();
    const tag = tagName();
    expect(expirations.expiredAt(tag)).toBeUndefined();
    await expirations.expire([tag], 2_000);
    await expirations.expire([tag], 1_000); // an older one arriving late changes nothing
    expect(expirations.expiredAt(tag)).toBe(2_000);
    expect(expirations.shared).toBe(false);
    expect(expirations.listening).toBe(true);
  });
});

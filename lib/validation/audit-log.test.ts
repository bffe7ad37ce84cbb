import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HOSTILE, hostileRecord, hostileString } from "@/test/hostile";
import { auditLogFilterSchema, parseAuditLogFilter } from "./audit-log";

describe("auditLogFilterSchema", () => {
  it("keeps valid values, the moderator as a number", () => {
    expect(parseAuditLogFilter({ moderator: "12", city: "boulder-co", before: "345" })).toEqual({
      moderator: 12,
      city: "boulder-co",
      before: "345",
    });
    expect(parseAuditLogFilter({ moderator: "2147483647", before: "2147483647" })).toEqual({
      moderator: 2_147_483_647,
      before: "2147483647",
    });
  });

  it("drops invalid or hostile values instead of failing", () => {
    for (const bad of ["0", "-1", "1.5", "1e3", "0x10", " 12", "012", "2147483648", "NaN", ""]) {
      expect(parseAuditLogFilter({ moderator: bad, before: bad })).toEqual({});
    }
    expect(parseAuditLogFilter({ city: "Boulder" })).toEqual({});
    expect(parseAuditLogFilter({ city: "a".repeat(81) })).toEqual({});
    for (const value of HOSTILE) {
      const parsed = parseAuditLogFilter({ moderator: value, city: value, before: value });
      expect(parsed.moderator).toBeUndefined();
      expect(parsed.before).toBeUndefined();
    }
    expect(parseAuditLogFilter({})).toEqual({});
  });

  it("takes the first of repeated values (an empty select means all)", () => {
    expect(
      parseAuditLogFilter({ city: ["denver-co", "boulder-co"], moderator: ["", "4"] }),
    ).toEqual({ city: "denver-co" });
  });

  it("never throws, and whatever it keeps is well-formed", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileRecord,
          fc.record({ moderator: hostileString, city: hostileString, before: hostileString }),
        ),
        (input) => {
          const out = auditLogFilterSchema.parse(input);
          if (out.moderator !== undefined) {
            expect(Number.isInteger(out.moderator) && out.moderator >= 1).toBe(true);
            expect(out.moderator).toBeLessThanOrEqual(2_147_483_647);
          }
          if (out.city !== undefined) expect(out.city).toMatch(/^[a-z0-9-]{1,80}$/);
          if (out.before !== undefined) expect(out.before).toMatch(/^[1-9]\d{0,9}$/);
        },
      ),
    );
  });
});

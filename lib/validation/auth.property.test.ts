import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { hostileRecord, hostileString, hostileValue } from "@/test/hostile";
import {
  changeNameSchema,
  changePasswordSchemaFor,
  deleteAccountSchema,
  homeCitySchema,
} from "./account";
import { banUserSchema, setRoleSchema, unbanUserSchema, userSearchSchema } from "./admin";
import { signInSchema, signUpSchema } from "./auth";
import { cityFilterSchema, parseCityFilter } from "./city-filter";
import { loadPasswordEstimator, newPasswordSchema } from "./password-strength";

// The schemas below are parsed synchronously, which the password rule allows once its
// estimator is loaded (the app parses asynchronously and loads it on first use).
beforeAll(() => loadPasswordEstimator());

const changePasswordSchema = changePasswordSchemaFor({ name: "Ann", email: "ann@example.org" });

const STRICT: [string, ZodType, Record<string, unknown>][] = [
  [
    "signUpSchema",
    signUpSchema,
    { name: "Ann", email: "ann@example.org", password: "long enough pass" },
  ],
  ["signInSchema", signInSchema, { email: "ann@example.org", password: "x" }],
  ["changeNameSchema", changeNameSchema, { name: "Ann" }],
  [
    "changePasswordSchema",
    changePasswordSchema,
    { currentPassword: "old one", newPassword: "a new passphrase" },
  ],
  ["homeCitySchema", homeCitySchema, { homeCity: "chicago-il" }],
  ["deleteAccountSchema", deleteAccountSchema, { password: "x", confirm: "delete my account" }],
  ["setRoleSchema", setRoleSchema, { userId: 1, role: "moderator" }],
  ["banUserSchema", banUserSchema, { userId: 1, reason: "spam links" }],
  ["unbanUserSchema", unbanUserSchema, { userId: 1, reason: "appeal ok" }],
];
const ALL: [string, ZodType][] = [
  ...STRICT.map(([n, s]) => [n, s] as [string, ZodType]),
  ["userSearchSchema", userSearchSchema],
  ["cityFilterSchema", cityFilterSchema],
];

describe("schemas never throw", () => {
  it.each(ALL)("%s.safeParse of anything and of hostile records", (_, schema) => {
    fc.assert(
      fc.property(fc.oneof(hostileValue, hostileRecord), (v) => void schema.safeParse(v)),
      { numRuns: 300 },
    );
  });

  it("parseCityFilter answers a filter or problems for any query, never throwing", () => {
    const param = fc.oneof(
      fc.constant(undefined),
      hostileString,
      fc.array(hostileString, { maxLength: 3 }),
    );
    const keys = ["state", "policy", "sort", "per", "after", "before", "ice_detainers"];
    fc.assert(
      fc.property(
        fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string()), param),
        (params) => {
          const out = parseCityFilter(params);
          if (out.ok) {
            if (out.filter.state !== undefined) expect(out.filter.state).toMatch(/^[A-Z]{2}$/);
          } else {
            expect(Object.keys(out.problems).length).toBeGreaterThan(0);
            for (const p of Object.values(out.problems)) expect(p.code).toMatch(/^[a-z_]+$/);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("strict schemas refuse extra fields", () => {
  it.each(STRICT)(
    "%s accepts its fields and refuses role/status/authorId/isAdmin/cityId",
    (_, schema, valid) => {
      expect(schema.safeParse(valid).success).toBe(true);
      for (const extra of ["role", "status", "authorId", "isAdmin", "cityId", "sessionVersion"]) {
        if (extra in valid) continue;
        const result = schema.safeParse({ ...valid, [extra]: "admin" });
        expect(result.success).toBe(false);
        expect(result.error?.issues.map((i) => i.code)).toContain("unrecognized_keys");
      }
    },
  );

  it.each(STRICT)("%s refuses any unknown key", (_, schema, valid) => {
    const unknownKey = fc
      .string({ minLength: 1 })
      .filter((k) => !(k in valid) && k !== "__proto__");
    fc.assert(
      fc.property(unknownKey, hostileValue, (key, value) => {
        const result = schema.safeParse({ ...valid, [key]: value });
        expect(result.error?.issues.map((i) => i.code)).toContain("unrecognized_keys");
      }),
      { numRuns: 100 },
    );
  });
});

describe("new passwords", () => {
  // The rule itself: ./password-strength.test.ts.
  it("refuses common passwords, in any case, on the password field", () => {
    for (const p of [
      "password",
      "PASSWORD123",
      "12345678",
      "qwertyuiop",
      "CityWatch123",
      "iloveyou",
    ]) {
      const signUp = signUpSchema.safeParse({ name: "Ann", email: "ann@example.org", password: p });
      expect(
        signUp.error?.issues.map((i) => i.path),
        p,
      ).toEqual([["password"]]);
      const change = changePasswordSchema.safeParse({
        currentPassword: "old secret 1",
        newPassword: p,
      });
      expect(
        change.error?.issues.map((i) => i.path),
        p,
      ).toEqual([["newPassword"]]);
    }
  });

  // The length rule is the field's own (newPasswordSchema); strength depends on the owner.
  it("counts code points: 8 accepted, 7 refused", () => {
    expect(newPasswordSchema.safeParse("kq7#vLm2").success).toBe(true);
    expect(newPasswordSchema.safeParse("kq7#vLm").success).toBe(false);
    expect(newPasswordSchema.safeParse("🐉🚲🌉🍜🎈🧭🪁🌵").success).toBe(true);
    expect(newPasswordSchema.safeParse("🐉🚲🌉🍜🎈🧭🪁").success).toBe(false); // 14 UTF-16 units
  });

  it("accepts long passphrases unchanged, up to 256 code points", () => {
    const long = "城市守护者🌉 and a rather long sentence. ".repeat(8).slice(0, 200);
    expect([...long].length).toBeGreaterThanOrEqual(190);
    expect(newPasswordSchema.parse(long)).toBe(long);
    const max = "ж".repeat(256);
    expect(newPasswordSchema.parse(max)).toBe(max);
    expect(newPasswordSchema.safeParse(`${max}ж`).success).toBe(false);
  });
});

// Hostile and random inputs for property tests of schemas and actions.
import fc from "fast-check";

export const HOSTILE = [
  "<script>alert(1)</script>",
  "\"'><img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "'; drop table users; --",
  "\u0000",
  "abc\u0000def",
  "\u202eevil",
  "\ud800",
  "%00%2e%2e/",
  "__proto__",
  "constructor",
  "toString",
  "${7*7}{{7*7}}",
  "a".repeat(10_000),
  "🐉".repeat(300),
  "  ",
  "1e309",
  "-0",
  "0x10",
  "NaN",
];

export const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme", maxLength: 300 }),
);
export const hostileValue = fc.oneof(
  hostileString,
  fc.anything({ withBigInt: true, withDate: true, withNullPrototype: true, withBoxedValues: true }),
);
const KEYS = [
  "name",
  "email",
  "password",
  "homeCity",
  "currentPassword",
  "newPassword",
  "confirm",
  "userId",
  "role",
  "reason",
  "q",
  "after",
  "state",
  "policy",
  "status",
  "authorId",
  "isAdmin",
  "cityId",
  "__proto__",
  "constructor",
];
export const hostileRecord = fc.dictionary(
  fc.oneof(fc.constantFrom(...KEYS), fc.string()),
  hostileValue,
);

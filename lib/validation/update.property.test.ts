import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostileRecord, hostileValue } from "@/test/hostile";
import { decideSchema, queueFilterSchema, submissionRefSchema } from "./moderation";
import { safeParseInput } from "./parse";
import { submitUpdateSchema } from "./update";

const VALID = {
  title: "City council passes an ordinance",
  summary: "The council voted to limit cooperation with federal detainers.",
  sourceUrl: "https://example.gov/minutes/2017-04-24",
  effectiveOn: "2017-04-24",
  kind: "ordinance",
};
const EXTRA_KEYS = ["status", "authorId", "cityId", "jurisdictionId", "role"];
const STRICT = [submitUpdateSchema, decideSchema, submissionRefSchema];
/** Paths of the issues, as "a.b" strings ("" for the whole object). */
const paths = (r: { error?: { issues: { path: PropertyKey[] }[] } }) => [
  ...new Set(r.error?.issues.map((i) => i.path.join("."))),
];

describe("update schemas on random and hostile input", () => {
  it("parsing never throws and never lets an unknown key through", () => {
    const withFields = fc.record(
      {
        title: hostileValue,
        summary: hostileValue,
        sourceUrl: hostileValue,
        type: fc.oneof(fc.constantFrom("update", "edit"), hostileValue),
        id: hostileValue,
        version: hostileValue,
        decision: fc.oneof(fc.constantFrom("approve", "reject"), hostileValue),
        reason: hostileValue,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(hostileValue, hostileRecord, withFields), (input) => {
        for (const schema of STRICT) {
          // the one way the app parses untrusted input (lib/actions/run.ts)
          const result = safeParseInput(schema, input);
          expect(typeof result.success).toBe("boolean");
          if (result.success) {
            const known = Object.keys(schema.shape);
            expect(known).toEqual(expect.arrayContaining(Object.keys(input as object)));
          }
        }
        // The queue filter drops what it does not know instead of refusing a plain object.
        const proto = input !== null && typeof input === "object" && Object.getPrototypeOf(input);
        if (proto === Object.prototype || proto === null) {
          expect(queueFilterSchema.safeParse(input).success).toBe(true);
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it("rejects extra keys (status, authorId, cityId, …) as unrecognized", () => {
    fc.assert(
      fc.property(fc.constantFrom(...EXTRA_KEYS), hostileValue, (key, value) => {
        for (const [schema, base] of [
          [submitUpdateSchema, VALID],
          [decideSchema, { type: "update", id: 1, version: 1, decision: "approve" }],
        ] as const) {
          const result = schema.safeParse({ ...base, [key]: value });
          expect(result.success).toBe(false);
          expect(result.error?.issues).toContainEqual(
            expect.objectContaining({ code: "unrecognized_keys", keys: [key] }),
          );
        }
      }),
    );
  });

  it("sourceUrl takes http and https addresses with a host, nothing else", () => {
    const ok = (sourceUrl: string) => submitUpdateSchema.safeParse({ ...VALID, sourceUrl });
    for (const url of [
      "http://example.com",
      "https://city.example.gov/a?b=1#c",
      " https://x.org ",
    ]) {
      expect(ok(url).success, url).toBe(true);
    }
    fc.assert(fc.property(fc.webUrl({ validSchemes: ["http", "https"] }), (u) => ok(u).success));
    const refused = [
      "javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "ftp://example.com/x",
      "//evil.example",
      "http://",
      "https://",
      "example.com",
      "http:example.com",
    ];
    for (const url of refused) expect(paths(ok(url)), url).toEqual(["sourceUrl"]);
    const badScheme = fc.constantFrom(
      "javascript:",
      "data:",
      "ftp://",
      "//",
      "file://",
      "vbscript:",
      "mailto:",
    );
    fc.assert(
      fc.property(badScheme, fc.domain(), (scheme, host) => {
        expect(paths(ok(`${scheme}${host}/`))).toEqual(["sourceUrl"]);
      }),
    );
  });

  it("effectiveOn takes real calendar dates as YYYY-MM-DD", () => {
    const on = (effectiveOn: string) => submitUpdateSchema.safeParse({ ...VALID, effectiveOn });
    for (const d of ["2017-04-24", "2016-02-29", "1900-01-01", "2100-12-31"])
      expect(on(d).success, d).toBe(true);
    for (const d of [
      "2017-02-30",
      "24/04/2017",
      "2017-02-29",
      "2017-4-24",
      "2017-04-24T00:00:00Z",
      "1899-12-31",
      "2101-01-01",
      "",
    ]) {
      expect(paths(on(d)), d).toEqual(["effectiveOn"]);
    }
    const day = fc.date({
      min: new Date("1900-01-01"),
      max: new Date("2100-12-31"),
      noInvalidDate: true,
    });
    fc.assert(fc.property(day, (d) => on(d.toISOString().slice(0, 10)).success));
  });

  it("a rejection needs a reason; an approval does not", () => {
    const ref = { type: "update", id: 3, version: 1 };
    for (const reason of [undefined, "", "   ", "ab", "\u0007bad"]) {
      const r = decideSchema.safeParse({ ...ref, decision: "reject", reason });
      expect(paths(r), String(reason)).toEqual(["reason"]);
    }
    expect(
      decideSchema.parse({ type: "edit", id: "3", version: "2", decision: "approve" }),
    ).toEqual({
      type: "edit",
      id: 3,
      version: 2,
      decision: "approve",
      reason: "",
    });
    for (const bad of [0, -1, 1.5, 2_147_483_648, "abc", null, "1e3x"]) {
      expect(paths(decideSchema.safeParse({ ...ref, id: bad, decision: "approve" }))).toContain(
        "id",
      );
      expect(
        paths(decideSchema.safeParse({ ...ref, version: bad, decision: "approve" })),
      ).toContain("version");
    }
    expect(decideSchema.safeParse({ ...ref, decision: "delete" }).success).toBe(false);
    expect(decideSchema.safeParse({ ...ref, type: "comment", decision: "approve" }).success).toBe(
      false,
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostileRecord, hostileString, hostileValue } from "@/test/hostile";
import {
  decideSchema,
  decisionFormSchema,
  queueFilterSchema,
  submissionRefSchema,
} from "./moderation";
import { safeParseInput } from "./parse";
import { hasControlChars } from "./text";
import { submitUpdateSchema } from "./update";

const VALID = {
  title: "City council passes an ordinance",
  summary: "The council voted to limit cooperation with federal detainers.",
  sourceUrl: "https://example.gov/minutes/2017-04-24",
  effectiveOn: "2017-04-24",
  kind: "ordinance",
};
const EXTRA_KEYS = ["status", "authorId", "cityId", "jurisdictionId", "role"];
const STRICT = [submitUpdateSchema, decideSchema, decisionFormSchema, submissionRefSchema];
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
        preset: fc.oneof(fc.constantFrom("", "No reliable source"), hostileValue),
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
            // a form's schema transforms an object: the keys are that object's
            const known = Object.keys("shape" in schema ? schema.shape : schema.in.shape);
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

  it("what the text fields accept is NFC and holds no control, bidi or (in the title) line-break character", () => {
    // Pieces the rules are about, mixed into random text after a valid start.
    const piece = fc.constantFrom(
      ..."\u0000\u0007\t\n\r\u0085\u2028\u200b\u200c\u200d\u200e\u202a\u202e\u2066\u2069",
      ..."\ufeff\ufe0f\u0301e\ud800",
    );
    const noise = fc.oneof(
      hostileString,
      fc
        .array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 20 })
        .map((a) => a.join("")),
    );
    const field = fc.constantFrom("title", "summary", "sourceUrl");
    fc.assert(
      fc.property(field, noise, fc.boolean(), (key, raw, alone) => {
        const value = alone ? raw : `${VALID[key]}${raw}`;
        const result = safeParseInput(submitUpdateSchema, { ...VALID, [key]: value });
        if (!result.success) {
          expect(paths(result)).toEqual([key]);
          return;
        }
        const { title, summary, sourceUrl } = result.data;
        for (const text of [title, summary, sourceUrl]) {
          expect(text.normalize("NFC")).toBe(text);
          expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
          expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
          expect(hasControlChars(text)).toBe(false);
        }
        expect(title).not.toMatch(/[\t\n\r\u2028\u2029]/);
        expect(sourceUrl).not.toMatch(/[\p{C}\u2028\u2029]/u);
      }),
      { numRuns: 2_000 },
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

  it("the review page's reject joins a common reason and the words typed; either will do", () => {
    const form = { type: "update", id: "3", version: "1", decision: "reject" };
    const reasonOf = (fields: Record<string, string>) =>
      decisionFormSchema.parse({ ...form, ...fields }).reason;
    expect(reasonOf({ preset: "No reliable source", reason: "" })).toBe("No reliable source");
    expect(reasonOf({ preset: "", reason: " the link is a blog post " })).toBe(
      "the link is a blog post",
    );
    expect(reasonOf({ preset: "No reliable source", reason: "the link is a blog post" })).toBe(
      "No reliable source: the link is a blog post",
    );
    for (const fields of [{}, { preset: "", reason: "" }, { reason: "ab" }]) {
      expect(paths(decisionFormSchema.safeParse({ ...form, ...fields }))).toEqual(["reason"]);
    }
    expect(paths(decisionFormSchema.safeParse({ ...form, preset: "Because I said so" }))).toEqual([
      "preset",
    ]);
    expect(decisionFormSchema.parse({ ...form, decision: "approve" })).toEqual({
      type: "update",
      id: 3,
      version: 1,
      decision: "approve",
      reason: "",
    });
  });
});

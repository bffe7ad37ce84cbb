import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import {
  PROFILE_FIELD_KEYS,
  profileFieldOptions,
  type ProfileFieldKey,
} from "@/lib/profile-fields";
import { banUserSchema, userSearchSchema } from "./admin";
import { currentPasswordSchema, emailSchema, nameSchema } from "./auth";
import { newPasswordSchema } from "./password-strength";
import { postCommentSchema } from "./comment";
import { decideSchema, revertSchema, visibilitySchema } from "./moderation";
import { profileEditSchema, type ProfileEditForm } from "./profile-edit";
import { lineText, longText, webAddress } from "./text";
import { submitUpdateSchema } from "./update";

const ROSA = "Rosa 👩‍👩‍👧"; // two zero-width joiners
const PERSIAN = "می‌خواهم"; // "I want", with a zero-width non-joiner (U+200C)
const PERSIAN_SENTENCE = `${PERSIAN} درباره این قانون بدانم`;
const BIDI = [..."\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069"];
/** `c` in a sentence long enough for every field (a summary needs 20 characters). */
const inText = (c: string) => `A sentence long enough, with ${c}in it`;
const cps = (s: string) => [...s].map((c) => c.codePointAt(0));

type Kind = "line" | "long" | "url";
type Outcome = { ok: true; value: string } | { ok: false; messages: string[] };

/** A field of a real schema: parse a value in it (with the rest of the form valid) and read it back. */
type Field = { name: string; kind: Kind; parse(value: unknown): Outcome };

function stringField(name: string, kind: Kind, schema: ZodType<string>): Field {
  return {
    name,
    kind,
    parse(value) {
      const r = schema.safeParse(value);
      if (r.success) return { ok: true, value: r.data };
      return { ok: false, messages: r.error.issues.map((i) => i.message) };
    },
  };
}

function objectField(
  name: string,
  kind: Kind,
  schema: ZodType,
  base: Record<string, unknown>,
  key: string,
): Field {
  return {
    name,
    kind,
    parse(value) {
      const r = schema.safeParse({ ...base, [key]: value });
      if (r.success) return { ok: true, value: (r.data as Record<string, string>)[key]! };
      return {
        ok: false,
        messages: r.error.issues.filter((i) => i.path[0] === key).map((i) => i.message),
      };
    },
  };
}

const firstOption = (k: ProfileFieldKey) => Object.keys(profileFieldOptions(k) ?? { x: 0 })[0]!;
/** A profile edit changing `field`'s `key` to `value`, everything else as shown. */
function profileField(name: string, kind: Kind, field: ProfileFieldKey, key: string): Field {
  const fields = Object.fromEntries(
    PROFILE_FIELD_KEYS.map((k) => {
      const value = k === "leader" ? "Old Mayor" : firstOption(k);
      return [k, { fromValue: value, fromDetail: "", toValue: value, toDetail: "", sourceUrl: "" }];
    }),
  ) as ProfileEditForm["fields"];
  const changed = { ...fields[field], sourceUrl: "https://example.gov/x" };
  if (field === "leader") changed.toValue = "New Mayor";
  else changed.toDetail = "A plain sentence.";
  return {
    name,
    kind,
    parse(value) {
      const form =
        key === "note"
          ? { note: value, fields: { ...fields, [field]: changed } }
          : { note: "", fields: { ...fields, [field]: { ...changed, [key]: value } } };
      const r = profileEditSchema.safeParse(form);
      if (!r.success) {
        const at = key === "note" ? ["note"] : ["fields", field, key];
        return {
          ok: false,
          messages: r.error.issues.filter((i) => i.path.join() === at.join()).map((i) => i.message),
        };
      }
      if (key === "note") return { ok: true, value: r.data.note };
      const change = r.data.changes.find((c) => c.field === field)!;
      return { ok: true, value: change[key as "toValue" | "toDetail" | "sourceUrl"] };
    },
  };
}

const UPDATE = {
  title: "City council passes an ordinance",
  summary: "The council voted to limit cooperation with federal detainers.",
  sourceUrl: "https://example.gov/minutes",
  effectiveOn: "2017-04-24",
  kind: "ordinance",
};
const REVERT = { revisionId: 1, latestRevisionId: 2, reason: "Wrong source" };
const DECIDE = { type: "update", id: 1, version: 1, decision: "reject", reason: "No source" };

/** Every text field of every form, with the kind of text it holds. */
const FIELDS: Field[] = [
  stringField("name", "line", nameSchema),
  objectField("update title", "line", submitUpdateSchema, UPDATE, "title"),
  objectField("update summary", "long", submitUpdateSchema, UPDATE, "summary"),
  objectField("update source", "url", submitUpdateSchema, UPDATE, "sourceUrl"),
  objectField("comment", "long", postCommentSchema, { subject: "city:boston-ma" }, "body"),
  objectField("ban reason", "long", banUserSchema, { userId: 1 }, "reason"),
  objectField("decision reason", "long", decideSchema, DECIDE, "reason"),
  objectField("hide reason", "long", visibilitySchema, { id: 1, action: "hide" }, "reason"),
  objectField("revert reason", "long", revertSchema, REVERT, "reason"),
  profileField("edit note", "long", "leader", "note"),
  profileField("leader's name", "line", "leader", "toValue"),
  profileField("explanation", "long", "sanctuary_status", "toDetail"),
  profileField("edit source", "url", "sanctuary_status", "sourceUrl"),
];
const TEXT_FIELDS = FIELDS.filter((f) => f.kind !== "url");
const ONE_LINE = FIELDS.filter((f) => f.kind === "line");
const MULTI_LINE = FIELDS.filter((f) => f.kind === "long");
const URLS = FIELDS.filter((f) => f.kind === "url");

describe("every text field", () => {
  it("takes its valid example", () => {
    for (const f of FIELDS) {
      const sample = f.kind === "url" ? "https://example.gov/x" : "Plain words, long enough.";
      expect(f.parse(sample), f.name).toEqual({ ok: true, value: sample });
    }
  });

  it("keeps Persian with its zero-width non-joiner, code point for code point", () => {
    for (const f of TEXT_FIELDS) {
      expect(f.parse(PERSIAN_SENTENCE), f.name).toEqual({ ok: true, value: PERSIAN_SENTENCE });
      const out = f.parse(PERSIAN_SENTENCE);
      expect(out.ok && cps(out.value), f.name).toEqual(cps(PERSIAN_SENTENCE));
    }
    expect(nameSchema.parse(PERSIAN)).toBe(PERSIAN);
    expect(cps(PERSIAN)).toContain(0x200c);
  });

  it("keeps emoji sequences: joiners, variation selectors and tag flags", () => {
    expect(cps(nameSchema.parse(ROSA))).toEqual(cps(ROSA));
    expect(cps(ROSA)).toContain(0x200d);
    const scotland = "\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}";
    const emoji = `Rosa \u2764\uFE0F ${scotland} 👍🏽 and 葛\u{E0100} in every field`;
    for (const f of TEXT_FIELDS) expect(f.parse(emoji), f.name).toEqual({ ok: true, value: emoji });
  });

  it("keeps direction marks (LRM, RLM, ALM): mixed-direction writing needs them", () => {
    const mixed = "The law \u200Fקוד 1373\u200F and \u200Eالقانون\u061C here";
    for (const f of TEXT_FIELDS) expect(f.parse(mixed), f.name).toEqual({ ok: true, value: mixed });
  });

  it("returns the NFC form: a decomposed Jose\\u0301 is José", () => {
    expect(nameSchema.parse("Jose\u0301")).toBe("Jos\u00e9");
    for (const f of TEXT_FIELDS) {
      expect(f.parse("Jose\u0301 wrote this today"), f.name).toEqual({
        ok: true,
        value: "Jos\u00e9 wrote this today",
      });
    }
    for (const f of URLS) {
      expect(f.parse("https://example.gov/Jose\u0301"), f.name).toEqual({
        ok: true,
        value: "https://example.gov/Jos\u00e9",
      });
    }
  });

  it("refuses NUL, BEL, DEL and C1 controls everywhere", () => {
    for (const f of FIELDS) {
      for (const c of ["\u0000", "\u0007", "\u007f", "\u0085", "\u001b"]) {
        const value = f.kind === "url" ? `https://example.gov/a${c}b` : inText(c);
        const out = f.parse(value);
        expect(out.ok, `${f.name} ${JSON.stringify(c)}`).toBe(false);
        expect(!out.ok && out.messages[0], f.name).toMatch(/^Remove control characters/);
      }
    }
  });

  it("refuses bidirectional embeddings, overrides and isolates everywhere", () => {
    for (const f of FIELDS) {
      for (const c of BIDI) {
        const value = f.kind === "url" ? `https://example.gov/${c}gnp` : inText(c);
        const out = f.parse(value);
        expect(out.ok, `${f.name} U+${c.codePointAt(0)!.toString(16)}`).toBe(false);
        expect(!out.ok && out.messages, f.name).toEqual([
          expect.stringMatching(/^Remove control characters/),
        ]);
      }
    }
  });

  it("refuses invisible characters that change nothing: ZWSP, word joiner, BOM, soft hyphen, stray tags", () => {
    for (const f of FIELDS) {
      for (const c of ["\u200B", "\u2060", "\uFEFF", "\u00AD", "\u{E0041}", "\u{E007F}"]) {
        const value = f.kind === "url" ? `https://example.gov/a${c}b` : inText(c);
        expect(f.parse(value).ok, `${f.name} ${JSON.stringify(c)}`).toBe(false);
      }
    }
  });

  it("refuses a lone surrogate, which would be stored as U+FFFD", () => {
    for (const f of FIELDS) {
      const value = f.kind === "url" ? "https://example.gov/\ud800" : inText("\ud800");
      expect(f.parse(value).ok, f.name).toBe(false);
    }
  });
});

describe("one line and many lines", () => {
  it("names, titles and the leader's name are one line, without tabs", () => {
    for (const f of ONE_LINE) {
      for (const br of ["\n", "\r", "\r\n", "\u2028", "\u2029"]) {
        const out = f.parse(`First line${br}second line`);
        expect(out.ok, `${f.name} ${JSON.stringify(br)}`).toBe(false);
        expect(!out.ok && out.messages, f.name).toEqual([expect.stringMatching(/on one line\.$/)]);
      }
      const tab = f.parse("Before\tafter tab");
      expect(!tab.ok && tab.messages, f.name).toEqual([
        expect.stringMatching(/^Use spaces instead of tabs/),
      ]);
      // Surrounding line breaks are trimmed like spaces.
      expect(f.parse("\n  Pasted name\t\n"), f.name).toEqual({ ok: true, value: "Pasted name" });
    }
    expect(nameSchema.safeParse("Ann\nSmith").error?.issues[0]?.message).toBe(
      "Write your name on one line.",
    );
    expect(nameSchema.safeParse("Ann\tSmith").error?.issues[0]?.message).toBe(
      "Use spaces instead of tabs in your name.",
    );
    expect(nameSchema.safeParse("Ann\u202ESmith").error?.issues[0]?.message).toBe(
      "Remove control characters from your name.",
    );
  });

  it("bodies, reasons and notes keep their line breaks and tabs", () => {
    const text = "First paragraph.\n\n\tIndented line\r\nlast\u2028line";
    for (const f of MULTI_LINE) expect(f.parse(text), f.name).toEqual({ ok: true, value: text });
  });

  it("a search is one line too; anything else is no search at all", () => {
    expect(userSearchSchema.parse({ q: " ann " }).q).toBe("ann");
    for (const q of ["ann\nbob", "a\u0000", "\u202Eann"]) {
      expect(userSearchSchema.parse({ q }).q, JSON.stringify(q)).toBeUndefined();
    }
  });
});

describe("web addresses", () => {
  it("refuse a right-to-left override that makes an address read as another", () => {
    for (const f of URLS) {
      expect(f.parse("https://evil.example/\u202Egnp"), f.name).toEqual({
        ok: false,
        messages: ["Remove control characters from the web address."],
      });
    }
  });

  it("refuse joiners and direction marks, which text takes", () => {
    for (const f of URLS) {
      for (const c of ["\u200C", "\u200D", "\u200E", "\u200F", "\u061C", "\u2028"]) {
        expect(f.parse(`https://example.gov/a${c}b`).ok, `${f.name} ${JSON.stringify(c)}`).toBe(
          false,
        );
      }
    }
  });

  it("still take http(s) addresses and refuse other schemes, one message each", () => {
    const source = webAddress({ missing: "Enter it.", max: 30 });
    expect(source.parse("  https://example.gov/a?b=1#c ")).toBe("https://example.gov/a?b=1#c");
    expect(source.safeParse("").error?.issues.map((i) => i.message)).toEqual(["Enter it."]);
    expect(source.safeParse("javascript:alert(1)").error?.issues.map((i) => i.message)).toEqual([
      "Enter a web address starting with http:// or https://.",
    ]);
    expect(
      source.safeParse(`https://example.gov/${"a".repeat(20)}`).error?.issues[0]?.message,
    ).toBe("That address is too long.");
  });
});

describe("lengths count code points of the NFC form", () => {
  it("80 emoji or 80 decomposed letters make an 80-character name", () => {
    expect(nameSchema.safeParse("🐉".repeat(80)).success).toBe(true);
    expect(nameSchema.safeParse("🐉".repeat(81)).error?.issues[0]?.message).toBe(
      "Use at most 80 characters.",
    );
    // 160 code points as typed, 80 once composed
    expect(nameSchema.parse("e\u0301".repeat(80))).toBe("\u00e9".repeat(80));
  });

  it("min and max use the given words", () => {
    const title = lineText({ min: 5, max: 10, missing: "Enter a title." });
    expect(title.safeParse(undefined).error?.issues[0]?.message).toBe("Enter a title.");
    expect(title.safeParse("abc").error?.issues[0]?.message).toBe("Use at least 5 characters.");
    expect(title.safeParse("a".repeat(11)).error?.issues[0]?.message).toBe(
      "Use at most 10 characters.",
    );
    const body = longText({ min: 1, max: 10, missing: "Write a comment." });
    expect(body.safeParse("  \n ").error?.issues[0]?.message).toBe("Write a comment.");
    expect(longText({ max: 10 }).parse("  ")).toBe("");
  });
});

describe("passwords and email", () => {
  it("passwords are kept exactly as typed: not normalised, trimmed or filtered", () => {
    for (const p of [
      " Jose\u0301 's passphrase ",
      "pass\u202Eword with \u200B in it",
      "\ttabbed\n",
    ]) {
      expect(newPasswordSchema.parse(p)).toBe(p);
      expect(currentPasswordSchema.parse(p)).toBe(p);
    }
  });

  it("email is trimmed and lower-cased, with nothing invisible in it", () => {
    expect(emailSchema.parse("  Ann@Example.ORG ")).toBe("ann@example.org");
    expect(emailSchema.safeParse("ann\u202E@example.org").success).toBe(false);
  });
});

/**
 * The rule, spelled out here apart from text.ts: which code points a kind of
 * text may not hold. Tags count only inside an emoji tag sequence (🏴…U+E007F).
 */
function refused(s: string, kind: Kind): number[] {
  const allowedFormat = new Set([0x200c, 0x200d, 0x200e, 0x200f, 0x061c, 0x180e]);
  const out: number[] = [];
  const chars = [...s.replace(/\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}/gu, "")];
  for (const c of chars) {
    const cp = c.codePointAt(0)!;
    const cat = (re: RegExp) => re.test(c);
    if (kind === "url") {
      if (cat(/[\p{C}\p{Zl}\p{Zp}]/u)) out.push(cp);
      continue;
    }
    const lineBreak = [0x0a, 0x0d, 0x2028, 0x2029].includes(cp);
    if (lineBreak || cp === 0x09) {
      if (kind === "line") out.push(cp);
    } else if (cat(/\p{Cc}/u) || cat(/\p{Cs}/u)) out.push(cp);
    else if (cat(/\p{Cf}/u) && !allowedFormat.has(cp)) out.push(cp);
  }
  return out;
}

const INTERESTING = [
  ..."\u0000\u0007\t\n\r\u0085\u007f\u2028\u2029 \u00a0\u00ad\u061c\u180e",
  ..."\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\ufe0f\u0301e",
  ...BIDI,
  "\u{E0100}",
  "\u{1F3F4}\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}", // the flag of Wales
  "\u{1F3F4}",
  "\u{E0067}",
  "\u{E007F}",
  "\ud800",
  "\udc00",
  "👩",
  "می",
];
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc
    .array(fc.oneof(fc.constantFrom(...INTERESTING), fc.string({ maxLength: 3 })), {
      maxLength: 30,
    })
    .map((parts) => parts.join("")),
);

describe("on arbitrary strings", () => {
  const cases: [Kind, ZodType<string>][] = [
    ["line", lineText({ max: 60 })],
    ["long", longText({ max: 60 })],
  ];

  it.each(cases)(
    "%s text never throws, and takes exactly the tidy strings without refused characters",
    (kind, schema) => {
      fc.assert(
        fc.property(anyText, (raw) => {
          const result = schema.safeParse(raw);
          const tidy = raw.normalize("NFC").trim();
          const fits = [...tidy].length <= 60 && refused(tidy, kind).length === 0;
          expect(result.success).toBe(fits);
          if (result.success) {
            expect(result.data).toBe(tidy);
            expect(result.data.normalize("NFC")).toBe(result.data);
            expect(refused(result.data, kind)).toEqual([]);
          }
        }),
        { numRuns: 2_000 },
      );
    },
  );

  it("a web address that passes holds nothing refused and is NFC", () => {
    const source = webAddress({ missing: "Enter it.", max: 200 });
    const urlish = fc.oneof(
      fc.webUrl({ validSchemes: ["http", "https"] }),
      fc.tuple(fc.webUrl({ validSchemes: ["https"] }), anyText).map(([u, t]) => `${u}/${t}`),
    );
    fc.assert(
      fc.property(fc.oneof(urlish, anyText), (raw) => {
        const result = source.safeParse(raw);
        if (!result.success) return;
        expect(result.data).toBe(raw.normalize("NFC").trim());
        expect(refused(result.data, "url")).toEqual([]);
      }),
      { numRuns: 2_000 },
    );
  });

  it("no field of any form throws, and what it accepts is NFC with nothing refused", () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIELDS), anyText, (f, raw) => {
        const out = f.parse(`${f.kind === "url" ? "https://example.gov/" : "Long enough: "}${raw}`);
        if (!out.ok) {
          expect(out.messages.length).toBeGreaterThan(0);
          return;
        }
        expect(out.value.normalize("NFC")).toBe(out.value);
        expect(refused(out.value, f.kind)).toEqual([]);
      }),
      { numRuns: 2_000 },
    );
  });
});

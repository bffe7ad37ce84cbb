import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  hasDetail,
  PROFILE_FIELD_KEYS,
  profileFieldOptions,
  type ProfileFieldKey,
} from "@/lib/profile-fields";
import { hostileRecord, hostileString, hostileValue } from "@/test/hostile";
import { hasControlChars, hasLineBreak } from "./text";
import { safeParseInput } from "./parse";
import { profileEditSchema, type ProfileEditForm } from "./profile-edit";

type FieldForm = ProfileEditForm["fields"][ProfileFieldKey];
type Shown = Record<ProfileFieldKey, { value: string; detail: string }>;

const ENUMERATED = PROFILE_FIELD_KEYS.filter((k) => profileFieldOptions(k) !== null);
const FREE_TEXT = PROFILE_FIELD_KEYS.filter((k) => profileFieldOptions(k) === null);
const optionsOf = (k: ProfileFieldKey) => Object.keys(profileFieldOptions(k) ?? {});
/** Names every plain object answers to through its prototype, though no option has them. */
const INHERITED = [
  "constructor",
  "__proto__",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "__defineGetter__",
];

/** Paths of the issues, as "a.b.c" strings, in order. */
const paths = (r: { error?: { issues: { path: PropertyKey[] }[] } }) => [
  ...new Set(r.error?.issues.map((i) => i.path.join("."))),
];

/** What the schema keeps of typed text: NFC, without surrounding spaces. */
const kept = (s: string) => s.normalize("NFC").trim();
const codePoints = (s: string) => [...s].length;

// Text a person might type: printable, no control characters, no surrounding spaces;
// `oneLine` for a value (the leader's name), which has no line breaks or tabs.
const plainText = (min: number, max: number, oneLine = false) =>
  fc
    .string({ unit: "grapheme", minLength: min, maxLength: max })
    .map(kept)
    // The schema counts code points; keep within its limits (500 for values, 2000 for details).
    .filter((s) => codePoints(s) >= min && codePoints(s) <= 450 && !hasControlChars(s))
    .filter((s) => !oneLine || (!hasLineBreak(s) && !s.includes("\t")));
const valueOf = (k: ProfileFieldKey) =>
  profileFieldOptions(k) ? fc.constantFrom(...optionsOf(k)) : plainText(2, 120, true);
const detailOf = (k: ProfileFieldKey) => (hasDetail(k) ? plainText(0, 300) : fc.constant(""));
const padded = (s: fc.Arbitrary<string>) =>
  fc
    .tuple(fc.constantFrom("", " ", "  \n"), s, fc.constantFrom("", " ", "\t "))
    .map((p) => p.join(""));

/** The profile as the form shows it. */
const shownArb: fc.Arbitrary<Shown> = fc.record(
  Object.fromEntries(
    PROFILE_FIELD_KEYS.map((k) => [k, fc.record({ value: valueOf(k), detail: detailOf(k) })]),
  ) as Record<ProfileFieldKey, fc.Arbitrary<{ value: string; detail: string }>>,
);
const webUrl = fc.webUrl({ validSchemes: ["http", "https"] }).filter((u) => u.length <= 2000);

const untouched = (shown: Shown, sourceUrl = ""): ProfileEditForm["fields"] =>
  Object.fromEntries(
    PROFILE_FIELD_KEYS.map((k) => [
      k,
      {
        fromValue: shown[k].value,
        fromDetail: shown[k].detail,
        toValue: shown[k].value,
        toDetail: shown[k].detail,
        sourceUrl,
      },
    ]),
  ) as ProfileEditForm["fields"];

/** What the person typed into a field they touched (which may leave it as it was). */
const typedArb = (k: ProfileFieldKey) =>
  fc.record({
    toValue: padded(valueOf(k)),
    toDetail: hasDetail(k) ? padded(detailOf(k)) : fc.constant(""),
    sourceUrl: padded(webUrl),
  });

/** A valid form: some fields touched, at least one of them really changed. */
const validForm = shownArb
  .chain((shown) =>
    fc.record({
      shown: fc.constant(shown),
      note: padded(plainText(0, 200)),
      typed: fc.record(
        Object.fromEntries(PROFILE_FIELD_KEYS.map((k) => [k, typedArb(k)])) as Record<
          ProfileFieldKey,
          ReturnType<typeof typedArb>
        >,
        { requiredKeys: [] },
      ),
      // Untouched fields' sources are ignored (within the form's 4000-character limit).
      junkSource: hostileString.filter((s) => s.length <= 4000),
    }),
  )
  .map(({ shown, note, typed, junkSource }) => {
    const fields = untouched(shown, junkSource);
    for (const k of PROFILE_FIELD_KEYS) {
      const t = typed[k];
      if (t) fields[k] = { ...fields[k], ...t };
    }
    return { shown, form: { note, fields } satisfies ProfileEditForm };
  })
  .filter(({ shown, form }) => changedKeys(shown, form).length > 0);

/** The fields whose value or explanation differs from what was shown, ignoring surrounding spaces. */
function changedKeys(shown: Shown, form: ProfileEditForm): ProfileFieldKey[] {
  return PROFILE_FIELD_KEYS.filter(
    (k) =>
      kept(form.fields[k].toValue) !== kept(shown[k].value) ||
      kept(form.fields[k].toDetail) !== kept(shown[k].detail),
  );
}

/** A valid form in which `field` (and only it) is changed, from `shown`. */
const changeOne = (shown: Shown, field: ProfileFieldKey, to: Partial<FieldForm>) => {
  const fields = untouched(shown);
  fields[field] = { ...fields[field], sourceUrl: "https://example.gov/x", ...to };
  return { note: "", fields };
};

describe("profileEditSchema on random and hostile input", () => {
  it("parsing never throws; what it accepts has a change, each with an http(s) source", () => {
    const fieldArb = fc.record(
      {
        fromValue: hostileValue,
        fromDetail: hostileValue,
        toValue: fc.oneof(hostileValue, fc.constantFrom(...ENUMERATED.flatMap(optionsOf))),
        toDetail: hostileValue,
        sourceUrl: fc.oneof(hostileValue, webUrl),
      },
      { requiredKeys: [] },
    );
    const structured = fc.record(
      {
        note: hostileValue,
        fields: fc.oneof(
          hostileRecord,
          fc.record(
            Object.fromEntries(
              PROFILE_FIELD_KEYS.map((k) => [k, fc.oneof(fieldArb, hostileValue)]),
            ) as Record<ProfileFieldKey, fc.Arbitrary<unknown>>,
            { requiredKeys: [] },
          ),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(hostileValue, hostileRecord, structured), (input) => {
        // The one way the app parses untrusted input (lib/actions/run.ts). Zod's own
        // safeParse throws on a note like { length: Object.create(null) }: a length check
        // runs on it and cannot compare the object (CI drew one such note).
        const result = safeParseInput(profileEditSchema, input);
        expect(typeof result.success).toBe("boolean");
        if (!result.success) {
          expect(result.error.issues.length).toBeGreaterThan(0);
          return;
        }
        expect(result.data.changes.length).toBeGreaterThan(0);
        for (const c of result.data.changes) {
          expect(PROFILE_FIELD_KEYS).toContain(c.field);
          expect(c.sourceUrl).toMatch(/^https?:\/\/[^\s/]/);
        }
      }),
      { numRuns: 2_000 },
    );
    const hostileNote = { note: { length: Object.create(null) } };
    expect(safeParseInput(profileEditSchema, hostileNote).success).toBe(false);
  });

  it("rejects unknown keys on the form, in fields and in a field", () => {
    const extra = fc.constantFrom(
      "status",
      "authorId",
      "jurisdictionId",
      "role",
      "version",
      "asOf",
      "population",
      "leaderTitle",
      "summary",
    );
    fc.assert(
      fc.property(
        validForm,
        extra,
        hostileValue,
        fc.constantFrom(...PROFILE_FIELD_KEYS),
        (v, key, value, field) => {
          const { form } = v;
          const top = profileEditSchema.safeParse({ ...form, [key]: value });
          const inFields = profileEditSchema.safeParse({
            ...form,
            fields: { ...form.fields, [key]: value },
          });
          const inField = profileEditSchema.safeParse({
            ...form,
            fields: { ...form.fields, [field]: { ...form.fields[field], [key]: value } },
          });
          for (const [result, path] of [
            [top, []],
            [inFields, ["fields"]],
            [inField, ["fields", field]],
          ] as const) {
            expect(result.success).toBe(false);
            expect(result.error?.issues).toContainEqual(
              expect.objectContaining({ code: "unrecognized_keys", keys: [key], path }),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("an unchanged form is one form-level error, whatever the untouched fields hold", () => {
    fc.assert(
      fc.property(
        shownArb,
        hostileString.filter((s) => s.length <= 4000),
        padded(plainText(0, 50)),
        (shown, junk, note) => {
          const result = profileEditSchema.safeParse({ note, fields: untouched(shown, junk) });
          expect(result.success).toBe(false);
          expect(result.error?.issues).toMatchObject([
            { message: "Change at least one field before sending." },
          ]);
          // Not on any field: [] or react-hook-form's "root".
          expect([[], ["root"]]).toContainEqual(result.error?.issues[0]?.path);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a changed enumerated field with a value not among its options is an error on that field", () => {
    const notAnOption = (k: ProfileFieldKey) =>
      fc
        .oneof(
          hostileString,
          fc.string(),
          // Near misses: labels, other case, other fields' options, extra words.
          fc.constantFrom(
            ...Object.values(profileFieldOptions(k) ?? {}),
            ...optionsOf(k).map((o) => o.toUpperCase()),
            ...ENUMERATED.flatMap(optionsOf),
            ...optionsOf(k).map((o) => `${o} x`),
          ),
        )
        .filter((v) => !Object.hasOwn(profileFieldOptions(k) ?? {}, kept(v)))
        // Inherited names are the subject of their own test below.
        .filter((v) => !INHERITED.includes(kept(v)));
    const arb = fc
      .tuple(shownArb, fc.constantFrom(...ENUMERATED))
      .chain(([shown, k]) => fc.tuple(fc.constant(shown), fc.constant(k), notAnOption(k)));
    fc.assert(
      fc.property(arb, ([shown, k, bad]) => {
        const result = profileEditSchema.safeParse(changeOne(shown, k, { toValue: bad }));
        expect(paths(result)).toEqual([`fields.${k}.toValue`]);
      }),
      { numRuns: 1_000 },
    );
  });

  it("refuses inherited object property names (constructor, __proto__, toString…) as an enumerated value", () => {
    // `value in options` also finds Object.prototype's members: these must still be refused.
    const accepted = new Set<string>();
    for (const shown of fc.sample(shownArb, { numRuns: 5, seed: 1 })) {
      for (const k of ENUMERATED) {
        for (const name of INHERITED) {
          const result = profileEditSchema.safeParse(changeOne(shown, k, { toValue: name }));
          if (paths(result).join() !== `fields.${k}.toValue`) accepted.add(`${k}=${name}`);
        }
      }
    }
    expect([...accepted]).toEqual([]);
  });

  it("a changed field without an http(s) source is an error at fields.<key>.sourceUrl", () => {
    const badSource = fc.oneof(
      fc.constantFrom(
        "",
        "   ",
        "example.com",
        "javascript:alert(1)",
        "ftp://example.com/x",
        "//evil.example",
        "http://",
        "data:text/html,hi",
      ),
      hostileString.filter((s) => !/^\s*https?:\/\/\S/.test(s)),
    );
    const arb = validForm.chain((v) => {
      const changed = changedKeys(v.shown, v.form);
      return fc.record({
        v: fc.constant(v),
        broken: fc.subarray(changed, { minLength: 1 }),
        source: badSource,
      });
    });
    fc.assert(
      fc.property(arb, ({ v, broken, source }) => {
        const fields = { ...v.form.fields };
        for (const k of broken) fields[k] = { ...fields[k], sourceUrl: source };
        const result = profileEditSchema.safeParse({ ...v.form, fields });
        expect(paths(result)).toEqual(
          PROFILE_FIELD_KEYS.filter((k) => broken.includes(k)).map((k) => `fields.${k}.sourceUrl`),
        );
      }),
      { numRuns: 500 },
    );
  });

  it("a valid form parses to exactly the changed fields, trimmed and NFC, in field order", () => {
    fc.assert(
      fc.property(validForm, ({ shown, form }) => {
        const result = profileEditSchema.safeParse(form);
        expect(result.error?.issues).toBeUndefined();
        expect(result.data).toEqual({
          note: kept(form.note),
          changes: changedKeys(shown, form).map((field) => ({
            field,
            fromValue: shown[field].value,
            fromDetail: shown[field].detail,
            toValue: kept(form.fields[field].toValue),
            toDetail: kept(form.fields[field].toDetail),
            sourceUrl: kept(form.fields[field].sourceUrl),
          })),
        });
      }),
      { numRuns: 500 },
    );
  });

  it("free-text values need two characters; the leader has no explanation", () => {
    fc.assert(
      fc.property(
        shownArb,
        fc.constantFrom(...FREE_TEXT),
        fc.constantFrom("", " ", "x", " y "),
        (shown, k, short) => {
          fc.pre(short.trim() !== shown[k].value);
          expect(
            paths(profileEditSchema.safeParse(changeOne(shown, k, { toValue: short }))),
          ).toEqual([`fields.${k}.toValue`]);
        },
      ),
    );
    fc.assert(
      fc.property(shownArb, plainText(1, 50), (shown, detail) => {
        const form = changeOne(shown, "leader", {
          toValue: `${shown.leader.value} Jr.`,
          toDetail: detail,
        });
        expect(paths(profileEditSchema.safeParse(form))).toEqual(["fields.leader.toDetail"]);
      }),
    );
  });
});

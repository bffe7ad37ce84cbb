import { z } from "zod";

// The rules for text people type, in one place: every schema in lib/validation
// builds its text fields from these. This file ships to the browser with the
// forms, so it holds no Unicode tables, only `\p{…}` classes the engine knows.

/** Counts characters as people see them (code points), so any script counts fairly. */
export const codePoints = (s: string) => [...s].length;

/** The form text is kept in: NFC, so "José" is one string however it was typed, and trimmed. */
export const tidy = (s: string) => s.normalize("NFC").trim();

/*
 * Refused in all text: control characters (Cc), format characters (Cf) and
 * lone surrogates (Cs, which no browser sends and which would be stored as
 * U+FFFD, not as what was checked). Among the format characters that covers
 * the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069), which can make text read in an order other than the one it
 * is stored in and leak that order into the page around it; and the invisible
 * ones that change nothing in how text reads (U+200B zero-width space, U+2060
 * word joiner, U+FEFF, U+00AD soft hyphen, tag characters), which mostly hide
 * words from people and filters.
 *
 * Allowed, because people's writing needs them:
 * - U+200C zero-width non-joiner and U+200D joiner: Persian and Indic words
 *   (می‌خواهم), and emoji sequences (👩‍👩‍👧);
 * - U+200E, U+200F and U+061C, the left-to-right, right-to-left and Arabic
 *   marks: what keyboards and editors put in mixed-direction text; unlike the
 *   overrides they are single invisible letters with no reach beyond themselves;
 * - U+180E, the Mongolian vowel separator, part of Mongolian spelling;
 * - tag characters inside an emoji tag sequence (the flags of England,
 *   Scotland and Wales), and only there.
 * Variation selectors (U+FE00–U+FE0F, U+E0100–U+E01EF) are marks (Mn), not
 * format characters, so no rule here touches them.
 *
 * Tab, LF and CR pass this rule; `lineText` refuses them (with U+2028 and
 * U+2029) as line breaks and tabs, with their own messages.
 */
const CONTROL = /(?![\t\n\r\u200C-\u200F\u061C\u180E])[\p{Cc}\p{Cf}\p{Cs}]/u;
const EMOJI_TAG_SEQUENCE = /\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}/gu;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** Whether text holds a character no text field takes (tab, LF and CR aside). */
export const hasControlChars = (s: string) => CONTROL.test(s.replace(EMOJI_TAG_SEQUENCE, ""));

/** Whether text runs over more than one line. */
export const hasLineBreak = (s: string) => LINE_BREAK.test(s);

/**
 * In a web address, nothing invisible at all (nor a line separator): it is
 * shown to moderators as typed, and `https://evil.example/\u202Egnp` must not
 * read as an address ending in ".png".
 */
const URL_REFUSED = /[\p{C}\p{Zl}\p{Zp}]/u;

export type TextOptions = {
  /** The most characters (code points), after trimming. */
  max: number;
  /** The fewest characters; 0, the default, lets the field be left empty. */
  min?: number;
  /** When the value is missing (not a string), and when empty if `min` is 1: "Enter a title." */
  missing?: string;
  /** When shorter than `min`; by default "Use at least {min} characters." (or `missing` for 1). */
  short?: string;
  /** The field as messages name it after "from" or "in": "your name", "the reason". */
  field?: string;
};

function text(o: TextOptions) {
  const min = o.min ?? 0;
  const short = o.short ?? (min <= 1 && o.missing ? o.missing : `Use at least ${min} characters.`);
  const from = o.field ? ` from ${o.field}` : "";
  let schema = z.string(o.missing ? { error: o.missing } : undefined).overwrite(tidy);
  if (min > 0) schema = schema.refine((v) => codePoints(v) >= min, short);
  return schema
    .refine((v) => codePoints(v) <= o.max, `Use at most ${o.max} characters.`)
    .refine((v) => !hasControlChars(v), `Remove control characters${from}.`);
}

/**
 * One line of text: a name, a title, a search. NFC, trimmed, counted in code
 * points; no control characters, line breaks or tabs.
 */
export function lineText(o: TextOptions) {
  return text(o)
    .refine(
      (v) => !hasLineBreak(v),
      o.field ? `Write ${o.field} on one line.` : "Write this on one line.",
    )
    .refine(
      (v) => !v.includes("\t"),
      o.field ? `Use spaces instead of tabs in ${o.field}.` : "Use spaces instead of tabs.",
    );
}

/**
 * Free text over any number of lines: a summary, a comment, a reason. NFC,
 * trimmed, counted in code points; line breaks and tabs are ordinary text,
 * control characters are refused.
 */
export const longText = (o: TextOptions) => text(o);

export type WebAddressOptions = {
  /** When the value is missing or empty: "Enter the source's web address." */
  missing: string;
  /** The most characters (code points), after trimming. */
  max: number;
};

/** An http(s) web address with a host: NFC, trimmed, nothing invisible in it. */
export const webAddress = (o: WebAddressOptions) =>
  z
    .string({ error: o.missing })
    .overwrite(tidy)
    .refine((v) => v.length > 0, o.missing)
    .refine((v) => codePoints(v) <= o.max, "That address is too long.")
    .refine((v) => !URL_REFUSED.test(v), "Remove control characters from the web address.")
    .pipe(
      z.url({
        protocol: /^https?$/,
        hostname: z.regexes.domain,
        error: "Enter a web address starting with http:// or https://.",
      }),
    );

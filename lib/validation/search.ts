import { z } from "zod";
import { codePoints } from "./text";

/** The longest search, in characters (code points), after tidying. */
export const SEARCH_MAX = 200;

/*
 * Characters a search can do without: control and format characters (NUL,
 * bidi overrides, zero-width spaces…) and lone surrogates become spaces, so a
 * pasted "abc\0def" still searches for "abc def" instead of failing. The
 * joiners people's writing needs (U+200C, U+200D) stay.
 */
const INVISIBLE = /(?![\u200C\u200D])[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/gu;

/** The query as the search runs it: NFC, invisible characters out, spaces collapsed, trimmed. */
export const tidyQuery = (s: string) =>
  s.normalize("NFC").replace(INVISIBLE, " ").replace(/\s+/gu, " ").trim();

/**
 * `/search?q=`: an empty query is valid (the page asks for one); a long one
 * is refused with a message, never cut short silently.
 */
export const searchSchema = z.strictObject({
  q: z
    .string()
    .overwrite(tidyQuery)
    .refine(
      (v) => codePoints(v) <= SEARCH_MAX,
      `Use at most ${SEARCH_MAX} characters in a search.`,
    ),
});

export type SearchInput = z.infer<typeof searchSchema>;

/** The raw `q` and `after` of a URL's searchParams (values may repeat; the first wins). */
export function searchParamsOf(params: Record<string, string | string[] | undefined>) {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  return { q: first(params.q), after: first(params.after) };
}

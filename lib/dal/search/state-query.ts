import { US_STATES, type UsState } from "@/lib/us-states";

/** Lower case, accents off: "Oregón" and "OREGON" read alike. */
const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

const BY_FOLDED = new Map<string, UsState>(
  US_STATES.flatMap((s) => [
    [fold(s.code), s],
    [fold(s.name), s],
  ]),
);

/**
 * The state a whole query names by postal code or name ("or", "OR", "Oregon",
 * "new   york", "Puerto Rico"), if it names one. Full-text search alone cannot
 * do this: websearch_to_tsquery reads "or" as an operator, and "in", "me" and
 * "or" are English stopwords.
 */
export function stateOfQuery(q: string): UsState | undefined {
  return BY_FOLDED.get(fold(q));
}

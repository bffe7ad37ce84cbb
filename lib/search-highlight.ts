// How search highlights travel from Postgres to the page. ts_headline marks
// the matching words with these two sentinels (control characters, which no
// stored text may hold, and which the query strips from the text before
// marking it); the page renders every piece as text and only the marked
// pieces inside <mark>. No HTML is ever built from the text.

export const MARK_START = "\u0002";
export const MARK_STOP = "\u0003";

/** A piece of highlighted text: plain, or one of the words the search matched. */
export type HighlightPiece = { text: string; marked: boolean };

/** Splits ts_headline's output at the sentinels; an unmatched sentinel is dropped. */
export function splitHighlights(s: string): HighlightPiece[] {
  const pieces: HighlightPiece[] = [];
  let marked = false;
  let current = "";
  const flush = () => {
    if (current) pieces.push({ text: current, marked });
    current = "";
  };
  for (const ch of s) {
    if (ch === MARK_START || ch === MARK_STOP) {
      flush();
      marked = ch === MARK_START;
    } else current += ch;
  }
  flush();
  return pieces;
}

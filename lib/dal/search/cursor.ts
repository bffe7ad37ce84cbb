// The "Next page" cursor of a search: the last hit's (score, kind, id), the
// order the results are sorted in. The score is Postgres' own text for the
// float8, which reads back as the same number, so no hit is skipped or
// repeated at a page boundary.

export type SearchCursor = { score: string; kind: number; id: number };

const SHAPE = /^(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?)_([1-4])_(\d{1,10})$/;

export function encodeCursor(c: SearchCursor): string {
  return Buffer.from(`${c.score}_${c.kind}_${c.id}`).toString("base64url");
}

/** The cursor in a URL, or null (the first page) for anything a real cursor cannot be. */
export function decodeCursor(raw: string | undefined): SearchCursor | null {
  if (!raw || raw.length > 100 || !/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  const m = Buffer.from(raw, "base64url").toString().match(SHAPE);
  if (!m) return null;
  const [score, kind, id] = [m[1]!, Number(m[2]), Number(m[3])];
  if (!Number.isFinite(Number(score)) || id > 2_147_483_647) return null;
  return { score, kind, id };
}

import { sql, type SQL, type SQLWrapper } from "drizzle-orm";

// Keyset cursors over a timestamp column (newest first, ties broken by id)
// carry the time in microseconds: Postgres keeps microseconds, and a cursor in
// milliseconds, a Date's precision, would skip a row written later in the same
// millisecond as the page's last one.

/** A timestamp column in microseconds since 1970, as text: exact, unlike a Date. */
export const microsOf = (column: SQLWrapper) =>
  sql<string>`(extract(epoch from ${column}) * 1000000)::bigint::text`;

/** Microseconds since 1970 (as `microsOf` wrote them) as a timestamptz, for a comparison. */
export const timestampOf = (micros: string): SQL =>
  sql`(timestamptz 'epoch' + ${micros}::bigint * interval '1 microsecond')`;

/**
 * A cursor's time: microseconds (14 to 16 digits), or milliseconds (13 digits
 * or fewer), which links made before cursors carried microseconds hold. The
 * microseconds as text, or null when it is no time a cursor can hold.
 */
function microsOfCursorTime(digits: string): string | null {
  if (!/^\d{1,16}$/.test(digits)) return null;
  const micros = digits.length <= 13 ? Number(digits) * 1000 : Number(digits);
  return Number.isSafeInteger(micros) ? String(micros) : null;
}

const MAX_ID = 2_147_483_647;

/** "<time>.<id>" (see microsOfCursorTime), or null when it is not such a cursor. */
export function parseTimeCursor(raw: string | undefined): { micros: string; id: number } | null {
  const m = raw?.match(/^(\d{1,16})\.(\d{1,10})$/);
  if (!m) return null;
  const micros = microsOfCursorTime(m[1]!);
  const id = Number(m[2]);
  return micros !== null && id <= MAX_ID ? { micros, id } : null;
}

/** The cursor after a row: its time in microseconds and its id. */
export const timeCursor = (micros: string, id: number) => `${micros}.${id}`;

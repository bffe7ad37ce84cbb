import "server-only";
import { and, or, sql, type SQL } from "drizzle-orm";

// Unchecked: keyset pagination over a multi-column order. A cursor holds the sort
// keys of the row it points at, as text the database wrote (exact: no rounding of
// timestamps or locale in between), so "after this row" is a WHERE clause on an
// index's columns rather than an OFFSET the database must count through.

/** How a key's value travels in a cursor and back into SQL. */
export type KeyType = "text" | "int" | "micros";

export type SortKey = {
  /** The expression ordered by. */
  expr: SQL;
  dir: "asc" | "desc";
  type: KeyType;
  /** Only the first key may be null; nulls come last in the page order. */
  nullable?: boolean;
};

const MAX_INT = 2_147_483_647;

/** A key as text for the cursor: micros are microseconds since 1970 (exact). */
export function keyText(key: SortKey): SQL<string | null> {
  return key.type === "micros"
    ? sql<string | null>`(extract(epoch from ${key.expr}) * 1000000)::bigint::text`
    : sql<string | null>`(${key.expr})::text`;
}

function valueSql(key: SortKey, v: string): SQL {
  if (key.type === "int") return sql`${Number(v)}::int`;
  if (key.type === "micros")
    return sql`(timestamptz 'epoch' + ${v}::bigint * interval '1 microsecond')`;
  return sql`${v}::text`;
}

function validValue(key: SortKey, v: unknown): boolean {
  if (v === null) return Boolean(key.nullable);
  if (typeof v !== "string") return false;
  if (key.type === "int") return /^-?\d{1,10}$/.test(v) && Math.abs(Number(v)) <= MAX_INT;
  if (key.type === "micros") return /^-?\d{1,17}$/.test(v);
  // NUL is the one character Postgres text refuses
  return v.length <= 500 && !v.includes("\u0000");
}

/** The cursor of a row: its sort name and key values, as base64url JSON. */
export function encodeCursor(sort: string, values: (string | null)[]): string {
  return Buffer.from(JSON.stringify([sort, ...values])).toString("base64url");
}

/** The key values in a cursor written for `sort`, or null if it is not one (tampered, or another order's). */
export function decodeCursor(
  cursor: string,
  sort: string,
  keys: SortKey[],
): (string | null)[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== keys.length + 1 || parsed[0] !== sort)
    return null;
  const values = parsed.slice(1) as unknown[];
  return keys.every((k, i) => validValue(k, values[i])) ? (values as (string | null)[]) : null;
}

/**
 * Rows strictly after (`forward`) or before the cursor's row in the page order:
 * k1 > v1 OR (k1 = v1 AND (k2 > v2 OR (k2 = v2 AND …))), with each key's own
 * direction, and nulls of a nullable first key after every value.
 */
export function keysetCondition(keys: SortKey[], values: (string | null)[], forward: boolean): SQL {
  const build = (i: number): SQL | undefined => {
    const key = keys[i];
    if (!key) return undefined;
    const v = values[i] ?? null;
    const rest = build(i + 1);
    const ascending = (key.dir === "asc") === forward;
    if (v === null) {
      // the cursor is among the nulls, which come last going forward
      const same = and(sql`${key.expr} is null`, rest);
      return forward ? same : or(sql`${key.expr} is not null`, same);
    }
    const value = valueSql(key, v);
    const beyond = ascending ? sql`${key.expr} > ${value}` : sql`${key.expr} < ${value}`;
    const tie = rest ? and(sql`${key.expr} = ${value}`, rest) : undefined;
    const nullsAfter = key.nullable && forward ? sql`${key.expr} is null` : undefined;
    return or(beyond, nullsAfter, tie);
  };
  return build(0) ?? sql`true`;
}

/** ORDER BY for the page order, or its reverse (to read a previous page). */
export function orderBy(keys: SortKey[], forward: boolean): SQL[] {
  return keys.map((k) => {
    const ascending = (k.dir === "asc") === forward;
    const nulls = forward ? sql`nulls last` : sql`nulls first`;
    return ascending ? sql`${k.expr} asc ${nulls}` : sql`${k.expr} desc ${nulls}`;
  });
}

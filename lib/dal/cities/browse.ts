import "server-only";
import { and, count, eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { jurisdictions, jurisdictionStats, policyFacts } from "@/db/schema";
import { policyBadge } from "@/lib/policy-fields";
import type { CityFilterInput, CitySort } from "@/lib/validation/city-filter";
import { FILTER_FIELDS, TEXT_FILTER_FIELDS } from "@/lib/validation/city-filter";
import type { JurisdictionSummary } from "./jurisdictions";
import {
  decodeCursor,
  encodeCursor,
  keysetCondition,
  keyText,
  orderBy,
  type SortKey,
} from "./internal/keyset";

export type CityListItem = JurisdictionSummary & {
  followers: number;
  /** When its public record last changed (ISO 8601), or null if never since it was added. */
  changedAt: string | null;
};

export type CityPage = {
  cities: CityListItem[];
  /** How many places match the filters (all pages). */
  total: number;
  /** Cursors for the next (`after=`) and previous (`before=`) pages, if there are any. */
  next: string | null;
  prev: string | null;
};

export type CityPageResult = { ok: true; page: CityPage } | { ok: false; code: "bad_cursor" };

const j = jurisdictions;
const s = jurisdictionStats;
const status = alias(policyFacts, "status_fact");
const detainers = alias(policyFacts, "detainers_fact");

const name: SortKey = { expr: sql`${j.name}`, dir: "asc", type: "text" };
const id: SortKey = { expr: sql`${j.id}`, dir: "asc", type: "int" };

/** Each order's keys, ending in the unique id (the tiebreaker that makes pages exact). */
const SORT_KEYS: Record<CitySort, SortKey[]> = {
  name: [name, id],
  state: [{ expr: sql`${j.stateName}`, dir: "asc", type: "text" }, name, id],
  population: [{ expr: sql`${j.population}`, dir: "desc", type: "int" }, name, id],
  followers: [{ expr: sql`${s.followerCount}`, dir: "desc", type: "int" }, name, id],
  recent: [{ expr: sql`${s.changedAt}`, dir: "desc", type: "micros", nullable: true }, name, id],
};

/** The list's badge in SQL; must agree with policyBadge (lib/policy-fields.ts), which a test checks. */
const badgeSql = sql<string>`case
  when ${status.value} = 'yes' then 'sanctuary'
  when ${detainers.value} in ('declines', 'warrant_or_criteria') or ${status.value} = 'unofficial' then 'limited'
  when ${status.value} = 'no' then 'none'
  else 'unknown' end`;

function filterConditions(filter: Partial<CityFilterInput>): SQL | undefined {
  const values = filter as Record<string, string | undefined>;
  return and(
    filter.state ? eq(j.state, filter.state) : undefined,
    filter.policy ? sql`${badgeSql} = ${filter.policy}` : undefined,
    ...FILTER_FIELDS.map((field) => {
      const value = values[field];
      return value ? hasFact(field, sql`${policyFacts.value} = ${value}`) : undefined;
    }),
    // Free text (federal actions): the text as typed, anywhere in it, in any case and accents.
    ...TEXT_FILTER_FIELDS.map((field) => {
      const text = values[field];
      return text
        ? hasFact(
            field,
            sql`strpos(lower(cw_unaccent(${policyFacts.value})), lower(cw_unaccent(${text}))) > 0`,
          )
        : undefined;
    }),
  );
}

/** Whether the place's value of a policy field meets `condition`. */
const hasFact = (field: string, condition: SQL) =>
  sql`exists (select 1 from ${policyFacts} where ${policyFacts.jurisdictionId} = ${j.id} and ${policyFacts.field} = ${field} and ${condition})`;

/**
 * One page of the public city list: filtered, in the chosen order, after or
 * before a cursor (keyset pagination: the last page costs what the first does),
 * with the number of matches. A cursor that is not one of this order's is refused.
 */
export async function listCityPage(filter: CityFilterInput): Promise<CityPageResult> {
  const keys = SORT_KEYS[filter.sort];
  const cursor = filter.after ?? filter.before;
  const values = cursor ? decodeCursor(cursor, filter.sort, keys) : null;
  if (cursor && !values) return { ok: false, code: "bad_cursor" };
  const forward = !filter.before;

  const db = await getDb();
  const where = filterConditions(filter);
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: j.id,
        slug: j.slug,
        name: j.name,
        kind: j.kind,
        state: j.state,
        stateName: j.stateName,
        leaderTitle: j.leaderTitle,
        leaderName: j.leaderName,
        leaderAsOf: j.leaderAsOf,
        population: j.population,
        latitude: j.latitude,
        longitude: j.longitude,
        followers: s.followerCount,
        changedAt: s.changedAt,
        statusValue: status.value,
        detainersValue: detainers.value,
        keys: sql<(string | null)[]>`array[${sql.join(keys.map(keyText), sql`, `)}]`,
      })
      .from(j)
      .innerJoin(s, eq(s.jurisdictionId, j.id))
      .leftJoin(status, and(eq(status.jurisdictionId, j.id), eq(status.field, "sanctuary_status")))
      .leftJoin(
        detainers,
        and(eq(detainers.jurisdictionId, j.id), eq(detainers.field, "ice_detainers")),
      )
      .where(and(where, values ? keysetCondition(keys, values, forward) : undefined))
      .orderBy(...orderBy(keys, forward))
      .limit(filter.per + 1),
    db
      .select({ n: count() })
      .from(j)
      .leftJoin(status, and(eq(status.jurisdictionId, j.id), eq(status.field, "sanctuary_status")))
      .leftJoin(
        detainers,
        and(eq(detainers.jurisdictionId, j.id), eq(detainers.field, "ice_detainers")),
      )
      .where(where),
  ]);

  const more = rows.length > filter.per;
  const page = rows.slice(0, filter.per);
  if (!forward) page.reverse();
  const cursorOf = (row: (typeof rows)[number] | undefined) =>
    row ? encodeCursor(filter.sort, row.keys) : (cursor ?? null);
  const atStart = !cursor || (!forward && !more);
  const atEnd = forward ? !more : false;

  return {
    ok: true,
    page: {
      cities: page.map((row) => {
        const { id, keys: sortKeys, statusValue, detainersValue, changedAt, ...r } = row;
        void id;
        void sortKeys;
        return {
          ...r,
          changedAt: changedAt ? changedAt.toISOString() : null,
          badge: policyBadge(statusValue ?? undefined, detainersValue ?? undefined),
        };
      }),
      total: counted?.n ?? 0,
      next: atEnd ? null : cursorOf(page.at(-1)),
      prev: atStart ? null : cursorOf(page[0]),
    },
  };
}

import { z } from "zod";
import {
  POLICY_BADGE_LABELS,
  POLICY_FIELDS,
  type PolicyBadge,
  type PolicyFieldKey,
} from "@/lib/policy-fields";
import { stateByCode } from "@/lib/us-states";
import { tidyQuery } from "./search";
import { codePoints } from "./text";

const badges = Object.keys(POLICY_BADGE_LABELS) as [PolicyBadge, ...PolicyBadge[]];

/** The list's orders; each ends in the unique id, so pages never overlap. */
export const CITY_SORTS = ["name", "state", "population", "followers", "recent"] as const;
export type CitySort = (typeof CITY_SORTS)[number];

export const PAGE_SIZES = [12, 24, 48, 96] as const;
export const DEFAULT_PAGE_SIZE = 24;

/** A policy field with a fixed set of values. */
type OptionField = {
  [K in PolicyFieldKey]: (typeof POLICY_FIELDS)[K]["options"] extends null ? never : K;
}[PolicyFieldKey];
/** A free-text policy field (federal actions). */
type TextField = Exclude<PolicyFieldKey, OptionField>;

/** The policy fields with a fixed set of values, each a filter by value. */
export const FILTER_FIELDS = (Object.keys(POLICY_FIELDS) as PolicyFieldKey[]).filter(
  (k): k is OptionField => POLICY_FIELDS[k].options !== null,
);

/** The free-text policy fields, each a filter by text they contain. */
export const TEXT_FILTER_FIELDS = (Object.keys(POLICY_FIELDS) as PolicyFieldKey[]).filter(
  (k): k is TextField => POLICY_FIELDS[k].options === null,
);

/** The longest text filter, in characters (code points), after tidying. */
export const TEXT_FILTER_MAX = 100;

/** Text a free-text field must contain: tidied as a search is; blank means unset. */
const textFilter = z
  .string()
  .overwrite(tidyQuery)
  .refine((v) => codePoints(v) <= TEXT_FILTER_MAX, { error: "text_too_long" })
  .transform((v) => v || undefined);

const fieldValues = (field: PolicyFieldKey) =>
  Object.keys(POLICY_FIELDS[field].options ?? {}) as [string, ...string[]];

/** A cursor as the DAL wrote it (base64url); what it holds is checked where it is read. */
const cursor = z.string().regex(/^[A-Za-z0-9_-]{1,600}$/, { error: "bad_cursor" });

/** The /cities (and /api/cities) query: filters, order, page size and the page's cursor. */
export const cityFilterSchema = z
  .object({
    state: z
      .string()
      .transform((s) => s.toUpperCase())
      .refine((s) => stateByCode(s) !== undefined, { error: "unknown_state" })
      .optional(),
    policy: z.enum(badges, { error: "unknown_value" }).optional(),
    ...(Object.fromEntries(
      FILTER_FIELDS.map((f) => [f, z.enum(fieldValues(f), { error: "unknown_value" }).optional()]),
    ) as Record<OptionField, z.ZodOptional<z.ZodEnum<Record<string, string>>>>),
    ...(Object.fromEntries(TEXT_FILTER_FIELDS.map((f) => [f, textFilter.optional()])) as Record<
      TextField,
      z.ZodOptional<typeof textFilter>
    >),
    sort: z.enum(CITY_SORTS, { error: "unknown_sort" }).default("name"),
    per: z
      .enum(PAGE_SIZES.map(String) as [string, ...string[]], { error: "unknown_page_size" })
      .transform(Number)
      .default(DEFAULT_PAGE_SIZE),
    after: cursor.optional(),
    before: cursor.optional(),
  })
  .refine((f) => !(f.after && f.before), { error: "two_cursors", path: ["before"] });

export type CityFilterInput = z.output<typeof cityFilterSchema>;
/** The keys the query string may carry; anything else in it is not ours (and is left alone). */
export const CITY_FILTER_KEYS = [
  "state",
  "policy",
  ...FILTER_FIELDS,
  ...TEXT_FILTER_FIELDS,
  "sort",
  "per",
  "after",
  "before",
] as const;
export type CityFilterKey = (typeof CITY_FILTER_KEYS)[number];

export type CityFilterProblem = {
  code: string;
  /** What was asked for, as typed: the message names it, a text field keeps it. */
  value: string;
};

export type ParsedCityFilter =
  | { ok: true; filter: CityFilterInput }
  | {
      ok: false;
      /** The valid parts, so the form keeps them. */
      filter: Partial<CityFilterInput>;
      problems: Partial<Record<CityFilterKey, CityFilterProblem>>;
    };

type Params = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/**
 * Reads the filter from a query string (values may repeat: the first wins; empty
 * means unset). An invalid value is reported with a code per key, never dropped.
 */
export function parseCityFilter(params: Params): ParsedCityFilter {
  const raw = Object.fromEntries(CITY_FILTER_KEYS.map((k) => [k, first(params[k])]));
  const result = cityFilterSchema.safeParse(raw);
  if (result.success) return { ok: true, filter: result.data };
  const problems: Partial<Record<CityFilterKey, CityFilterProblem>> = {};
  for (const issue of result.error.issues) {
    const key = issue.path[0] as CityFilterKey;
    problems[key] ??= { code: issue.message, value: String(raw[key] ?? "") };
  }
  const valid = Object.fromEntries(
    CITY_FILTER_KEYS.filter((k) => !problems[k]).map((k) => [k, raw[k]]),
  );
  const partial = cityFilterSchema.safeParse(valid);
  return { ok: false, filter: partial.success ? partial.data : {}, problems };
}

/** The query string of a filter (without its cursor), for links and the next page's URL. */
export function cityFilterQuery(
  filter: Partial<CityFilterInput>,
  extra: Record<string, string> = {},
): URLSearchParams {
  const q = new URLSearchParams();
  if (filter.state) q.set("state", filter.state);
  if (filter.policy) q.set("policy", filter.policy);
  for (const f of [...FILTER_FIELDS, ...TEXT_FILTER_FIELDS]) {
    const v = (filter as Record<string, string | undefined>)[f];
    if (v) q.set(f, v);
  }
  if (filter.sort && filter.sort !== "name") q.set("sort", filter.sort);
  if (filter.per && filter.per !== DEFAULT_PAGE_SIZE) q.set("per", String(filter.per));
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q;
}

/** Whether any filter (not the order or page size) narrows the list. */
export function isFiltered(filter: Partial<CityFilterInput>): boolean {
  const f = filter as Record<string, unknown>;
  return Boolean(
    filter.state || filter.policy || [...FILTER_FIELDS, ...TEXT_FILTER_FIELDS].some((k) => f[k]),
  );
}

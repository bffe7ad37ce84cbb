import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { jurisdictions, policyFacts } from "@/db/schema";
import {
  POLICY_FIELD_KEYS,
  policyBadge,
  policyValueLabel,
  type PolicyBadge,
  type PolicyFieldKey,
} from "@/lib/policy-fields";
import { listQuotesForJurisdiction, type JurisdictionQuote } from "./articles";
import { cityBySlug, summaryColumns } from "./internal/city";
import type { JurisdictionKind } from "@/lib/enums";

export type JurisdictionSummary = {
  slug: string;
  name: string;
  kind: JurisdictionKind;
  state: string;
  stateName: string;
  leaderTitle: string;
  leaderName: string;
  /** When the leader was known to hold office (the article's date unless an edit changed it). */
  leaderAsOf: string;
  population: number;
  /** Degrees (WGS 84), or null for a place added without them. */
  latitude: number | null;
  longitude: number | null;
  badge: PolicyBadge;
};

export type PolicyFactView = {
  field: PolicyFieldKey;
  value: string;
  valueLabel: string;
  detail: string;
  sourceUrl: string;
  asOf: string;
};

export type JurisdictionProfile = Omit<JurisdictionSummary, "badge"> & {
  badge: PolicyBadge;
  populationYear: number;
  populationSourceUrl: string;
  summary: string;
  articleMention: string;
  facts: PolicyFactView[];
  quotes: JurisdictionQuote[];
};

export type JurisdictionFilter = { state?: string; badge?: PolicyBadge };

/** All jurisdictions with their policy badge, optionally filtered (public data). */
export async function listJurisdictions(
  filter: JurisdictionFilter = {},
): Promise<JurisdictionSummary[]> {
  const db = await getDb();
  const rows = await db
    .select(summaryColumns)
    .from(jurisdictions)
    .where(filter.state ? eq(jurisdictions.state, filter.state) : undefined)
    .orderBy(asc(jurisdictions.name));
  const badges = await badgesFor(rows.map((r) => r.id));
  return rows
    .map(({ id, ...r }) => ({ ...r, badge: badges.get(id) ?? "unknown" }))
    .filter((r) => !filter.badge || r.badge === filter.badge);
}

/** The states that have at least one jurisdiction, for the list's filter. */
export async function listStates(): Promise<{ code: string; name: string }[]> {
  const db = await getDb();
  return db
    .selectDistinct({ code: jurisdictions.state, name: jurisdictions.stateName })
    .from(jurisdictions)
    .orderBy(asc(jurisdictions.stateName));
}

/** One jurisdiction's public profile, or null for an unknown slug. */
export async function getJurisdiction(slug: string): Promise<JurisdictionProfile | null> {
  const db = await getDb();
  const row = await cityBySlug(db, slug, {
    ...summaryColumns,
    populationYear: jurisdictions.populationYear,
    populationSourceUrl: jurisdictions.populationSourceUrl,
    summary: jurisdictions.summary,
    articleMention: jurisdictions.articleMention,
  });
  if (!row) return null;

  const [factRows, quotes] = await Promise.all([
    db.select().from(policyFacts).where(eq(policyFacts.jurisdictionId, row.id)),
    listQuotesForJurisdiction(row.id),
  ]);
  const byField = new Map(factRows.map((f) => [f.field, f]));
  const facts = POLICY_FIELD_KEYS.flatMap((field) => {
    const f = byField.get(field);
    return f
      ? [
          {
            field,
            value: f.value,
            valueLabel: policyValueLabel(field, f.value),
            detail: f.detail,
            sourceUrl: f.sourceUrl,
            asOf: f.asOf,
          },
        ]
      : [];
  });
  const { id, ...profile } = row;
  void id;
  return {
    ...profile,
    badge: policyBadge(byField.get("sanctuary_status")?.value, byField.get("ice_detainers")?.value),
    facts,
    quotes,
  };
}

async function badgesFor(ids: number[]): Promise<Map<number, PolicyBadge>> {
  if (ids.length === 0) return new Map();
  const db = await getDb();
  const rows = await db
    .select({ id: policyFacts.jurisdictionId, field: policyFacts.field, value: policyFacts.value })
    .from(policyFacts)
    .where(
      and(
        inArray(policyFacts.jurisdictionId, ids),
        inArray(policyFacts.field, ["sanctuary_status", "ice_detainers"]),
      ),
    );
  const values = new Map<number, Record<string, string>>();
  for (const r of rows) values.set(r.id, { ...values.get(r.id), [r.field]: r.value });
  return new Map(
    ids.map((id) => [
      id,
      policyBadge(values.get(id)?.sanctuary_status, values.get(id)?.ice_detainers),
    ]),
  );
}

import "server-only";
import { inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { jurisdictions, policyFacts } from "@/db/schema";
import { policyBadge, policyValueLabel, POLICY_FIELD_KEYS } from "@/lib/policy-fields";
import { citySlugSchema } from "@/lib/validation/auth";
import type { JurisdictionSummary, PolicyFactView } from "./jurisdictions";
import { summaryColumns } from "./internal/city";

export type ComparedPlace = JurisdictionSummary & {
  populationYear: number;
  /** Every policy field in POLICY_FIELD_KEYS order; null where the profile has none. */
  facts: (PolicyFactView | null)[];
};

export type Comparison = {
  /** In the order asked for. */
  places: ComparedPlace[];
  /** The slugs that name no place, as asked. */
  unknown: string[];
};

/** Several places' profiles side by side (public data), in two queries whatever the count. */
export async function getComparison(slugs: string[]): Promise<Comparison> {
  const valid = slugs.filter((s) => citySlugSchema.safeParse(s).success);
  const db = await getDb();
  const rows = valid.length
    ? await db
        .select({ ...summaryColumns, populationYear: jurisdictions.populationYear })
        .from(jurisdictions)
        .where(inArray(jurisdictions.slug, valid))
    : [];
  const facts = rows.length
    ? await db
        .select()
        .from(policyFacts)
        .where(
          inArray(
            policyFacts.jurisdictionId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  const places = slugs.flatMap((slug) => {
    const row = bySlug.get(slug);
    if (!row) return [];
    const mine = new Map(facts.filter((f) => f.jurisdictionId === row.id).map((f) => [f.field, f]));
    const { id, ...place } = row;
    void id;
    return [
      {
        ...place,
        badge: policyBadge(mine.get("sanctuary_status")?.value, mine.get("ice_detainers")?.value),
        facts: POLICY_FIELD_KEYS.map((field) => {
          const f = mine.get(field);
          return f
            ? {
                field,
                value: f.value,
                valueLabel: policyValueLabel(field, f.value),
                detail: f.detail,
                sourceUrl: f.sourceUrl,
                asOf: f.asOf,
              }
            : null;
        }),
      },
    ];
  });
  return { places, unknown: slugs.filter((s) => !bySlug.has(s)) };
}

/** Every place's slug, name and state, by state then name: the compare page's picker (public). */
export async function listPlaceChoices(): Promise<{ slug: string; name: string; state: string }[]> {
  const db = await getDb();
  return db
    .select({ slug: jurisdictions.slug, name: jurisdictions.name, state: jurisdictions.state })
    .from(jurisdictions)
    .orderBy(jurisdictions.stateName, jurisdictions.name, jurisdictions.id);
}

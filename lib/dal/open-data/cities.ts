import "server-only";
import { and, asc, desc, eq, gt, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { jurisdictions, policyFacts, profileRevisionChanges, profileRevisions } from "@/db/schema";
import type { JurisdictionKind } from "@/lib/enums";
import { POLICY_FIELD_KEYS, type PolicyFieldKey } from "@/lib/policy-fields";

/** A policy field as the download gives it: value, explanation, source and as-of date. */
export type ExportedFact = { value: string; detail: string; sourceUrl: string; asOf: string };

/** One jurisdiction's public profile, every field with its source (for /api/cities.csv). */
export type ExportedCity = {
  slug: string;
  name: string;
  kind: JurisdictionKind;
  state: string;
  stateName: string;
  summary: string;
  articleMention: string;
  population: number;
  populationYear: number;
  populationSourceUrl: string;
  leaderTitle: string;
  leaderName: string;
  /** The source of the newest recorded change of the leader (the article for the seeded ones). */
  leaderSourceUrl: string;
  leaderAsOf: string;
  /** Degrees (WGS 84), or null when not recorded. */
  latitude: number | null;
  longitude: number | null;
  facts: Partial<Record<PolicyFieldKey, ExportedFact>>;
};

export const CITY_EXPORT_BATCH = 200;

/**
 * Every jurisdiction's public profile (optionally one state's), in slug
 * order, a batch at a time: keyset-paginated on the slug, three queries a
 * batch, so a thousand jurisdictions never sit in memory at once. Public data.
 */
export async function* exportCities(
  filter: { state?: string } = {},
  batchSize = CITY_EXPORT_BATCH,
): AsyncGenerator<ExportedCity[]> {
  const db = await getDb();
  let after: string | null = null;
  for (;;) {
    const rows = await db
      .select({
        id: jurisdictions.id,
        slug: jurisdictions.slug,
        name: jurisdictions.name,
        kind: jurisdictions.kind,
        state: jurisdictions.state,
        stateName: jurisdictions.stateName,
        summary: jurisdictions.summary,
        articleMention: jurisdictions.articleMention,
        population: jurisdictions.population,
        populationYear: jurisdictions.populationYear,
        populationSourceUrl: jurisdictions.populationSourceUrl,
        leaderTitle: jurisdictions.leaderTitle,
        leaderName: jurisdictions.leaderName,
        leaderAsOf: jurisdictions.leaderAsOf,
        latitude: jurisdictions.latitude,
        longitude: jurisdictions.longitude,
      })
      .from(jurisdictions)
      .where(
        and(
          filter.state ? eq(jurisdictions.state, filter.state) : undefined,
          after === null ? undefined : gt(jurisdictions.slug, after),
        ),
      )
      .orderBy(asc(jurisdictions.slug))
      .limit(batchSize);
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.id);
    const [facts, leaderSources] = await Promise.all([
      db
        .select({
          id: policyFacts.jurisdictionId,
          field: policyFacts.field,
          value: policyFacts.value,
          detail: policyFacts.detail,
          sourceUrl: policyFacts.sourceUrl,
          asOf: policyFacts.asOf,
        })
        .from(policyFacts)
        .where(
          and(
            inArray(policyFacts.jurisdictionId, ids),
            inArray(policyFacts.field, POLICY_FIELD_KEYS),
          ),
        ),
      db
        .selectDistinctOn([profileRevisions.jurisdictionId], {
          id: profileRevisions.jurisdictionId,
          sourceUrl: profileRevisionChanges.sourceUrl,
        })
        .from(profileRevisionChanges)
        .innerJoin(profileRevisions, eq(profileRevisions.id, profileRevisionChanges.revisionId))
        .where(
          and(
            inArray(profileRevisions.jurisdictionId, ids),
            eq(profileRevisionChanges.field, "leader"),
          ),
        )
        .orderBy(profileRevisions.jurisdictionId, desc(profileRevisions.id)),
    ]);
    const factsOf = new Map<number, ExportedCity["facts"]>();
    for (const { id, field, ...fact } of facts) {
      factsOf.set(id, { ...factsOf.get(id), [field as PolicyFieldKey]: fact });
    }
    const leaderSourceOf = new Map(leaderSources.map((s) => [s.id, s.sourceUrl]));
    yield rows.map(({ id, ...city }) => ({
      ...city,
      leaderSourceUrl: leaderSourceOf.get(id) ?? "",
      facts: factsOf.get(id) ?? {},
    }));
    if (rows.length < batchSize) return;
    after = rows.at(-1)!.slug;
  }
}

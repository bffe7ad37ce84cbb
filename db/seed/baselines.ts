import { and, inArray, sql } from "drizzle-orm";
import { POLICY_FIELD_KEYS } from "@/lib/policy-fields";
import type { Transaction } from "../open";
import { jurisdictions, policyFacts, profileRevisionChanges, profileRevisions } from "../schema";

/**
 * Gives every jurisdiction without a history a baseline revision holding
 * its profile as it stands (the seeded facts, then the leader), so any later
 * change can be reverted to it. Idempotent. With no history yet, the profile
 * is exactly the policy facts and the leader columns.
 */
export async function recordBaselines(
  tx: Transaction,
  leaderSourceUrl: string,
  onlyJurisdictionIds?: number[],
): Promise<void> {
  const missing = await tx
    .select({
      id: jurisdictions.id,
      leaderName: jurisdictions.leaderName,
      leaderAsOf: jurisdictions.leaderAsOf,
    })
    .from(jurisdictions)
    .where(
      and(
        sql`not exists (select 1 from ${profileRevisions} where ${profileRevisions.jurisdictionId} = ${jurisdictions.id})`,
        onlyJurisdictionIds ? inArray(jurisdictions.id, onlyJurisdictionIds) : undefined,
      ),
    );
  if (missing.length === 0) return;
  const facts = await tx
    .select()
    .from(policyFacts)
    .where(
      inArray(
        policyFacts.jurisdictionId,
        missing.map((j) => j.id),
      ),
    );
  for (const j of missing) {
    const factOf = new Map(
      facts.filter((f) => f.jurisdictionId === j.id).map((f) => [f.field, f] as const),
    );
    type Change = {
      field: string;
      toValue: string;
      toDetail: string;
      sourceUrl: string;
      asOf: string;
    };
    const changes = POLICY_FIELD_KEYS.flatMap((field): Change[] => {
      const f = factOf.get(field);
      return f
        ? [{ field, toValue: f.value, toDetail: f.detail, sourceUrl: f.sourceUrl, asOf: f.asOf }]
        : [];
    });
    changes.push({
      field: "leader",
      toValue: j.leaderName,
      toDetail: "",
      sourceUrl: leaderSourceUrl,
      asOf: j.leaderAsOf,
    });
    const [revision] = await tx
      .insert(profileRevisions)
      .values({
        jurisdictionId: j.id,
        kind: "baseline",
        note: "The profile as first published by CityWatch.",
      })
      .returning({ id: profileRevisions.id });
    await tx
      .insert(profileRevisionChanges)
      .values(
        changes.map((c) => ({ ...c, revisionId: revision!.id, fromValue: "", fromDetail: "" })),
      );
  }
}

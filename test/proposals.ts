// Proposed jurisdictions for the suites: a form as the browser sends it, and
// the rows an approval makes.
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  auditLog,
  jurisdictionProposalFacts,
  jurisdictionProposals,
  jurisdictions,
  notifications,
  policyFacts,
  profileRevisionChanges,
  profileRevisions,
} from "@/db/schema";
import { POLICY_FIELD_KEYS } from "@/lib/policy-fields";
import {
  jurisdictionProposalSchema,
  type FactInput,
  type JurisdictionProposalForm,
} from "@/lib/validation/jurisdiction-proposal";
import { unique } from "@/test/users";

const UNKNOWN: FactInput = { value: "unknown", detail: "", sourceUrl: "", asOf: "" };

/** Santa Fe, NM as a volunteer would propose it (two policy fields known), with `over` on top. */
export function proposalForm(
  over: Partial<Omit<JurisdictionProposalForm, "facts">> & {
    facts?: Partial<JurisdictionProposalForm["facts"]>;
  } = {},
): JurisdictionProposalForm {
  const { facts, ...rest } = over;
  return {
    name: "Santa Fe",
    state: "NM",
    kind: "city",
    leaderTitle: "Mayor",
    leaderName: "Alan Webber",
    leaderSince: "2018-03-12",
    leaderSourceUrl: "https://www.santafenm.gov/mayor",
    population: "87505",
    populationYear: "2020",
    populationSourceUrl: "https://www.census.gov/quickfacts/santafecitynewmexico",
    description: "The state capital; its council declared it a sanctuary city in 1999.",
    latitude: "35.687",
    longitude: "-105.938",
    ...rest,
    facts: {
      ...Object.fromEntries(POLICY_FIELD_KEYS.map((k) => [k, UNKNOWN])),
      sanctuary_status: {
        value: "yes",
        detail: "A 1999 resolution, reaffirmed in 2016.",
        sourceUrl: "https://www.santafenm.gov/resolution-2016-77",
        asOf: "2016-12-14",
      },
      ice_detainers: {
        value: "warrant_or_criteria",
        detail: "",
        sourceUrl: "https://www.santafenm.gov/police-policy",
        asOf: "2017-01-30",
      },
      ...facts,
    } as JurisdictionProposalForm["facts"],
  };
}

export async function proposalRow(id: number) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(jurisdictionProposals)
    .where(eq(jurisdictionProposals.id, id));
  return row;
}

/** The jurisdiction at `slug` with its facts and revisions, as an approval left them. */
export async function madeJurisdiction(slug: string) {
  const db = await getDb();
  const [city] = await db.select().from(jurisdictions).where(eq(jurisdictions.slug, slug));
  if (!city) return null;
  const facts = await db.select().from(policyFacts).where(eq(policyFacts.jurisdictionId, city.id));
  const revisions = await db
    .select()
    .from(profileRevisions)
    .where(eq(profileRevisions.jurisdictionId, city.id));
  const changes = revisions[0]
    ? await db
        .select()
        .from(profileRevisionChanges)
        .where(eq(profileRevisionChanges.revisionId, revisions[0].id))
    : [];
  return { city, facts, revisions, changes };
}

export async function auditOfProposal(id: number) {
  const db = await getDb();
  return db
    .select()
    .from(auditLog)
    .where(eq(auditLog.subject, `proposal:${id}`));
}

export async function notificationsOfProposal(id: number) {
  const db = await getDb();
  return db.select().from(notifications).where(eq(notifications.proposalId, id));
}

/** A pending proposal by `authorId`, written directly; its name is unique. */
export async function insertProposal(authorId: number, name = `Matrix place ${unique()}`) {
  const db = await getDb();
  const parsed = jurisdictionProposalSchema.parse(proposalForm({ name }));
  const { facts, ...values } = parsed;
  const [row] = await db
    .insert(jurisdictionProposals)
    .values({ ...values, authorId })
    .returning({ id: jurisdictionProposals.id });
  await db
    .insert(jurisdictionProposalFacts)
    .values(facts.map((f) => ({ ...f, proposalId: row!.id })));
  return row!.id;
}

/** A proposal's row and audit rows, for "nothing written" snapshots. */
export async function proposalState(id: number) {
  return { row: await proposalRow(id), audit: await auditOfProposal(id) };
}

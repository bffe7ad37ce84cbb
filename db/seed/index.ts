import { inArray, sql } from "drizzle-orm";
import { POLICY_FIELD_KEYS } from "@/lib/policy-fields";
import type { Database } from "../open";
import {
  articleCorrections,
  articleQuotes,
  articleQuoteSpeakers,
  articles,
  jurisdictions,
  policyFacts,
} from "../schema";
import { recordBaselines } from "./baselines";
import { SEED_ARTICLE, SEED_CORRECTIONS, SEED_QUOTES } from "./article";
import { SEED_JURISDICTIONS } from "./jurisdictions";

/**
 * Seeds the article and the jurisdictions it names. Idempotent: rows that
 * exist are left alone (they may have been edited through moderation), so it
 * runs safely at every start.
 */
export async function seedDatabase(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(jurisdictions)
      .values(SEED_JURISDICTIONS.map(({ facts, ...j }) => (void facts, j)))
      .onConflictDoNothing({ target: jurisdictions.slug });
    // A database seeded before places had coordinates (drizzle/0021) gets them
    // now; a place whose coordinates someone has set keeps them.
    const coordinates = SEED_JURISDICTIONS.map(
      (j) => sql`(${j.slug}, ${j.latitude}::float8, ${j.longitude}::float8)`,
    );
    await tx.execute(sql`
      update jurisdictions j set latitude = v.lat, longitude = v.lng
      from (values ${sql.join(coordinates, sql`, `)}) as v(slug, lat, lng)
      where j.slug = v.slug and j.latitude is null`);

    const rows = await tx
      .select({ id: jurisdictions.id, slug: jurisdictions.slug })
      .from(jurisdictions)
      .where(
        inArray(
          jurisdictions.slug,
          SEED_JURISDICTIONS.map((j) => j.slug),
        ),
      );
    const idBySlug = new Map(rows.map((r) => [r.slug, r.id]));
    const idOf = (slug: string) => {
      const id = idBySlug.get(slug);
      if (id === undefined) throw new Error(`Seed refers to unknown jurisdiction ${slug}`);
      return id;
    };

    await tx
      .insert(policyFacts)
      .values(
        SEED_JURISDICTIONS.flatMap((j) =>
          POLICY_FIELD_KEYS.map((field) => ({
            jurisdictionId: idOf(j.slug),
            field,
            value: j.facts[field].value,
            detail: j.facts[field].detail,
            sourceUrl: j.facts[field].sourceUrl,
            asOf: j.facts[field].asOf,
          })),
        ),
      )
      .onConflictDoNothing();

    // The leader's source: the article, which names the leaders of April 2017.
    await recordBaselines(tx, SEED_ARTICLE.sourceUrl);

    const [article] = await tx
      .insert(articles)
      .values(SEED_ARTICLE)
      .onConflictDoNothing({ target: articles.slug })
      .returning({ id: articles.id });
    if (!article) return; // already seeded

    const quotes = await tx
      .insert(articleQuotes)
      .values(
        SEED_QUOTES.map((q, position) => ({
          articleId: article.id,
          position,
          text: q.text,
          attribution: q.attribution,
          sourceHeading: q.sourceHeading,
        })),
      )
      .returning({ id: articleQuotes.id, position: articleQuotes.position });
    await tx.insert(articleQuoteSpeakers).values(
      quotes.flatMap((q) =>
        SEED_QUOTES[q.position]!.speakers.map((s, position) => ({
          quoteId: q.id,
          jurisdictionId: idOf(s.slug),
          speakerName: s.name,
          position,
        })),
      ),
    );
    await tx
      .insert(articleCorrections)
      .values(SEED_CORRECTIONS.map((c, position) => ({ articleId: article.id, position, ...c })));
  });
}

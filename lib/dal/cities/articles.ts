import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  articleCorrections,
  articleQuotes,
  articleQuoteSpeakers,
  articles,
  jurisdictions,
  type ArticleSideMaterial,
} from "@/db/schema";

export type QuoteSpeaker = { name: string; slug: string; place: string };
export type ArticleQuote = {
  id: number;
  text: string;
  attribution: string;
  sourceHeading: string | null;
  speakers: QuoteSpeaker[];
};
export type ArticleView = {
  slug: string;
  title: string;
  headline: string;
  publishedOn: string;
  sourceName: string;
  sourceUrl: string;
  introMarkdown: string;
  quotesHeading: string;
  sideMaterial: ArticleSideMaterial;
  quotes: ArticleQuote[];
  corrections: { original: string; corrected: string; note: string }[];
};

/** A published article with its attributed quotes and corrections (public data). */
export async function getArticle(slug: string): Promise<ArticleView | null> {
  const db = await getDb();
  const [article] = await db.select().from(articles).where(eq(articles.slug, slug)).limit(1);
  if (!article) return null;

  const [quoteRows, speakerRows, corrections] = await Promise.all([
    db
      .select()
      .from(articleQuotes)
      .where(eq(articleQuotes.articleId, article.id))
      .orderBy(asc(articleQuotes.position)),
    db
      .select({
        quoteId: articleQuoteSpeakers.quoteId,
        name: articleQuoteSpeakers.speakerName,
        slug: jurisdictions.slug,
        place: jurisdictions.name,
      })
      .from(articleQuoteSpeakers)
      .innerJoin(jurisdictions, eq(jurisdictions.id, articleQuoteSpeakers.jurisdictionId))
      .innerJoin(articleQuotes, eq(articleQuotes.id, articleQuoteSpeakers.quoteId))
      .where(eq(articleQuotes.articleId, article.id))
      .orderBy(asc(articleQuoteSpeakers.position)),
    db
      .select({
        original: articleCorrections.original,
        corrected: articleCorrections.corrected,
        note: articleCorrections.note,
      })
      .from(articleCorrections)
      .where(eq(articleCorrections.articleId, article.id))
      .orderBy(asc(articleCorrections.position)),
  ]);

  return {
    slug: article.slug,
    title: article.title,
    headline: article.headline,
    publishedOn: article.publishedOn,
    sourceName: article.sourceName,
    sourceUrl: article.sourceUrl,
    introMarkdown: article.introMarkdown,
    quotesHeading: article.quotesHeading,
    sideMaterial: article.sideMaterial,
    quotes: quoteRows.map((q) => ({
      id: q.id,
      text: q.text,
      attribution: q.attribution,
      sourceHeading: q.sourceHeading,
      speakers: speakerRows
        .filter((s) => s.quoteId === q.id)
        .map(({ name, slug, place }) => ({ name, slug, place })),
    })),
    corrections,
  };
}

export type JurisdictionQuote = {
  articleSlug: string;
  articleTitle: string;
  text: string;
  attribution: string;
  speakerName: string;
};

/** The article quotes spoken for one jurisdiction, in article order. */
export async function listQuotesForJurisdiction(
  jurisdictionId: number,
): Promise<JurisdictionQuote[]> {
  const db = await getDb();
  const rows = await db
    .select({
      quoteId: articleQuotes.id,
      articleSlug: articles.slug,
      articleTitle: articles.title,
      text: articleQuotes.text,
      attribution: articleQuotes.attribution,
      speakerName: articleQuoteSpeakers.speakerName,
    })
    .from(articleQuoteSpeakers)
    .innerJoin(articleQuotes, eq(articleQuotes.id, articleQuoteSpeakers.quoteId))
    .innerJoin(articles, eq(articles.id, articleQuotes.articleId))
    .where(eq(articleQuoteSpeakers.jurisdictionId, jurisdictionId))
    .orderBy(asc(articles.publishedOn), asc(articleQuotes.position));
  return rows.map(({ quoteId, ...rest }) => (void quoteId, rest));
}

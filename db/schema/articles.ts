import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { jurisdictions } from "./jurisdictions";
import { tsvector } from "./search";

export type ArticleSideMaterial = {
  onThisPage: string[];
  relatedSections: { heading: string; items: string[] }[];
  honours: { title: string; entries: { rank: number; name: string; place: string }[] };
};

/** A published article; the body is trusted Markdown written by the editors. */
export const articles = pgTable("articles", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  headline: text("headline").notNull(),
  publishedOn: date("published_on").notNull(),
  sourceName: text("source_name").notNull(),
  sourceUrl: text("source_url").notNull(),
  introMarkdown: text("intro_markdown").notNull(),
  quotesHeading: text("quotes_heading").notNull(),
  sideMaterial: jsonb("side_material").$type<ArticleSideMaterial>().notNull(),
  /** Title, headline and introduction, for search (the quotes have their own). */
  searchVector: tsvector("search_vector").generatedAlwaysAs(
    sql`setweight(to_tsvector('english', cw_unaccent(title || ' ' || headline)), 'A') || setweight(to_tsvector('english', cw_unaccent(intro_markdown)), 'B')`,
  ),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A mayor's quote in an article, in the order printed. */
export const articleQuotes = pgTable(
  "article_quotes",
  {
    id: serial("id").primaryKey(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    text: text("text").notNull(),
    /** The attribution as printed, e.g. "Mayor Rahm Emanuel". */
    attribution: text("attribution").notNull(),
    /** The place heading the source printed above the quote; null where it left the city out. */
    sourceHeading: text("source_heading"),
    /** The quote and who said it, for search. */
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', cw_unaccent(attribution || ' ' || coalesce(source_heading, ''))), 'A') || setweight(to_tsvector('english', cw_unaccent(text)), 'B')`,
    ),
  },
  (t) => [unique("article_quotes_position_unique").on(t.articleId, t.position)],
);

/** Who said a quote and for which jurisdiction (a joint statement has several). */
export const articleQuoteSpeakers = pgTable(
  "article_quote_speakers",
  {
    quoteId: integer("quote_id")
      .notNull()
      .references(() => articleQuotes.id, { onDelete: "cascade" }),
    jurisdictionId: integer("jurisdiction_id")
      .notNull()
      .references(() => jurisdictions.id, { onDelete: "cascade" }),
    speakerName: text("speaker_name").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.quoteId, t.jurisdictionId] }),
    index("article_quote_speakers_jurisdiction_idx").on(t.jurisdictionId),
  ],
);

/** A visible correction of an obvious typo in the source text. */
export const articleCorrections = pgTable(
  "article_corrections",
  {
    id: serial("id").primaryKey(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    original: text("original").notNull(),
    corrected: text("corrected").notNull(),
    note: text("note").notNull(),
  },
  (t) => [unique("article_corrections_position_unique").on(t.articleId, t.position)],
);

import { citySlugSchema } from "./auth";

/**
 * A `[slug]` route parameter that can name a city or the article, else null,
 * so the page answers 404 without a query (Postgres refuses a NUL in text: a
 * query with one fails instead of finding nothing).
 */
export const slugParam = (raw: string): string | null =>
  citySlugSchema.safeParse(raw).success ? raw : null;

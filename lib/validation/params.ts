import { citySlugSchema } from "./auth";

/**
 * A `[slug]` route parameter that can name a city or the article, else null,
 * so the page answers 404 without a query (Postgres refuses a NUL in text: a
 * query with one fails instead of finding nothing).
 */
export const slugParam = (raw: string): string | null =>
  citySlugSchema.safeParse(raw).success ? raw : null;

/** An `[id]` route parameter that can name a row (a positive 32-bit integer), else null. */
export const idParam = (raw: string): number | null =>
  /^[1-9]\d{0,9}$/.test(raw) && Number(raw) <= 2_147_483_647 ? Number(raw) : null;

import { bigint, index, pgTable, text } from "drizzle-orm/pg-core";

/**
 * When each cache tag last expired, for every app instance on this database
 * (lib/cache/tag-expirations.mjs). An instance learns of a new row at once
 * through `NOTIFY cache_tags`, and re-reads the rows it may have missed after
 * its listening connection comes back. One row per tag, so the table stays as
 * small as the set of tags (pages and lists), however many writes there are.
 */
export const cacheTagExpirations = pgTable(
  "cache_tag_expirations",
  {
    tag: text("tag").primaryKey(),
    /** Milliseconds since the epoch, by the clock of the instance that made the write. */
    expiredAt: bigint("expired_at", { mode: "number" }).notNull(),
  },
  (t) => [index("cache_tag_expirations_expired_at_idx").on(t.expiredAt)],
);

import { customType } from "drizzle-orm/pg-core";

/**
 * A Postgres `tsvector`, always a generated column here: the database keeps it
 * in step with the text it is made of (drizzle/0021). Read only by search
 * queries (lib/dal/search), never written.
 */
export const tsvector = customType<{ data: string }>({
  dataType: () => "tsvector",
});

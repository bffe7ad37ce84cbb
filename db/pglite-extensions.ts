import { unaccent } from "@electric-sql/pglite/contrib/unaccent";

/**
 * The Postgres extensions the migrations create (drizzle/0021: unaccent, for
 * search). PGlite bundles them but loads only those it is given, so every
 * `PGlite.create` passes these.
 */
export const PGLITE_EXTENSIONS = { unaccent };

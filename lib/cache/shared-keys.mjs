// Names shared by the cache handler's expirations (tag-expirations.mjs, loaded by
// Node itself) and the app's bundles (the proxy, the DAL), without loading `pg`.

/** Where each process keeps its one TagExpirations. */
export const EXPIRATIONS_KEY = Symbol.for("citywatch.tagExpirations");

/** Tags of changes to an account's role or standing: `account:<user id>`. */
export const ACCOUNT_TAG_PREFIX = "account:";

// Each test file gets its own in-memory PGlite unless DATABASE_URL points at
// Postgres; the app code opens it through the same getDb() it uses in production.
if (!process.env.DATABASE_URL) process.env.PGLITE_DIR = "memory://";

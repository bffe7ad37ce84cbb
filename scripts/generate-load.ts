// `npm run db:generate-load [-- --cities 1000 --updates 100000 --comments 1000000 --users 50000]`
// Fills the database with a large, realistic data set for benchmarks and soak
// runs. Defaults: the sizes QUALITY.md asks for on Postgres (DATABASE_URL);
// a tenth of them on the embedded PGlite (one process, one core).
//   - cities: up to --cities in all (the 15 seeded ones plus "Load City N");
//   - users: "load-user-N@example.net" (password citywatch-demo), each
//     following 1 to 10 cities; the demo resident follows 50;
//   - updates: 95% approved across every city, 5% waiting in the queue;
//   - comments: threads of 1 + 9 replies; half on Boston's page (its last
//     page of comments is deep), the rest on other cities, updates and the article.
// The database must already exist (start the app once) and the app must be
// stopped when it is PGlite. Rows are added once: a second run refuses.
// The data set itself is scripts/lib/data-set.ts, which the benchmarks share.
import { existsSync } from "node:fs";
import path from "node:path";
import { generateLoad, loadSizes } from "./lib/data-set";
import { databaseTarget, fail } from "./lib/db-target";
import { openScriptDb, type ScriptDb } from "./lib/script-db";

const target = databaseTarget();
const sizes = loadSizes(target.kind);
const noTables =
  "the database has no CityWatch tables yet: start the app once (npm start), stop it, then run this again.";
if (target.kind === "pglite" && !existsSync(path.join(target.dir, "PG_VERSION"))) fail(noTables);
let db: ScriptDb | undefined;
try {
  db = await openScriptDb(target);
  const { ok } = await db.one<{ ok: boolean }>(
    `select to_regclass('public.comments') is not null as ok`,
  );
  if (!ok) fail(noTables);
  console.log(`[load] ${target.kind}: ${JSON.stringify(sizes)}`);
  const totals = await generateLoad(db, sizes);
  console.log(`[load] the database now holds ${JSON.stringify(totals)}`);
} catch (error) {
  fail((error as Error).message);
} finally {
  await db?.close();
}

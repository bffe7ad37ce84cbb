// `npm start`: builds once when there is no production build, then runs it.
// The embedded database is created, migrated and seeded by the server itself.
import { spawnSync } from "node:child_process";
import { ensureProductionBuild } from "./lib/production-build";
import { withServerNodeOptions } from "./lib/server-node-options";

ensureProductionBuild();
if (!process.env.DATABASE_URL) {
  console.log(
    "[citywatch] using the embedded database in " + (process.env.PGLITE_DIR || ".data/pglite"),
  );
}
const port = process.env.PORT || "3000";
process.env.NODE_OPTIONS = withServerNodeOptions(process.env.NODE_OPTIONS);
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
const result = spawnSync("npx", ["next", "start", "-p", port], {
  stdio: "inherit",
  env: process.env,
});
process.exit(result.status ?? 1);

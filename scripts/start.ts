// `npm start`: builds once when there is no production build, then runs it.
// The embedded database is created, migrated and seeded by the server itself.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { withServerNodeOptions } from "./lib/server-node-options";

const run = (args: string[]) => {
  const result = spawnSync("npx", ["next", ...args], { stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!existsSync(".next/BUILD_ID")) {
  console.log("[citywatch] no production build found: building first (about a minute)…");
  run(["build"]);
}
if (!process.env.DATABASE_URL) {
  console.log(
    "[citywatch] using the embedded database in " + (process.env.PGLITE_DIR || ".data/pglite"),
  );
}
const port = process.env.PORT || "3000";
process.env.NODE_OPTIONS = withServerNodeOptions(process.env.NODE_OPTIONS);
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
run(["start", "-p", port]);

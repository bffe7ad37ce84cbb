// The production build `next start` runs, made once when there is none.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export function ensureProductionBuild(): void {
  if (existsSync(".next/BUILD_ID")) return;
  console.log("[citywatch] no production build found: building first (about a minute)…");
  const result = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

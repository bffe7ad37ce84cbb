// `npm test`: builds the app, runs the unit and integration tests (Vitest),
// the end-to-end tests (Playwright, against the production build) and the
// system tests (real server processes: crashes, two instances, backups), then
// prints one line of totals. Uses embedded PGlite, or Postgres when DATABASE_URL is set.
//   --no-build   reuse the existing production build
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

const args = new Set(process.argv.slice(2));
const run = (cmd: string, cmdArgs: string[]) =>
  spawnSync(cmd, cmdArgs, { stdio: "inherit", env: process.env }).status ?? 1;

console.log(
  `[test] database: ${process.env.DATABASE_URL ? "postgres (DATABASE_URL)" : "embedded PGlite"}`,
);
// Playwright cannot download its own browser here: use Debian's Chromium, and
// Debian's nginx for the cluster test (Postgres), installing them when we can
// (root with apt-get), as CI does.
const missing = [
  ...(existsSync("/usr/bin/chromium") ? [] : ["chromium"]),
  ...(existsSync("/usr/sbin/nginx") || !process.env.DATABASE_URL ? [] : ["nginx-light"]),
];
if (missing.length > 0 && process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
  console.log(`[test] installing Debian's ${missing.join(" and ")} for the tests…`);
  run("sh", [
    "-c",
    `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(" ")}`,
  ]);
}
if (!existsSync("/usr/bin/chromium")) {
  console.warn("[test] /usr/bin/chromium is missing: install it (sudo apt-get install chromium).");
}
if (process.env.DATABASE_URL && !existsSync("/usr/sbin/nginx")) {
  console.warn("[test] /usr/sbin/nginx is missing: install it (sudo apt-get install nginx-light).");
}
// Playwright empties test-results/ when it starts, so the reports live apart.
mkdirSync("reports", { recursive: true });
for (const f of ["unit.json", "e2e.json", "system.json"]) rmSync(`reports/${f}`, { force: true });

if (!args.has("--no-build") || !existsSync(".next/BUILD_ID")) {
  if (run("npx", ["next", "build"]) !== 0) {
    console.log("0 passed, 1 failed");
    process.exit(1);
  }
}

const unitStatus = run("npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  "--outputFile.json=reports/unit.json",
]);
const e2eStatus = run("npx", ["playwright", "test"]);
const systemStatus = run("npx", [
  "vitest",
  "run",
  "--config",
  "vitest.system.config.ts",
  "--reporter=default",
  "--reporter=json",
  "--outputFile.json=reports/system.json",
]);

/** What Vitest's JSON reporter writes. */
type VitestReport = { numPassedTests: number; numFailedTests: number };
/** What Playwright's JSON reporter writes (playwright.config.ts). */
type PlaywrightReport = { stats?: { expected?: number; unexpected?: number; flaky?: number } };

const unit = readJson<VitestReport>("reports/unit.json");
const e2e = readJson<PlaywrightReport>("reports/e2e.json");
const system = readJson<VitestReport>("reports/system.json");
const passed =
  (unit?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0) + (system?.numPassedTests ?? 0);
const failed =
  (unit ? unit.numFailedTests : 1) +
  (system ? system.numFailedTests : 1) +
  (systemStatus !== 0 && system?.numFailedTests === 0 ? 1 : 0) +
  (e2e ? (e2e.stats?.unexpected ?? 0) + (e2e.stats?.flaky ?? 0) : 1) +
  (unitStatus !== 0 && unit?.numFailedTests === 0 ? 1 : 0) +
  (e2eStatus !== 0 && e2e?.stats?.unexpected === 0 ? 1 : 0);
console.log(
  `[test] unit: ${unit?.numPassedTests ?? 0} passed; e2e: ${e2e?.stats?.expected ?? 0} passed; ` +
    `system: ${system?.numPassedTests ?? 0} passed`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(unitStatus === 0 && e2eStatus === 0 && systemStatus === 0 ? 0 : 1);

function readJson<T>(path: string): T | null {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as T;
  } catch {
    return null;
  }
}

// Starts the production build for Playwright on a fresh embedded database
// (or on DATABASE_URL when set), so every run begins from the seed.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";

const port = process.env.E2E_PORT || "3100";
const env = { ...process.env, PORT: port, NEXTAUTH_URL: `http://127.0.0.1:${port}` };
// Postgres runs need a secret; a fresh one per run is fine for tests.
env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
// The journeys sign in as the demo accounts, on Postgres too.
env.SEED_DEMO ??= "1";
if (!env.DATABASE_URL) {
  env.PGLITE_DIR = ".data/e2e/pglite";
  rmSync(".data/e2e", { recursive: true, force: true });
}
const child = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));

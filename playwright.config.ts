import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
// Specs that add jurisdictions: every other spec may count the fifteen seeded places.
const GROWS_DATA = /propose-jurisdiction\.spec\.ts/;
// What the browser makes of pages (accessibility, script sizes, phone layouts and the
// journeys again at phone size) is the same whichever database served them: `npm test`
// runs these on embedded PGlite, and a run on Postgres (DATABASE_URL) leaves them out,
// which keeps CI's second pass about five minutes shorter (README › Tests).
const onPostgres = Boolean(process.env.DATABASE_URL);
const BROWSER_ONLY = [/a11y\.spec\.ts/, /js-size\.spec\.ts/];
// Playwright cannot download its own browser here; use Debian's Chromium when present.
const executablePath = existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  // Journeys with two people (a user and an admin) take a while on a loaded 2-core machine.
  timeout: 60_000,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"], ["json", { outputFile: "reports/e2e.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    // A click that cannot happen fails in 15 s with what it waited for, not at the test timeout.
    actionTimeout: 15_000,
    launchOptions: {
      executablePath,
      args: [
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"] },
      testIgnore: [/phone\.spec\.ts/, GROWS_DATA, ...(onPostgres ? BROWSER_ONLY : [])],
    },
    ...(onPostgres
      ? []
      : [
          { name: "phone", use: { ...devices["Pixel 7"] }, testMatch: /phone\.spec\.ts/ },
          // Each person's whole path again at phone size (the desktop project runs them too).
          {
            name: "journeys-phone",
            use: { ...devices["Pixel 7"] },
            testMatch: /journeys\/.*\.spec\.ts/,
          },
        ]),
    // Specs that add places, run once the specs counting the seeded fifteen are done.
    {
      name: "grows-data",
      use: { ...devices["Desktop Chrome"] },
      testMatch: GROWS_DATA,
      dependencies: onPostgres ? ["desktop"] : ["desktop", "phone", "journeys-phone"],
    },
  ],
  webServer: {
    command: "node --import tsx scripts/e2e-server.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
  },
});

// `npm run lighthouse`: Lighthouse 12 (pinned) with the system Chromium against
// the production build, on the article and a city page, as QUALITY.md asks:
// performance >= 95 and accessibility 100, JavaScript to the article < 150 KB
// gzipped. Each page runs --runs times per form factor; the table shows medians.
//   "mobile"  = Lighthouse's default config (Moto G Power emulation, simulated
//               slow 4G and 4x CPU slowdown): the one to judge the bar by.
//   "desktop" = Lighthouse's desktop config (simulated fast network, no CPU slowdown).
//   npm run lighthouse [-- --runs 3 --port 3400 --pages /articles/us-sanctuary-cities,/cities/boston-ma]
// Builds first when there is no production build. Uses a fresh embedded
// database in a temporary folder, or DATABASE_URL (which should be fresh too).
import { spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig, type Result } from "lighthouse";
import { productionEnv, startApp, stopApp, waitFor } from "./bench/app-process";
import { CATEGORIES, report, score, summarize, type PageSummary } from "./bench/lighthouse-report";
import { requireFreePorts } from "./bench/setup";
import { stringFlags } from "./lib/flags";

const opts = stringFlags({
  runs: "3",
  port: "3400",
  pages: "/articles/us-sanctuary-cities,/cities/boston-ma",
  "form-factors": "mobile,desktop",
});
const runs = Number(opts.runs);
const pages = opts.pages.split(",").filter(Boolean);
const formFactors = opts["form-factors"].split(",").filter(Boolean);
const chromePath = process.env.CHROME_PATH || "/usr/bin/chromium";

if (!existsSync(".next/BUILD_ID")) {
  console.log("No production build found: building first (about a minute)…");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: process.env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
await requireFreePorts(Number(opts.port));

const { env, appUrl } = productionEnv(opts.port);
let dataDir: string | undefined;
if (env.DATABASE_URL) {
  console.warn("Using DATABASE_URL: it should be a fresh database (seed data only).");
} else {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "citywatch-lighthouse-"));
  env.PGLITE_DIR = path.join(dataDir, "pglite");
}

let app: ChildProcess | undefined;
let chrome: chromeLauncher.LaunchedChrome | undefined;
const results: PageSummary[] = [];
try {
  app = startApp(env);
  await waitFor(`${appUrl}/api/health`);
  for (const page of pages) {
    // Warm-up: render (and cache) each page before Lighthouse looks at it.
    for (let i = 0; i < 3; i++) {
      const res = await fetch(appUrl + page);
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${page} answered ${res.status}`);
    }
  }
  chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  for (const page of pages) {
    for (const formFactor of formFactors) {
      const config = formFactor === "desktop" ? desktopConfig : undefined;
      const lhrs: Result[] = [];
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(
          appUrl + page,
          { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES },
          config,
        );
        if (!result) throw new Error(`Lighthouse returned nothing for ${page}`);
        const { lhr } = result;
        if (lhr.runtimeError) throw new Error(`${page}: ${lhr.runtimeError.message}`);
        for (const w of lhr.runWarnings) console.warn(`${page} (${formFactor}): ${w}`);
        lhrs.push(lhr);
        console.error(
          `${page} ${formFactor} run ${i + 1}/${runs}: performance ${score(lhr, "performance")}`,
        );
      }
      results.push(summarize(page, formFactor, lhrs));
    }
  }
} finally {
  chrome?.kill();
  if (app) await stopApp(app);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
report(results, {
  runs,
  chromePath,
  database: env.DATABASE_URL ? "Postgres" : "fresh PGlite",
});

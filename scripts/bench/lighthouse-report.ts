// What `npm run lighthouse` reports: medians over each page's runs, the
// JavaScript it loaded, failed accessibility audits, and the bars of QUALITY.md.
import type { Result } from "lighthouse";
import { machine } from "./report";

export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const JS_BUDGET = 150 * 1024;

export type PageSummary = ReturnType<typeof summarize>;

/** A category's score out of 100 (NaN when it has none). */
export function score(lhr: Result, category: string): number {
  const s = lhr.categories[category]?.score;
  return s == null ? NaN : Math.round(s * 100);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The rows of an audit's table (network requests, failing elements); none when it has none. */
function itemsOf(audit: Result["audits"][string] | undefined): Record<string, unknown>[] {
  const details = audit?.details;
  return details && "items" in details ? (details.items as Record<string, unknown>[]) : [];
}

const bytes = (value: unknown) => (typeof value === "number" ? value : 0);

/** Lighthouse's groups of main-thread work (the "mainthread-work-breakdown" audit). */
const WORK_GROUPS = [
  ["scriptEvaluation", "script evaluation"],
  ["scriptParseCompile", "script parse"],
  ["parseHTML", "parse HTML"],
  ["styleLayout", "style & layout"],
  ["paintCompositeRender", "paint"],
  ["garbageCollection", "GC"],
  ["other", "other"],
] as const;

/** Medians over the runs, the JavaScript bytes, and every failed accessibility audit. */
export function summarize(page: string, formFactor: string, lhrs: Result[]) {
  const metric = (id: string) => median(lhrs.map((l) => l.audits[id]?.numericValue ?? NaN));
  // transferSize is the compressed body plus response headers (about 0.8 KB a file
  // more than e2e/js-size.spec.ts counts); resourceSize is the uncompressed body.
  const js = lhrs.map((l) => {
    const scripts = itemsOf(l.audits["network-requests"]).filter(
      (r) => r.resourceType === "Script",
    );
    return {
      count: scripts.length,
      transfer: scripts.reduce((sum, r) => sum + bytes(r.transferSize), 0),
      resource: scripts.reduce((sum, r) => sum + bytes(r.resourceSize), 0),
    };
  });
  const a11yFailures = new Map<string, string>();
  for (const lhr of lhrs) {
    for (const ref of lhr.categories.accessibility?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (audit?.score == null || audit.score >= 1) continue;
      const nodes = itemsOf(audit)
        .map((item) => {
          const node = item.node as { selector?: string; snippet?: string } | undefined;
          return node?.selector ?? node?.snippet;
        })
        .filter(Boolean);
      a11yFailures.set(ref.id, `${audit.title}${nodes.length ? `: ${nodes.join(", ")}` : ""}`);
    }
  }
  const work = (group: string) =>
    median(
      lhrs.map((l) =>
        bytes(
          itemsOf(l.audits["mainthread-work-breakdown"]).find((i) => i.group === group)?.duration,
        ),
      ),
    );
  const html = median(
    lhrs.map((l) =>
      bytes(
        itemsOf(l.audits["network-requests"]).find((r) => r.resourceType === "Document")
          ?.transferSize,
      ),
    ),
  );
  return {
    page,
    formFactor,
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, median(lhrs.map((l) => score(l, c)))])),
    perfRuns: lhrs.map((l) => score(l, "performance")),
    lcp: metric("largest-contentful-paint"),
    tbt: metric("total-blocking-time"),
    cls: metric("cumulative-layout-shift"),
    jsCount: median(js.map((j) => j.count)),
    jsTransfer: median(js.map((j) => j.transfer)),
    jsResource: median(js.map((j) => j.resource)),
    mainThread: WORK_GROUPS.map(([group]) => work(group)),
    domElements: metric("dom-size"),
    htmlTransfer: html,
    a11yFailures,
    benchmarkIndex: median(lhrs.map((l) => l.environment.benchmarkIndex)),
    chrome: lhrs[0]?.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? "unknown",
  };
}

/** Prints the Markdown report; `database` names what the app ran on. */
export function report(
  rows: PageSummary[],
  { runs, chromePath, database }: { runs: number; chromePath: string; database: string },
): void {
  const kb = (n: number) => (n / 1024).toFixed(1);
  console.log(`\n# Lighthouse 12.2.3 ${new Date().toISOString()}`);
  console.log(`machine: ${machine()}, ${rows[0]?.chrome} (${chromePath})`);
  console.log(
    `${runs} runs per page and form factor, medians; mobile = Lighthouse default (simulated throttling), desktop = desktop config; ${database}`,
  );
  console.log(
    "\n| page | form factor | performance (runs) | accessibility | best practices | SEO | LCP ms | TBT ms | CLS | JS files | JS transfer KB | JS resource KB | CPU index |",
  );
  console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    const s = (c: string) => r.scores[c];
    console.log(
      `| ${r.page} | ${r.formFactor} | ${s("performance")} (${r.perfRuns.join("/")}) | ${s("accessibility")} | ${s("best-practices")} | ${s("seo")} | ${r.lcp.toFixed(0)} | ${r.tbt.toFixed(0)} | ${r.cls.toFixed(3)} | ${r.jsCount} | ${kb(r.jsTransfer)} | ${kb(r.jsResource)} | ${r.benchmarkIndex.toFixed(0)} |`,
    );
  }
  console.log(
    "\nWhere the main thread's time went (ms, medians; mobile's are Lighthouse's simulated 4x slower CPU):",
  );
  console.log(
    `\n| page | form factor | ${WORK_GROUPS.map(([, label]) => label).join(" | ")} | DOM elements | HTML transfer KB |`,
  );
  console.log(`|---|---|${WORK_GROUPS.map(() => "---:|").join("")}---:|---:|`);
  for (const r of rows) {
    console.log(
      `| ${r.page} | ${r.formFactor} | ${r.mainThread.map((ms) => ms.toFixed(0)).join(" | ")} | ${r.domElements.toFixed(0)} | ${kb(r.htmlTransfer)} |`,
    );
  }
  console.log("\nFailed accessibility audits (any run):");
  const failures = rows.flatMap((r) =>
    [...r.a11yFailures].map(([id, text]) => `- ${r.page} (${r.formFactor}): ${id} — ${text}`),
  );
  console.log(failures.length ? failures.join("\n") : "- none");

  console.log("\nAgainst QUALITY.md (mobile medians):");
  for (const r of rows.filter((row) => row.formFactor === "mobile")) {
    const perf = r.scores.performance ?? NaN;
    const a11y = r.scores.accessibility;
    console.log(
      `- ${r.page}: performance ${perf} ${perf >= 95 ? "meets" : "MISSES"} >= 95; accessibility ${a11y} ${a11y === 100 ? "meets" : "MISSES"} 100`,
    );
  }
  const article = rows.find((r) => r.page.startsWith("/articles/"));
  if (article) {
    // Lighthouse's transfer size counts each response's headers too (about 0.8 KB a
    // file); the bar is on the gzipped JavaScript itself, which e2e/js-size.spec.ts
    // measures (bodies on the wire) and CI enforces.
    console.log(
      `- article JavaScript ${kb(article.jsTransfer)} KB transferred with headers ` +
        `(${article.jsTransfer < JS_BUDGET ? "under" : "over"} 150 KB even so); ` +
        "the bar's own measure is e2e/js-size.spec.ts",
    );
  }
}

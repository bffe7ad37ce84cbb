// What the benchmarks print: Markdown for BENCHMARKS.md.
import os from "node:os";

/** The machine a run was on: cores, CPU model, memory and Node. */
export function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/** A latency in ms as the tables show it. */
export const ms = (n: number) => n.toFixed(1);

type Row = { name: string; rps: number; p50: number; p95: number; p99: number; errors: number };

/** Prints a run's heading, machine, setting and the results table (Markdown). */
export function printResults(title: string, setting: string, results: Row[]): void {
  console.log(`\n# ${title} ${new Date().toISOString()}`);
  console.log(`machine: ${machine()}`);
  console.log(setting);
  printTable("page", results);
}

/** A table of load results, a row each, `first` naming the first column. */
export function printTable(first: string, results: Row[]): void {
  console.log(`\n| ${first} | req/s | p50 ms | p95 ms | p99 ms | errors |`);
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.rps.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.errors} |`,
    );
  }
}

// A server's memory: the resident set of its whole process group, from `ps`.
import { execFile, execSync } from "node:child_process";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/** MiB from the KiB column of `ps -o rss=`. */
const mibOf = (psOutput: string) =>
  Math.round(
    psOutput
      .split(/\s+/)
      .filter(Boolean)
      .map(Number)
      .reduce((a, b) => a + b, 0) / 1024,
  );

/** The resident memory of a server's process group, now ("unknown" when `ps` fails). */
export function rssOf(pgid: number | undefined): string {
  try {
    return `${mibOf(execSync(`ps -o rss= -g ${pgid}`, { encoding: "utf8" }))} MiB`;
  } catch {
    return "unknown";
  }
}

/**
 * The whole run's server memory: samples the process group's RSS every second
 * without blocking (a synchronous `ps` would stall the load generator sharing
 * this process and show up as latency); `sample()` reads it now, in MiB.
 */
export function watchMemory(pgid: number | undefined) {
  let peak = 0;
  const read = async () => {
    try {
      const { stdout } = await execFileAsync("ps", ["-o", "rss=", "-g", String(pgid)]);
      const mib = mibOf(stdout);
      peak = Math.max(peak, mib);
      return mib;
    } catch {
      return NaN;
    }
  };
  const timer = setInterval(read, 1000);
  timer.unref();
  return { sample: read, peak: () => peak, stop: () => clearInterval(timer) };
}

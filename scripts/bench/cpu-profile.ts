// Where a server's time went, from a V8 CPU profile (`node --cpu-prof`): self
// time per package or file, per kind of code and per function.
import type { Profiler } from "node:inspector";

/** Places or functions with their self time in µs, the busiest first. */
export type Breakdown = [where: string, us: number][];

export type ProfileSummary = {
  busy: number;
  idle: number;
  byGroup: Breakdown;
  byPlace: Breakdown;
  byFunction: Breakdown;
};

/**
 * Self time (µs) per place and per function, and idle and busy totals, of the
 * samples taken during the measured load (`window`, on the same monotonic clock).
 */
export function summarize(
  prof: Profiler.Profile,
  window: { startUs: number; endUs: number },
): ProfileSummary {
  const byNode = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const deltas = prof.timeDeltas ?? [];
  // timeDeltas[i] is the time from sample i-1 to sample i; as DevTools does, a
  // sample is credited with the time until the next one.
  let at = prof.startTime;
  (prof.samples ?? []).forEach((id, i) => {
    at += deltas[i] ?? 0;
    const until = deltas[i + 1] ?? 0;
    if (at >= window.startUs && at <= window.endUs) self.set(id, (self.get(id) ?? 0) + until);
  });
  const byPlace = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const byGroup = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  for (const [id, us] of self) {
    const { callFrame } = byNode.get(id)!;
    if (callFrame.functionName === "(idle)") {
      idle += us;
      continue;
    }
    busy += us;
    const place = placeOf(callFrame);
    const fn = `${callFrame.functionName || "(anonymous)"} · ${place}:${callFrame.lineNumber + 1}`;
    byPlace.set(place, (byPlace.get(place) ?? 0) + us);
    byGroup.set(groupOf(place), (byGroup.get(groupOf(place)) ?? 0) + us);
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return {
    busy,
    idle,
    byGroup: sorted(byGroup),
    byPlace: sorted(byPlace),
    byFunction: sorted(byFunction),
  };
}

/** Next's server, the app's bundle (its code with drizzle, next-auth, React's SSR), Node, or native. */
function groupOf(place: string): string {
  if (place.startsWith("next/")) return "Next's server runtime (node_modules/next)";
  if (place.endsWith("(app bundle)")) return "the app's bundle (.next/server)";
  if (place === "node internals") return "Node's own JavaScript";
  if (place === "(garbage collector)") return "garbage collector";
  if (place.startsWith("(")) return "native calls (socket writes, crypto, microtasks)";
  return "other packages (pg, …)";
}

/** A package (with its file for Next's big runtime files), the app's own chunk, or Node. */
function placeOf({ url, functionName }: { url: string; functionName: string }): string {
  if (!url) return `(${functionName.replace(/[()]/g, "")})`;
  if (url.startsWith("node:")) return "node internals";
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/);
  if (pkg) return pkg[1] === "next" ? `next/${pkg[2]!.split("/").slice(-1)[0]}` : pkg[1]!;
  const chunk = url.match(/\.next\/(.*)$/);
  return chunk ? `.next/${chunk[1]} (app bundle)` : url;
}

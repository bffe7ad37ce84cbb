// The benchmark's and the soak's mixed read/write load from signed-in people.
import { callFormAction } from "../lib/http";
import { percentile } from "./measure";
import type { Person } from "./people";

/** Where a mixed load stopped: when each person last commented, and what they follow. */
export type MixedState = { lastComment: Map<string, number>; following: Map<string, boolean> };

export type MixedStats = { rps: number; p50: number; p95: number; p99: number; errors: number };

export type MixedResult = {
  read: MixedStats;
  write: MixedStats;
  all: MixedStats;
  /** Writes a rate limit refused (expected, not errors). */
  limited: number;
};

/**
 * A mixed read/write load for `seconds` with `concurrency` workers: anonymous
 * reads of the article and random city pages, signed-in follow-state reads and
 * comment pages, and writes (follow/unfollow toggles; comments, at most one
 * per person per 15 s so rate limits are not what is measured). Each request's
 * latency is kept; returns per-kind stats. Pass the same `state` to
 * consecutive calls so that they go on where the last one stopped.
 */
export async function mixedLoad({
  appUrl,
  seconds,
  concurrency,
  people,
  citySlugs,
  state = { lastComment: new Map(), following: new Map() },
}: {
  appUrl: string;
  seconds: number;
  concurrency: number;
  people: Person[];
  citySlugs: string[];
  state?: MixedState;
}): Promise<MixedResult> {
  const stats = { read: [] as number[], write: [] as number[] };
  const errors = { read: 0, write: 0 };
  let limited = 0;
  const { lastComment, following } = state;
  const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
  const deadline = Date.now() + seconds * 1000;
  /** A form action's answer: done, refused by a rate limit, or failed. */
  const answered = (result: { ok: boolean | null; formError?: string }) =>
    result.ok
      ? true
      : /Too many|faster than we allow/.test(result.formError ?? "")
        ? "limited"
        : false;
  /** The comment form, as the comment page posts it. */
  async function comment(person: Person, city: string) {
    const fields = {
      subject: `city:${city}`,
      body: `Mixed-load comment at ${new Date().toISOString()}`,
    };
    return answered(
      await callFormAction(appUrl, "postCommentFormAction", [], fields, person, "/comments/new"),
    );
  }
  /** The follow button's form, as the city page posts it. */
  async function follow(person: Person, city: string, intent: "follow" | "unfollow") {
    const fields = { city, intent };
    return answered(
      await callFormAction(appUrl, "setFollowAction", [], fields, person, `/cities/${city}`),
    );
  }
  async function once() {
    const r = Math.random();
    const person = pick(people);
    const city = pick(citySlugs);
    const started = performance.now();
    let kind: "read" | "write" = "read";
    let ok: boolean | "limited";
    try {
      if (r < 0.3) {
        ok = (await fetch(`${appUrl}/cities/${city}`).then(drain)) === 200;
      } else if (r < 0.45) {
        ok = (await fetch(`${appUrl}/articles/us-sanctuary-cities`).then(drain)) === 200;
      } else if (r < 0.6) {
        const headers = { cookie: person.cookie, "x-forwarded-for": person.ip };
        ok = (await fetch(`${appUrl}/api/follows?city=${city}`, { headers }).then(drain)) === 200;
      } else if (r < 0.8) {
        ok = (await fetch(`${appUrl}/api/comments?on=city:${city}`).then(drain)) === 200;
      } else if (r < 0.9 || Date.now() - (lastComment.get(person.email) ?? 0) < 15_000) {
        kind = "write";
        const key = `${person.email} ${city}`;
        ok = await follow(person, city, following.get(key) ? "unfollow" : "follow");
        if (ok === true) following.set(key, !following.get(key));
      } else {
        kind = "write";
        lastComment.set(person.email, Date.now());
        ok = await comment(person, city);
      }
    } catch {
      // a refused or cut connection, or an answer that is not an action result (a 500)
      ok = false;
    }
    if (ok === "limited") limited++;
    else if (ok !== true) errors[kind]++;
    stats[kind].push(performance.now() - started);
  }
  const worker = async () => {
    while (Date.now() < deadline) await once();
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const summary = (latencies: number[]) => {
    const sorted = [...latencies].sort((a, b) => a - b);
    const pct = (p: number) => percentile(sorted, p);
    return { rps: sorted.length / seconds, p50: pct(50), p95: pct(95), p99: pct(99) };
  };
  return {
    read: { ...summary(stats.read), errors: errors.read },
    write: { ...summary(stats.write), errors: errors.write },
    all: { ...summary([...stats.read, ...stats.write]), errors: errors.read + errors.write },
    limited,
  };
}

async function drain(res: Response): Promise<number> {
  await res.arrayBuffer();
  return res.status;
}

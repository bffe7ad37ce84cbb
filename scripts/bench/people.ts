// People signed in to the server under test, through next-auth's credentials
// flow as a browser would (scripts/lib/http.ts).
import { LOAD_PASSWORD } from "../lib/data-set";
import { SCRIPTS_COOKIE } from "../../lib/pages/shells";
import { sessionCookie } from "../lib/http";

/** Someone signed in: their session cookie, and the client IP their requests come from. */
export type Person = { email: string; cookie: string; ip: string };

/** The seeded demo accounts (SEED_DEMO). */
export type DemoRole = "resident" | "moderator" | "admin";

/** Signs in as the demo account of `role`; its session cookie. */
export function signInDemo(appUrl: string, role: DemoRole): Promise<string> {
  return sessionCookie(appUrl, `${role}@example.org`, "citywatch-demo");
}

/**
 * Signs in `n` of the generated people (lib/data-set.ts): their emails,
 * cookies and client IPs (one each, as people at home have).
 */
export async function signInLoadPeople(appUrl: string, n: number): Promise<Person[]> {
  const people = [];
  for (let i = 1; i <= n; i++) {
    const email = `load-user-${i * 7}@example.net`;
    people.push({
      email,
      cookie: await sessionCookie(appUrl, email, LOAD_PASSWORD),
      ip: `10.0.${i}.1`,
    });
  }
  return people;
}

/** The cookies of a browser that runs scripts: signed-in pages come as their cached shell. */
export const withScripts = (cookie: string) => `${cookie}; ${SCRIPTS_COOKIE}=1`;

// Who the client is (issue 15 items 4 and 9): the socket's address, unless the
// request came through a proxy named in TRUSTED_PROXIES. A client that
// connects directly cannot choose its own address for the per-IP limits with
// X-Forwarded-For, nor pass the same-origin check with X-Forwarded-Host; HSTS
// is sent when the site is served over HTTPS.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionId, signIn } from "@/scripts/lib/http";
import { freshDatabase, type SystemDb } from "./database";
import { startServer, type AppServer } from "./server";

const LIMITED = /^Too many sign-in attempts\. Try again in /;
// RATE_LIMITS.signInPerIp: 50 failed sign-ins per 15 minutes.
const PER_IP_LIMIT = 50;

/** `n` failed sign-ins, each claiming another address; the answers in order. */
async function failedSignIns(url: string, n: number, tag: string): Promise<string[]> {
  const answers: string[] = [];
  for (let i = 0; i < n; i++) {
    const spoofed = `198.51.${Math.floor(i / 250)}.${(i % 250) + 1}`;
    const result = await signIn(url, `nobody-${tag}-${i}@example.test`, "wrong password", spoofed);
    answers.push(result.ok ? "signed in" : result.error);
  }
  return answers;
}

describe("the client's address and the forwarding headers", () => {
  const dbs: SystemDb[] = [];
  let direct: AppServer | undefined;
  let proxied: AppServer | undefined;

  beforeAll(async () => {
    const [a, b] = await Promise.all([freshDatabase(), freshDatabase()]);
    dbs.push(a, b);
    [direct, proxied] = await Promise.all([
      // Nobody is a trusted proxy; served over HTTPS as far as the app knows.
      startServer(a, 3251, { TRUSTED_PROXIES: "", NEXTAUTH_URL: "https://citywatch.example" }),
      // The test stands where nginx would.
      startServer(b, 3252, { TRUSTED_PROXIES: "127.0.0.1,::1" }),
    ]);
  }, 240_000);

  afterAll(async () => {
    await Promise.all([direct?.stop(), proxied?.stop()]);
    await Promise.all(dbs.map((db) => db.drop()));
  });

  it("a direct client's X-Forwarded-For is ignored: every attempt counts against its socket address", async () => {
    const answers = await failedSignIns(direct!.url, PER_IP_LIMIT + 1, "direct");
    expect(answers.slice(0, PER_IP_LIMIT).every((a) => !LIMITED.test(a))).toBe(true);
    expect(answers.at(-1)).toMatch(LIMITED);
  });

  it("behind a trusted proxy, each client's address counts on its own", async () => {
    const answers = await failedSignIns(proxied!.url, PER_IP_LIMIT + 1, "proxied");
    expect(answers.filter((a) => LIMITED.test(a))).toEqual([]);
  });

  it("a direct client's X-Forwarded-Host does not pass the same-origin check", async () => {
    // A sign-in as Next's client sends it (see callFormAction), from another site.
    const crossSite = (url: string) => {
      const body = new FormData();
      body.append("_1_email", "nobody@example.test");
      body.append("_1_password", "wrong password");
      body.append("0", JSON.stringify([{ ok: null }, "$K1"]));
      return fetch(`${url}/login`, {
        method: "POST",
        headers: {
          accept: "text/x-component",
          origin: "http://evil.example",
          "x-forwarded-host": "evil.example",
          "next-action": actionId("signInAction"),
        },
        body,
        redirect: "manual",
      });
    };
    const refused = await crossSite(direct!.url);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toBe("Cross-site request refused.");
    // From a trusted proxy the header is believed (nginx sets it to the public host).
    const believed = await crossSite(proxied!.url);
    expect(believed.status).toBe(200);
    expect(await believed.text()).toContain("The email or password is incorrect.");
  });

  it("sends Strict-Transport-Security when the site is served over HTTPS, and only then", async () => {
    const secure = await fetch(`${direct!.url}/`);
    await secure.arrayBuffer();
    expect(secure.headers.get("strict-transport-security")).toBe(
      "max-age=63072000; includeSubDomains",
    );
    const plain = await fetch(`${proxied!.url}/`);
    await plain.arrayBuffer();
    expect(plain.headers.get("strict-transport-security")).toBeNull();
  });
});

import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { comments } from "@/db/schema";
import { oldPeople } from "@/test/comments";
import { createTestCity } from "@/test/edits";
import { submission } from "@/test/updates";
import { actAs, unique, type TestUser } from "@/test/users";
import { postComment } from "@/lib/dal/comments/comments";
import { RATE_LIMITS } from "./rate-limit";
import { submitUpdate } from "@/lib/dal/submissions/updates";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));
vi.mock("next/cache", () => ({ revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));
// The request's client IP, as a server action sees it (X-Forwarded-For).
vi.mock("next/headers", () => ({ headers: vi.fn() }));
const fromIp = (ip: string) =>
  vi.mocked(headers).mockResolvedValue(new Headers({ "x-forwarded-for": ip }) as never);

// A city of this file's own: its pending submissions must not show in another file's queue.
let CITY: string;
beforeAll(async () => {
  CITY = (await createTestCity()).slug;
});

describe("comments and submissions are limited per IP as well as per person", () => {
  beforeEach(() => {
    vi.mocked(headers).mockReset();
  });

  it("many accounts from one address post comments up to the IP's limit; another address still can", async () => {
    const limit = RATE_LIMITS.commentPerIp.limit;
    const people: TestUser[] = await oldPeople(limit + 2);
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}-${unique()}`;
    const marker = `From one address ${unique()}`;
    // One fixed window (a minute) for every post.
    const windowMs = RATE_LIMITS.commentPerIp.windowSeconds * 1000;
    if (windowMs - (Date.now() % windowMs) < 20_000) {
      await new Promise((r) => setTimeout(r, windowMs - (Date.now() % windowMs) + 50));
    }
    fromIp(ip);
    const answers = [];
    for (const person of people.slice(0, limit + 1)) {
      actAs(person);
      answers.push(await postComment({ subject: `city:${CITY}`, body: `${marker} ${person.id}` }));
    }
    expect(answers.slice(0, limit).every((a) => a.ok)).toBe(true);
    expect(answers[limit]).toMatchObject({
      ok: false,
      refusal: { code: "rate_limited", limit: "comments" },
    });
    const db = await getDb();
    const stored = await db.select({ body: comments.body }).from(comments);
    expect(stored.filter((c) => c.body.startsWith(marker))).toHaveLength(limit);

    // The last person, from another address, is not held back by the first one's crowd.
    fromIp(`${ip}-other`);
    actAs(people[limit + 1]!);
    expect(
      await postComment({ subject: `city:${CITY}`, body: `${marker} elsewhere` }),
    ).toMatchObject({ ok: true });
  });

  it("many accounts from one address submit updates up to the IP's limit", async () => {
    const limit = RATE_LIMITS.submitPerIp.limit;
    const people: TestUser[] = await oldPeople(limit + 1);
    const ip = `198.18.0.${Math.floor(Math.random() * 250)}-${unique()}`;
    const tag = unique();
    fromIp(ip);
    const answers = [];
    for (const [i, person] of people.entries()) {
      actAs(person);
      answers.push(await submitUpdate(CITY, submission(`Crowd ${tag} ${i}`)));
    }
    expect(answers.slice(0, limit).every((a) => a.ok)).toBe(true);
    expect(answers[limit]).toMatchObject({
      ok: false,
      refusal: { code: "rate_limited", limit: "submissions" },
    });
  });

  it("outside a request (no client IP) only the person's own limit applies", async () => {
    vi.mocked(headers).mockImplementation(() => {
      throw new Error("headers() was called outside a request scope");
    });
    const [person] = await oldPeople(1);
    actAs(person!);
    const db = await getDb();
    const result = await postComment({ subject: `city:${CITY}`, body: `No request ${unique()}` });
    expect(result.ok).toBe(true);
    if (result.ok) {
      const [row] = await db.select().from(comments).where(eq(comments.id, result.data.id));
      expect(row?.authorId).toBe(person!.id);
    }
  });
});

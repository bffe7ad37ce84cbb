// Several instances on one Postgres: only when DATABASE_URL is set (vitest.config.ts).
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { TagExpirations } from "./tag-expirations.mjs";

let unique = 0;
const tagName = () => `test-tag-${process.pid}-${Date.now()}-${(unique += 1)}`;

/** Polls until `check` holds, or fails after `ms`. */
async function eventually(check: () => boolean, ms = 5_000): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return Date.now() - started;
}

const url = process.env.DATABASE_URL!;

describe("tag expirations shared through Postgres", () => {
  let a: TagExpirations;
  let b: TagExpirations;
  let admin: Client;
  const errors: string[] = [];
  const onError = (message: string) => errors.push(message);

  beforeAll(async () => {
    await getDb(); // migrated: cache_tag_expirations exists
    a = new TagExpirations({ connectionString: url, onError });
    b = new TagExpirations({ connectionString: url, onError });
    admin = new Client({ connectionString: url });
    await Promise.all([a.ready, b.ready, admin.connect()]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop(), admin?.end()]);
  });

  it("reaches another instance within a second, and is kept in the table", async () => {
    const tag = tagName();
    const at = Date.now();
    await a.expire([tag], at);
    expect(a.expiredAt(tag)).toBe(at); // the writer knows at once
    const waited = await eventually(() => b.expiredAt(tag) === at, 1_000);
    expect(waited).toBeLessThan(1_000);
    const { rows } = await admin.query(
      "select expired_at from cache_tag_expirations where tag = $1",
      [tag],
    );
    expect(rows.map((r) => Number(r.expired_at))).toEqual([at]);
  });

  it("a new instance knows account changes from weeks back, other tags only from just before it started", async () => {
    const account = `account:${900_000_000 + process.pid}-${Date.now()}`;
    const page = tagName();
    const weeksAgo = Date.now() - 20 * 24 * 60 * 60 * 1000;
    await admin.query(
      `insert into cache_tag_expirations (tag, expired_at) values ($1, $3), ($2, $3)
       on conflict (tag) do update set expired_at = excluded.expired_at`,
      [account, page, weeksAgo],
    );
    const fresh = new TagExpirations({ connectionString: url, onError });
    try {
      await fresh.ready;
      expect(fresh.listening).toBe(true);
      expect(fresh.expiredAt(account)).toBe(weeksAgo);
      expect(fresh.expiredAt(page)).toBeUndefined();
    } finally {
      await fresh.stop();
    }
  });

  it("never moves a tag's expiration back", async () => {
    const tag = tagName();
    await a.expire([tag], 5_000);
    await b.expire([tag], 4_000);
    const { rows } = await admin.query(
      "select expired_at from cache_tag_expirations where tag = $1",
      [tag],
    );
    expect(Number(rows[0].expired_at)).toBe(5_000);
    await eventually(() => b.expiredAt(tag) === 5_000);
  });

  it("sends many tags at once in notifications small enough for Postgres", async () => {
    const tags = Array.from({ length: 600 }, () => `${tagName()}-${"x".repeat(20)}`);
    const at = Date.now();
    await a.expire(tags, at);
    await eventually(() => tags.every((t) => b.expiredAt(t) === at));
  });

  it("re-reads what it missed after its listening connection drops", async () => {
    const tag = tagName();
    const at = Date.now();
    // Written without a notification: B cannot hear it, only read it.
    await admin.query("insert into cache_tag_expirations (tag, expired_at) values ($1, $2)", [
      tag,
      at,
    ]);
    await new Promise((r) => setTimeout(r, 100));
    expect(b.expiredAt(tag)).toBeUndefined();

    const pid = (b.listener as unknown as { processID: number }).processID;
    await admin.query("select pg_terminate_backend($1)", [pid]);
    await eventually(() => !b.listening);
    await eventually(() => b.listening && b.expiredAt(tag) === at, 10_000);
    expect(errors.some((e) => e.includes("lost its connection"))).toBe(true);

    // And it hears new ones again on the new connection.
    const next = tagName();
    await a.expire([next], at + 1);
    await eventually(() => b.expiredAt(next) === at + 1, 1_000);
  });

  it("applies an invalidation here at once when the database cannot take it, without throwing", async () => {
    const offline = new TagExpirations({
      connectionString: "postgres://postgres@127.0.0.1:1/none",
      onError,
    });
    try {
      const tag = tagName();
      await expect(offline.expire([tag], 7_000)).resolves.toBeUndefined();
      expect(offline.expiredAt(tag)).toBe(7_000);
      expect(offline.unpublished).toEqual([{ tags: [tag], at: 7_000 }]);
      expect(offline.listening).toBe(false);
    } finally {
      await offline.stop();
    }
  });
});

import fc from "fast-check";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import CacheHandler, { RENDER_GIVE_UP_MS } from "./cache-handler.mjs";

// The handler's rules in one process; sharing expirations between instances is
// tag-expirations.test.ts's and system/cluster.test.ts's.
beforeAll(() => {
  vi.stubEnv("DATABASE_URL", "");
});

// The handler's entries live in the module, shared by every instance (Next makes one per
// request), so each test uses keys and tags of its own.
let unique = 0;
function names() {
  unique += 1;
  return { key: `key-${unique}`, tag: `tag-${unique}` };
}

const fetchValue = (body: string) => ({
  kind: "FETCH",
  data: { headers: {}, body: JSON.stringify(body), status: 200, url: "" },
  revalidate: false,
});
const pageValue = (html: string, tags: string[]) => ({
  kind: "APP_PAGE",
  html,
  rscData: Buffer.from(html),
  headers: { "x-next-cache-tags": tags.join(",") },
  status: 200,
});
const readCtx = (tag: string) => ({ kind: "FETCH", tags: [tag], softTags: [], revalidate: false });
const storeCtx = (tag: string) => ({ fetchCache: true, tags: [tag], revalidate: false });
const bodyOf = (entry: { value: { data: { body: string } } } | null) =>
  entry ? JSON.parse(entry.value.data.body) : null;

describe("the cache handler", () => {
  let clock = Date.UTC(2026, 11, 3, 12);
  const tick = (ms: number) => vi.setSystemTime((clock += ms));
  beforeEach(() => {
    vi.useFakeTimers();
    tick(1_000);
  });
  afterEach(() => vi.useRealTimers());

  it("does not keep a render that began before a write and was stored after it", async () => {
    const cache = new CacheHandler();
    const { key, tag } = names();
    expect(await cache.get(key, readCtx(tag))).toBeNull(); // a render begins, reads "before"
    tick(5);
    await cache.revalidateTag(tag, { expire: 0 }); // the write
    tick(5);
    await cache.set(key, fetchValue("before"), storeCtx(tag)); // the render ends
    tick(5);
    expect(await cache.get(key, readCtx(tag))).toBeNull();
    // The render that follows began after the write: it is kept.
    tick(5);
    await cache.set(key, fetchValue("after"), storeCtx(tag));
    expect(bodyOf(await cache.get(key, readCtx(tag)))).toBe("after");
  });

  it("treats a write in the same millisecond as the render's start as after it", async () => {
    const cache = new CacheHandler();
    const { key, tag } = names();
    await cache.get(key, readCtx(tag));
    await cache.revalidateTag(tag, { expire: 0 });
    tick(1);
    await cache.set(key, fetchValue("maybe before"), storeCtx(tag));
    expect(await cache.get(key, readCtx(tag))).toBeNull();
  });

  it("dates two overlapping renders from the earlier start, whichever finishes first", async () => {
    const cache = new CacheHandler();
    const { key, tag } = names();
    await cache.get(key, readCtx(tag)); // the first render begins and reads "old"
    tick(1);
    await cache.revalidateTag(tag, { expire: 0 });
    tick(1);
    await cache.get(key, readCtx(tag)); // the second begins after the write and reads "new"
    tick(1);
    await cache.set(key, fetchValue("new"), storeCtx(tag)); // the second finishes first
    tick(1);
    await cache.set(key, fetchValue("old"), storeCtx(tag)); // then the first
    tick(1);
    expect(await cache.get(key, readCtx(tag))).toBeNull();
  });

  it("reads a page's tags from the header Next stores with it", async () => {
    const cache = new CacheHandler();
    const { key, tag } = names();
    await cache.get(key, { kind: "APP_PAGE" });
    tick(1);
    await cache.set(key, pageValue("<p>city</p>", ["_N_T_/layout", tag]), {
      cacheControl: { revalidate: 86400, expire: 31536000 },
    });
    tick(1);
    const hit = await cache.get(key, { kind: "APP_PAGE" });
    expect(hit?.value.html).toBe("<p>city</p>");
    expect(hit?.cacheControl).toEqual({ revalidate: 86400, expire: 31536000 });
    await cache.revalidateTag([tag], { expire: 0 });
    tick(1);
    expect(await cache.get(key, { kind: "APP_PAGE" })).toBeNull();
  });

  it("expires a read by the page's own tags that Next passes when it asks", async () => {
    const cache = new CacheHandler();
    const { key, tag } = names();
    const pageTag = `_N_T_/cities/${tag}`;
    await cache.get(key, readCtx(tag));
    tick(1);
    await cache.set(key, fetchValue("v1"), storeCtx(tag));
    tick(1);
    await cache.revalidateTag(pageTag);
    tick(1);
    expect(await cache.get(key, { ...readCtx(tag), softTags: [pageTag] })).toBeNull();
  });

  it("counts a background render of an entry past its revalidate time from when it began", async () => {
    const cache = new CacheHandler();
    const { key, tag } = names();
    const ctx = { kind: "APP_PAGE" };
    await cache.get(key, ctx);
    await cache.set(key, pageValue("<p>old</p>", [tag]), { cacheControl: { revalidate: 60 } });
    tick(61_000);
    // Past its time: Next serves it and renders again in the background.
    expect((await cache.get(key, ctx))?.value.html).toBe("<p>old</p>");
    tick(5);
    await cache.revalidateTag(tag, { expire: 0 });
    tick(5);
    await cache.set(key, pageValue("<p>read before the write</p>", [tag]), {
      cacheControl: { revalidate: 60 },
    });
    expect(await cache.get(key, ctx)).toBeNull();
  });

  it("forgets a render that never stored its entry after a minute", async () => {
    const cache = new CacheHandler();
    const { key, tag } = names();
    await cache.get(key, readCtx(tag)); // this render fails and never stores
    await cache.revalidateTag(tag, { expire: 0 });
    tick(RENDER_GIVE_UP_MS);
    await cache.get(key, readCtx(tag));
    tick(1);
    await cache.set(key, fetchValue("fresh"), storeCtx(tag));
    expect(bodyOf(await cache.get(key, readCtx(tag)))).toBe("fresh");
  });

  it("drops the least recently used entries beyond its memory budget", async () => {
    const cache = new CacheHandler({ maxMemoryCacheSize: 2_000 });
    const { tag } = names();
    const keys = [names().key, names().key, names().key];
    for (const key of keys) {
      await cache.get(key, readCtx(tag));
      await cache.set(key, fetchValue("x".repeat(800)), storeCtx(tag));
    }
    expect(await cache.get(keys[0]!, readCtx(tag))).toBeNull();
    expect(bodyOf(await cache.get(keys[2]!, readCtx(tag)))).toHaveLength(800);
  });

  // Many renders of one key overlap with writes in every order. Whatever is served must
  // be what the database holds: every write expires the tag, so an entry that is served
  // was read after the last write. Each render reads when it begins (the worst case).
  it("never serves what a render read before the last write, however renders interleave", async () => {
    const step = fc.oneof(
      fc.record({ op: fc.constant("read" as const), ms: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ op: fc.constant("write" as const), ms: fc.integer({ min: 0, max: 3 }) }),
      fc.record({
        op: fc.constant("finish" as const),
        ms: fc.integer({ min: 0, max: 3 }),
        which: fc.nat(),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 60 }), async (steps) => {
        const cache = new CacheHandler();
        const { key, tag } = names();
        let database = 0;
        const running: number[] = [];
        for (const s of steps) {
          tick(s.ms);
          if (s.op === "write") {
            database += 1;
            await cache.revalidateTag(tag, { expire: 0 });
          } else if (s.op === "read") {
            const hit = await cache.get(key, readCtx(tag));
            if (hit) expect(bodyOf(hit)).toBe(String(database));
            else running.push(database); // a render begins and reads the database now
          } else if (running.length > 0) {
            const [read] = running.splice(s.which % running.length, 1);
            await cache.set(key, fetchValue(String(read)), storeCtx(tag));
          }
        }
      }),
      { numRuns: 3000 },
    );
  });
});

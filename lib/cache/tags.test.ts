import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const revalidateTag = vi.fn();
const later: (() => Promise<void>)[] = [];
vi.mock("next/cache", () => ({ revalidateTag }));
vi.mock("next/server", () => ({ after: (task: () => Promise<void>) => later.push(task) }));

const {
  cacheTags,
  EXPIRE_AGAIN_AFTER_MS,
  invalidateArticle,
  invalidateJurisdiction,
  invalidateUpdate,
} = await import("./tags");

/** Runs what the request left for after its response, with the clock moved on. */
async function runAfterResponse() {
  const tasks = later.splice(0).map((task) => task());
  await vi.advanceTimersByTimeAsync(EXPIRE_AGAIN_AFTER_MS);
  await Promise.all(tasks);
}

describe("cache invalidation", () => {
  beforeEach(() => {
    revalidateTag.mockClear();
    later.length = 0;
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it("expires a jurisdiction's page and every list at once, not stale-while-revalidate", () => {
    invalidateJurisdiction("boston-ma");
    expect(revalidateTag.mock.calls).toEqual([
      ["jurisdiction:boston-ma", { expire: 0 }],
      ["jurisdictions", { expire: 0 }],
    ]);
  });

  it("expires an article's page", () => {
    invalidateArticle("us-sanctuary-cities");
    expect(revalidateTag.mock.calls).toEqual([["article:us-sanctuary-cities", { expire: 0 }]]);
  });

  it("expires the same tags again once renders that began before the change have finished", async () => {
    invalidateUpdate(7, "boston-ma");
    const first = [
      ["update:7", { expire: 0 }],
      ["jurisdiction:boston-ma", { expire: 0 }],
      ["jurisdictions", { expire: 0 }],
    ];
    expect(revalidateTag.mock.calls).toEqual(first);
    // nothing more until the delay has passed
    const tasks = later.splice(0).map((task) => task());
    await vi.advanceTimersByTimeAsync(EXPIRE_AGAIN_AFTER_MS - 1);
    expect(revalidateTag.mock.calls).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all(tasks);
    expect(revalidateTag.mock.calls).toEqual([...first, ...first]);
    expect(EXPIRE_AGAIN_AFTER_MS).toBeGreaterThanOrEqual(1_000);
  });

  it("does it for a jurisdiction and an article too", async () => {
    invalidateJurisdiction("boston-ma");
    invalidateArticle("us-sanctuary-cities");
    await runAfterResponse();
    expect(revalidateTag.mock.calls.slice(3)).toEqual([
      ["jurisdiction:boston-ma", { expire: 0 }],
      ["jurisdictions", { expire: 0 }],
      ["article:us-sanctuary-cities", { expire: 0 }],
    ]);
  });

  it("names tags the cached reads use", () => {
    expect(cacheTags.jurisdiction("x")).toBe("jurisdiction:x");
    expect(cacheTags.article("x")).toBe("article:x");
  });
});

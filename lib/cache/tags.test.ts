import { beforeEach, describe, expect, it, vi } from "vitest";

const revalidateTag = vi.fn();
vi.mock("next/cache", () => ({ revalidateTag }));

const {
  cacheTags,
  invalidateArticle,
  invalidateComments,
  invalidateJurisdiction,
  invalidateUpdate,
} = await import("./tags");

describe("cache invalidation", () => {
  beforeEach(() => revalidateTag.mockClear());

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

  it("expires an update's page, its city's pages and the lists", () => {
    invalidateUpdate(7, "boston-ma");
    expect(revalidateTag.mock.calls).toEqual([
      ["update:7", { expire: 0 }],
      ["jurisdiction:boston-ma", { expire: 0 }],
      ["jurisdictions", { expire: 0 }],
    ]);
  });

  it("expires the comments of one page only", () => {
    invalidateComments("city:boston-ma");
    expect(revalidateTag.mock.calls).toEqual([["comments:city:boston-ma", { expire: 0 }]]);
  });

  it("expires each tag once: the cache handler, not a second expiry, deals with overlapping renders", () => {
    vi.useFakeTimers();
    try {
      invalidateUpdate(8, "denver-co");
      vi.advanceTimersByTime(60_000);
      expect(revalidateTag).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it("names tags the cached reads use", () => {
    expect(cacheTags.jurisdiction("x")).toBe("jurisdiction:x");
    expect(cacheTags.article("x")).toBe("article:x");
    expect(cacheTags.update(3)).toBe("update:3");
    expect(cacheTags.comments("article:x")).toBe("comments:article:x");
  });
});

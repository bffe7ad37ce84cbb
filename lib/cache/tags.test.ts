import { beforeEach, describe, expect, it, vi } from "vitest";

const revalidateTag = vi.fn();
vi.mock("next/cache", () => ({ revalidateTag }));

const { cacheTags, invalidateArticle, invalidateJurisdiction } = await import("./tags");

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

  it("names tags the cached reads use", () => {
    expect(cacheTags.jurisdiction("x")).toBe("jurisdiction:x");
    expect(cacheTags.article("x")).toBe("article:x");
  });
});

import { revalidateTag } from "next/cache";

/** Cache tags of the public pages; a write invalidates exactly the tags it changes. */
export const cacheTags = {
  article: (slug: string) => `article:${slug}`,
  jurisdiction: (slug: string) => `jurisdiction:${slug}`,
  /** Anything that lists jurisdictions or shows their names: the index, home, the article. */
  jurisdictionList: "jurisdictions",
  update: (id: number) => `update:${id}`,
} as const;

// Expire at once (not stale-while-revalidate): the next reader must see the change.
const NOW = { expire: 0 };

/** Call after a jurisdiction's profile or timeline changes. */
export function invalidateJurisdiction(slug: string): void {
  revalidateTag(cacheTags.jurisdiction(slug), NOW);
  revalidateTag(cacheTags.jurisdictionList, NOW);
}

/** Call after an article changes. */
export function invalidateArticle(slug: string): void {
  revalidateTag(cacheTags.article(slug), NOW);
}

/** Call after an update is published or changes (its own page and its city's pages). */
export function invalidateUpdate(id: number, citySlug: string): void {
  revalidateTag(cacheTags.update(id), NOW);
  invalidateJurisdiction(citySlug);
}

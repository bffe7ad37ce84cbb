import { revalidateTag } from "next/cache";
import { after } from "next/server";

/** Cache tags of the public pages; a write invalidates exactly the tags it changes. */
export const cacheTags = {
  article: (slug: string) => `article:${slug}`,
  jurisdiction: (slug: string) => `jurisdiction:${slug}`,
  /** Anything that lists jurisdictions or shows their names: the index, home, the article. */
  jurisdictionList: "jurisdictions",
  update: (id: number) => `update:${id}`,
  /** The first page of comments on a page ("city:boston-ma"), in that page's HTML. */
  comments: (subject: string) => `comments:${subject}`,
} as const;

// Expire at once (not stale-while-revalidate): the next reader must see the change.
const NOW = { expire: 0 };

/**
 * How long after a change its tags expire a second time. Next records a
 * cached page or read with the time it was stored, not the time its render
 * began: a render that read the database just before the change and finished
 * just after the first expiry would be kept as fresh, for a day (the pages'
 * revalidate). CI's volunteer journey saw exactly that. The second expiry,
 * once such renders have finished, catches them; it costs one more render.
 */
export const EXPIRE_AGAIN_AFTER_MS = 5_000;

function expire(tags: string[]): void {
  for (const tag of tags) revalidateTag(tag, NOW);
  after(async () => {
    await new Promise((resolve) => setTimeout(resolve, EXPIRE_AGAIN_AFTER_MS));
    for (const tag of tags) revalidateTag(tag, NOW);
  });
}

/** Call after a jurisdiction's profile or timeline changes. */
export function invalidateJurisdiction(slug: string): void {
  expire([cacheTags.jurisdiction(slug), cacheTags.jurisdictionList]);
}

/** Call after an article changes. */
export function invalidateArticle(slug: string): void {
  expire([cacheTags.article(slug)]);
}

/** Call after an update is published or changes (its own page and its city's pages). */
export function invalidateUpdate(id: number, citySlug: string): void {
  expire([cacheTags.update(id), cacheTags.jurisdiction(citySlug), cacheTags.jurisdictionList]);
}

/** Call after a comment on this page ("article:<slug>", "city:<slug>", "update:<id>") changes. */
export function invalidateComments(subject: string): void {
  expire([cacheTags.comments(subject)]);
}

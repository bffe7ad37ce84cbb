import { revalidateTag } from "next/cache";
import { ACCOUNT_TAG_PREFIX } from "./shared-keys.mjs";

/** Cache tags of the public pages; a write invalidates exactly the tags it changes. */
export const cacheTags = {
  article: (slug: string) => `article:${slug}`,
  jurisdiction: (slug: string) => `jurisdiction:${slug}`,
  /** Anything that lists jurisdictions or shows their names: the index, home, the article. */
  jurisdictionList: "jurisdictions",
  update: (id: number) => `update:${id}`,
  /** A person's role or standing changed (no page carries it: lib/cache/account-changes.ts). */
  account: (userId: number) => `${ACCOUNT_TAG_PREFIX}${userId}`,
  /** The first page of comments on a page ("city:boston-ma"), in that page's HTML. */
  comments: (subject: string) => `comments:${subject}`,
} as const;

// Expire at once (not stale-while-revalidate): the next reader must see the change.
// A render that overlapped the change is not kept: lib/cache/cache-handler.mjs dates
// each entry from when its render began.
const NOW = { expire: 0 };

function expire(tags: string[]): void {
  for (const tag of tags) revalidateTag(tag, NOW);
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

/** Call after a person's role changes or they are banned: cookies naming the old role stop counting. */
export function invalidateAccount(userId: number): void {
  expire([cacheTags.account(userId)]);
}

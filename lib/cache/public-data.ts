import "server-only";
import { unstable_cache } from "next/cache";
import { getArticle } from "@/lib/dal/cities/articles";
import { listPublicComments } from "@/lib/dal/comments/comments";
import {
  getJurisdiction,
  listJurisdictions,
  listStates,
  type JurisdictionFilter,
} from "@/lib/dal/cities/jurisdictions";
import { getPublishedUpdate, listPublishedUpdates } from "@/lib/dal/submissions/updates";
import { cacheTags } from "./tags";

/*
 * Public reads, cached in Next's data cache under tags that writes invalidate
 * (lib/cache/tags.ts). Pages built from them are cached whole where the route
 * allows (the article and city profiles render once, then serve from cache).
 */

export const getArticleCached = (slug: string) =>
  unstable_cache(() => getArticle(slug), ["article", slug], {
    tags: [cacheTags.article(slug), cacheTags.jurisdictionList],
  })();

export const getJurisdictionCached = (slug: string) =>
  unstable_cache(() => getJurisdiction(slug), ["jurisdiction", slug], {
    tags: [cacheTags.jurisdiction(slug)],
  })();

export const listJurisdictionsCached = (filter: JurisdictionFilter = {}) =>
  unstable_cache(
    () => listJurisdictions(filter),
    ["jurisdictions", filter.state ?? "", filter.badge ?? ""],
    { tags: [cacheTags.jurisdictionList] },
  )();

export const listStatesCached = () =>
  unstable_cache(() => listStates(), ["states"], { tags: [cacheTags.jurisdictionList] })();

/** The first page of a city's approved updates (later pages are read uncached). */
export const listLatestUpdatesCached = (slug: string) =>
  unstable_cache(() => listPublishedUpdates(slug), ["updates", slug], {
    tags: [cacheTags.jurisdiction(slug)],
  })();

export const getPublishedUpdateCached = (id: number) =>
  unstable_cache(() => getPublishedUpdate(id), ["update", String(id)], {
    tags: [cacheTags.update(id)],
  })();

/** The first page of a page's comments as a signed-out reader sees them, for the page's HTML. */
export const listPublicCommentsCached = (subject: string) =>
  unstable_cache(() => listPublicComments(subject), ["comments", subject], {
    tags: [cacheTags.comments(subject)],
  })();

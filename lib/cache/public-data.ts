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
import { listCityPage } from "@/lib/dal/cities/browse";
import { getComparison, listPlaceChoices } from "@/lib/dal/cities/compare";
import { listMostFollowed, listRecentlyChanged } from "@/lib/dal/cities/highlights";
import type { CityFilterInput } from "@/lib/validation/city-filter";
import { getPublishedUpdate, listPublishedUpdates } from "@/lib/dal/submissions/updates";
import { cacheTags } from "./tags";

/*
 * Public reads, cached in Next's data cache under tags that writes invalidate
 * (lib/cache/tags.ts). Pages built from them are cached whole where the route
 * allows (the article and city profiles render once, then serve from cache).
 */

/**
 * A read with the time it finished (ms since the epoch), for the public
 * JSON's Last-Modified. A write to what the entry holds drops the entry, so
 * nothing in it changed after that time: a safe, if late, Last-Modified.
 */
export type Dated<T> = { value: T; readAt: number };
const dated =
  <T>(read: () => Promise<T>) =>
  async (): Promise<Dated<T>> => ({ value: await read(), readAt: Date.now() });

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

/** /api/cities/<slug>: the profile and its latest updates, read together, with when. */
export const getJurisdictionWithUpdatesDated = (slug: string) =>
  unstable_cache(
    dated(() => Promise.all([getJurisdiction(slug), listPublishedUpdates(slug)])),
    ["jurisdiction-dated", slug],
    { tags: [cacheTags.jurisdiction(slug)] },
  )();
/**
 * Follower counts change with every follow, and expiring the lists on each one
 * would re-render them constantly: what depends on them ("Most followed", the
 * list sorted by followers) is refreshed at most this often instead (stale while
 * it renders again). Everything else follows approvals at once, by tag.
 */
export const FOLLOW_COUNTS_REVALIDATE_SECONDS = 60;

const cityPageOptions = (filter: CityFilterInput) => ({
  tags: [cacheTags.jurisdictionList],
  ...(filter.sort === "followers" ? { revalidate: FOLLOW_COUNTS_REVALIDATE_SECONDS } : {}),
});

/** A page of /cities, per filter, order and cursor. */
export const listCityPageCached = (filter: CityFilterInput) =>
  unstable_cache(
    () => listCityPage(filter),
    ["city-page", JSON.stringify(filter)],
    cityPageOptions(filter),
  )();

/** /api/cities: the same page with when it was read (its own entry: the page's carries no time). */
export const listCityPageDated = (filter: CityFilterInput) =>
  unstable_cache(
    dated(() => listCityPage(filter)),
    ["city-page-dated", JSON.stringify(filter)],
    cityPageOptions(filter),
  )();

export const listMostFollowedCached = () =>
  unstable_cache(() => listMostFollowed(), ["most-followed"], {
    tags: [cacheTags.jurisdictionList],
    revalidate: FOLLOW_COUNTS_REVALIDATE_SECONDS,
  })();

/** Changes only with approvals and reverts, which expire the jurisdiction list at once. */
export const listRecentlyChangedCached = () =>
  unstable_cache(() => listRecentlyChanged(), ["recently-changed"], {
    tags: [cacheTags.jurisdictionList],
  })();

export const getComparisonCached = (slugs: string[]) =>
  unstable_cache(() => getComparison(slugs), ["compare", slugs.join(",")], {
    tags: [cacheTags.jurisdictionList],
  })();

export const listPlaceChoicesCached = () =>
  unstable_cache(() => listPlaceChoices(), ["place-choices"], {
    tags: [cacheTags.jurisdictionList],
  })();

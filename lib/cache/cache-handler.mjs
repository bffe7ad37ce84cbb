// @ts-check
/**
 * Next's cache handler (`cacheHandler` in next.config.ts) for rendered pages and
 * `unstable_cache` reads. Plain JavaScript because Next imports it at run time, unbundled.
 *
 * It keeps entries in this process's memory, as Next's own handler does, with two
 * differences. Whether an entry is fresh is decided against tag expirations that every
 * instance on the database sees (tag-expirations.mjs: a table, LISTEN/NOTIFY). And
 * **an entry is as old as the moment its render began**, not the moment it was stored. A render that read the database just before a write and finished
 * just after the write expired its tags is therefore stale at once, however long it
 * ran; Next's own handler would keep it as fresh for a day (README › Caching).
 *
 * When did a render begin? Next asks `get` before every render it may store: a miss,
 * or an entry past its revalidate time (rendered again in the background). Those
 * moments are kept per key until the matching `set`; `set` stamps its entry with the
 * earliest one still open, which is never later than its own render's start.
 */

import { tagExpirations } from "./tag-expirations.mjs";

/** A render that has not stored its entry after this long has failed; its start is forgotten. */
export const RENDER_GIVE_UP_MS = 60_000;

/** Next's default in-memory budget, used when Next passes none. */
const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/**
 * Key → { value, lastModified, cacheControl, tags, bytes }, least recently used first.
 * @type {Map<string, { value: any, lastModified: number, cacheControl: any, tags: string[], bytes: number }>}
 */
const entries = new Map();
let storedBytes = 0;

/**
 * Key → start times of renders that may store it, oldest first.
 * @type {Map<string, number[]>}
 */
const openRenders = new Map();

/** @param {number[] | undefined} times @param {number} now */
function stillRunning(times, now) {
  return (times ?? []).filter((began) => now - began < RENDER_GIVE_UP_MS);
}

/** @param {string} key @param {number} now */
function renderBegins(key, now) {
  const times = stillRunning(openRenders.get(key), now);
  times.push(now);
  openRenders.set(key, times);
}

/**
 * The start to stamp on an entry stored now: the earliest open render's. One open
 * start leaves, the newest: while a render runs, a start no later than its own
 * therefore stays open (proof in cache-handler.test.ts).
 * @param {string} key @param {number} now
 */
function renderEnds(key, now) {
  const times = stillRunning(openRenders.get(key), now);
  const began = times[0] ?? now;
  times.pop();
  if (times.length > 0) openRenders.set(key, times);
  else openRenders.delete(key);
  return began;
}

/** @param {any} value */
function tagsOf(value) {
  const header = value?.headers?.["x-next-cache-tags"];
  return typeof header === "string" && header !== "" ? header.split(",") : [];
}

/** Rough size of an entry, as Next's own memory cache counts it. @param {string} key @param {any} value */
function sizeOf(key, value) {
  if (!value) return key.length + 25;
  let size = 0;
  if (value.kind === "FETCH") size = JSON.stringify(value.data ?? "").length;
  else if (value.kind === "APP_ROUTE") size = value.body?.length ?? 0;
  else if (value.kind === "REDIRECT") size = JSON.stringify(value.props ?? "").length;
  else {
    size = (value.html?.length ?? 0) + (value.rscData?.length ?? 0);
    size += value.postponed?.length ?? 0;
    for (const [path, buffer] of value.segmentData ?? []) size += path.length + buffer.length;
    if (value.pageData) size += JSON.stringify(value.pageData).length;
  }
  return key.length + Math.max(1, size);
}

/** @param {string[]} tags @param {number} since @param {number} now */
function anyExpiredSince(tags, since, now) {
  const expirations = tagExpirations();
  for (const tag of tags) {
    const at = expirations.expiredAt(tag);
    // `>=`: a render that began in the same millisecond as the write may have read before it.
    if (at !== undefined && at <= now && at >= since) return true;
  }
  return false;
}

/** Seconds after which Next renders the entry again, or undefined for never. @param {any} entry @param {any} ctx */
function revalidateSeconds(entry, ctx) {
  const seconds = ctx?.revalidate ?? entry.value?.revalidate ?? entry.cacheControl?.revalidate;
  return typeof seconds === "number" && seconds > 0 ? seconds : undefined;
}

/** @param {string} key */
function forget(key) {
  const entry = entries.get(key);
  if (!entry) return;
  storedBytes -= entry.bytes;
  entries.delete(key);
}

export default class CacheHandler {
  /** @param {{ maxMemoryCacheSize?: number }} [options] */
  constructor(options) {
    this.maxBytes = options?.maxMemoryCacheSize || DEFAULT_MAX_BYTES;
  }

  /** @param {string} key @param {any} ctx */
  async get(key, ctx) {
    const now = Date.now();
    const entry = entries.get(key);
    const tags = entry ? [...entry.tags, ...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])] : [];
    if (!entry || anyExpiredSince(tags, entry.lastModified, now)) {
      forget(key);
      renderBegins(key, now);
      return null;
    }
    // Most recently used goes last.
    entries.delete(key);
    entries.set(key, entry);
    const seconds = revalidateSeconds(entry, ctx);
    if (seconds !== undefined && now - entry.lastModified > seconds * 1000) renderBegins(key, now);
    return {
      value: entry.value,
      lastModified: entry.lastModified,
      cacheControl: entry.cacheControl,
    };
  }

  /** @param {string} key @param {any} value @param {any} ctx */
  async set(key, value, ctx) {
    const now = Date.now();
    const lastModified = renderEnds(key, now);
    const tags = [...tagsOf(value), ...(ctx?.tags ?? [])];
    forget(key);
    // Stored already stale (a tag expired while it rendered): keep nothing.
    if (anyExpiredSince(tags, lastModified, now)) return;
    const bytes = sizeOf(key, value);
    if (bytes > this.maxBytes) return;
    const cacheControl = ctx?.fetchCache ? undefined : ctx?.cacheControl;
    entries.set(key, { value, lastModified, cacheControl, tags, bytes });
    storedBytes += bytes;
    for (const oldest of entries.keys()) {
      if (storedBytes <= this.maxBytes) break;
      forget(oldest);
    }
  }

  /** @param {string | string[]} tags @param {{ expire?: number }} [durations] */
  async revalidateTag(tags, durations) {
    const at = Date.now() + (durations?.expire ?? 0) * 1000;
    // Here at once; on the other instances as soon as Postgres has it (tag-expirations.mjs).
    await tagExpirations().expire(typeof tags === "string" ? [tags] : tags, at);
  }

  resetRequestCache() {}
}

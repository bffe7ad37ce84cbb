// @ts-check
/**
 * When each cache tag last expired, as every app instance on one database sees it.
 * The cache handler (cache-handler.mjs) asks it whether an entry is still fresh.
 *
 * - On Postgres, an expiration is written to `cache_tag_expirations` and announced
 *   with `NOTIFY cache_tags` in the same statement; every instance LISTENs on a
 *   connection of its own and applies what it hears. When that connection drops, it
 *   reconnects, LISTENs again and re-reads every row that expired since shortly
 *   before it lost the connection, so no invalidation is missed.
 * - On PGlite (one process) the map below is the whole channel.
 *
 * Expirations are compared with render start times, so the instances' clocks must
 * agree (one host, or NTP); README › Caching.
 */
import pg from "pg";
import { ACCOUNT_TAG_PREFIX, EXPIRATIONS_KEY } from "./shared-keys.mjs";

export const CHANNEL = "cache_tags";

/** Re-read from this long before the connection was last known to work. */
const REREAD_SLACK_MS = 30_000;
/** How far back account changes are read on (re)connecting: longer than a session lives (30 days). */
const ACCOUNT_CHANGES_KEPT_MS = 31 * 24 * 60 * 60 * 1000;
/** Wait between reconnection attempts, growing to the last. */
const RECONNECT_DELAYS_MS = [100, 250, 500, 1000, 2000];
/** A NOTIFY payload must stay under 8,000 bytes; tags are sent in batches below this. */
const PAYLOAD_LIMIT = 7_000;
/** An expiration that could not be written is tried again this often. */
const REPUBLISH_MS = 1_000;

const UPSERT = `
  with written as (
    insert into cache_tag_expirations (tag, expired_at)
    select unnest($1::text[]), $2::bigint
    on conflict (tag) do update
      set expired_at = greatest(cache_tag_expirations.expired_at, excluded.expired_at)
    returning 1
  )
  select pg_notify('${CHANNEL}', $3) from (select count(*) from written) as done`;

/**
 * @param {string[]} tags
 * @returns {string[][]}
 */
function batches(tags) {
  /** @type {string[][]} */
  const out = [];
  let current = [];
  let size = 0;
  for (const tag of tags) {
    const length = Buffer.byteLength(JSON.stringify(tag)) + 1;
    if (current.length > 0 && size + length > PAYLOAD_LIMIT) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(tag);
    size += length;
  }
  if (current.length > 0) out.push(current);
  return out;
}

export class TagExpirations {
  /**
   * @param {{ connectionString?: string, onError?: (message: string, error: unknown) => void }} [options]
   *   Without a connection string, expirations stay in this process (PGlite).
   */
  constructor(options = {}) {
    /** @type {Map<string, number>} tag → when it expired (ms since the epoch) */
    this.expired = new Map();
    this.connectionString = options.connectionString || "";
    this.onError = options.onError ?? ((message, error) => console.error(message, error));
    /** @type {pg.Client | null} */
    this.listener = null;
    /** Until when every expiration is known to have been heard (ms): when the listener was last lost. */
    this.heardUntil = Date.now();
    /** Resolves once the first LISTEN is in place (or at once on PGlite). */
    this.ready = Promise.resolve();
    this.stopped = false;
    this.attempt = 0;
    /** @type {NodeJS.Timeout | null} */
    this.retryTimer = null;
    /** @type {{ tags: string[], at: number }[]} expirations the database has not taken yet */
    this.unpublished = [];
    if (this.connectionString) {
      this.pool = new pg.Pool({
        connectionString: this.connectionString,
        max: 2,
        connectionTimeoutMillis: 3_000,
        idleTimeoutMillis: 30_000,
      });
      this.pool.on("error", (error) => this.onError("cache tag pool error", error));
      this.ready = this.listen();
    }
  }

  /** Whether expirations reach the other instances (Postgres) or stay in this process. */
  get shared() {
    return this.connectionString !== "";
  }

  /** @param {string} tag @returns {number | undefined} */
  expiredAt(tag) {
    return this.expired.get(tag);
  }

  /** @param {string} tag @param {number} at */
  note(tag, at) {
    const known = this.expired.get(tag);
    if (known === undefined || at > known) this.expired.set(tag, at);
  }

  /**
   * Expires `tags` at `at` here at once, then on every other instance.
   * Never throws: an expiration the database cannot take now is tried again until it can.
   * @param {string[]} tags @param {number} at
   */
  async expire(tags, at) {
    for (const tag of tags) this.note(tag, at);
    if (!this.shared || tags.length === 0) return;
    try {
      await this.publish(tags, at);
    } catch (error) {
      this.onError("could not share a cache invalidation; retrying", error);
      this.unpublished.push({ tags, at });
      this.scheduleRepublish();
    }
  }

  /** @param {string[]} tags @param {number} at */
  async publish(tags, at) {
    if (!this.pool) return;
    for (const batch of batches(tags)) {
      await this.pool.query(UPSERT, [batch, at, JSON.stringify({ tags: batch, at })]);
    }
  }

  scheduleRepublish() {
    if (this.retryTimer || this.stopped) return;
    this.retryTimer = setTimeout(async () => {
      this.retryTimer = null;
      for (let next = this.unpublished[0]; next && !this.stopped; next = this.unpublished[0]) {
        try {
          await this.publish(next.tags, next.at);
          this.unpublished.shift();
        } catch {
          this.scheduleRepublish();
          return;
        }
      }
    }, REPUBLISH_MS);
    this.retryTimer.unref();
  }

  /** Connects the listening client, LISTENs, then re-reads what it may have missed. */
  async listen() {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.connectionString,
      connectionTimeoutMillis: 3_000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    let lost = false;
    const onLost = (/** @type {unknown} */ error) => {
      if (lost) return;
      lost = true;
      if (this.listener === client) {
        // Everything up to now was heard on this connection.
        this.heardUntil = Date.now();
        this.listener = null;
      }
      client.removeAllListeners("notification");
      client.end().catch(() => {});
      if (this.stopped) return;
      if (error) this.onError("cache tag listener lost its connection; reconnecting", error);
      const delay =
        RECONNECT_DELAYS_MS[Math.min(this.attempt, RECONNECT_DELAYS_MS.length - 1)] ?? 1000;
      this.attempt += 1;
      const timer = setTimeout(() => {
        this.listen().catch(() => {});
      }, delay);
      timer.unref();
    };
    client.on("error", onLost);
    client.on("end", () => onLost(null));
    client.on("notification", (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      try {
        const { tags, at } = JSON.parse(message.payload);
        for (const tag of tags) this.note(tag, at);
      } catch (error) {
        this.onError("unreadable cache tag notification", error);
      }
    });
    try {
      await client.connect();
      await client.query(`listen ${CHANNEL}`);
      // Listening now: anything from here on arrives as a notification. Before it,
      // read every expiration since shortly before the last moment all was heard.
      // Changes to accounts are read back as far as a session cookie lives, so the proxy
      // can tell whether any cookie's role may be out of date (lib/cache/account-changes.ts).
      const since = this.heardUntil - REREAD_SLACK_MS;
      const { rows } = await client.query(
        "select tag, expired_at from cache_tag_expirations where expired_at >= $1 or (starts_with(tag, $3) and expired_at >= $2)",
        [since, Date.now() - ACCOUNT_CHANGES_KEPT_MS, ACCOUNT_TAG_PREFIX],
      );
      for (const row of rows) this.note(row.tag, Number(row.expired_at));
      if (lost) return;
      this.listener = client;
      this.attempt = 0;
    } catch (error) {
      onLost(error ?? new Error("listen failed"));
    }
  }

  /** Whether this instance is hearing other instances' invalidations right now. */
  get listening() {
    return !this.shared || this.listener !== null;
  }

  async stop() {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.listener;
    this.listener = null;
    await Promise.allSettled([client?.end(), this.pool?.end()]);
  }
}

const KEY = EXPIRATIONS_KEY;

/**
 * This process's expirations: shared through Postgres when DATABASE_URL is set.
 * One per process even if Next loads this file more than once.
 * @returns {TagExpirations}
 */
export function tagExpirations() {
  const holder = /** @type {{ [KEY]?: TagExpirations }} */ (globalThis);
  let instance = holder[KEY];
  // `next build` never opens the database (README › No database at build time).
  const building = process.env.NEXT_PHASE === "phase-production-build";
  instance ??= new TagExpirations({
    connectionString: building ? "" : process.env.DATABASE_URL,
    onError: (message, error) =>
      console.error(`[${new Date().toISOString()}] ${message}: ${String(error)}`),
  });
  holder[KEY] = instance;
  return instance;
}

// The large, realistic data set that `npm run db:generate-load` adds and the
// benchmarks run on (what it holds: scripts/generate-load.ts).
import { parseArgs } from "node:util";
import { hash } from "@node-rs/argon2";
import { fail } from "./db-target";
import { loadPlace } from "./load-places";
import type { ScriptDb } from "./script-db";

export type Sizes = { cities: number; users: number; updates: number; comments: number };

export const DEFAULT_SIZES: Record<"postgres" | "pglite", Sizes> = {
  postgres: { cities: 1000, users: 50_000, updates: 100_000, comments: 1_000_000 },
  pglite: { cities: 200, users: 5_000, updates: 10_000, comments: 100_000 },
};
/** Where the deep comment pages are. */
export const HOT_CITY = "boston-ma";
export const LOAD_PASSWORD = "citywatch-demo";

/** What the database holds after the data set was added. */
export type Totals = Record<
  "cities" | "users" | "follows" | "updates" | "pending" | "comments",
  number
>;

/** Whether the data set is already in the database (it is added once). */
export async function hasLoad(db: ScriptDb): Promise<boolean> {
  const { n } = await db.one<{ n: number }>(
    `select count(*)::int as n from users where email = 'load-user-1@example.net'`,
  );
  return n > 0;
}

/**
 * Adds the data set to an open database; `log` reports each step. Returns
 * what the database then holds.
 */
export async function generateLoad(
  db: ScriptDb,
  sizes: Sizes,
  log: (line: string) => void = console.log,
): Promise<Totals> {
  if (await hasLoad(db)) throw new Error("this database already has the generated rows");
  // The same argon2id parameters as lib/auth/password.ts, so these people can sign in.
  const passwordHash = await hash(LOAD_PASSWORD, {
    algorithm: 2,
    memoryCost: 19_456,
    timeCost: 2,
    parallelism: 1,
  });
  const threads = Math.floor(sizes.comments / 10);
  const pending = Math.floor(sizes.updates / 20);
  const step = async (what: string, sql: string) => {
    const started = performance.now();
    await db.exec(sql);
    log(`[load] ${what} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  };

  // Cities in real states at points inside them (scripts/lib/load-places.ts), for the map.
  const { n: existing } = await db.one<{ n: number }>(
    `select count(*)::int as n from jurisdictions`,
  );
  const places = Array.from({ length: Math.max(0, sizes.cities - existing) }, (_, i) =>
    loadPlace(i + 1),
  );
  await step(
    `cities up to ${sizes.cities}`,
    places.length === 0
      ? "select 1"
      : `insert into jurisdictions (slug, name, kind, state, state_name, population, population_year,
                                  population_source_url, leader_title, leader_name, summary,
                                  article_mention, latitude, longitude)
         select p.slug, p.name, 'city', p.state, p.state_name, 10000 + p.g, 2020,
                'https://example.gov/census', 'Mayor', 'Pat Load ' || p.g,
                'A city added by the load generator.', '', p.latitude, p.longitude
         from (values ${places
           .map(
             (p, i) =>
               `(${i + 1}, '${p.slug}', '${p.name}', '${p.state}', '${p.stateName}', ${p.latitude}, ${p.longitude})`,
           )
           .join(",\n")}) as p(g, slug, name, state, state_name, latitude, longitude)`,
  );
  await step(
    `${sizes.users} users`,
    `insert into users (email, name, password_hash, role, email_frequency, created_at, email_verified_at)
     select 'load-user-' || g || '@example.net', 'Load User ' || g, '${passwordHash}',
            case when g % 1000 = 0 then 'moderator' else 'resident' end,
            (array['daily', 'immediately', 'never'])[1 + g % 3],
            timestamptz '2020-01-01 00:00:00+00' + g * interval '10 minutes',
            timestamptz '2020-01-01 00:00:00+00' + g * interval '10 minutes'
     from generate_series(1, ${sizes.users}) g`,
  );
  await step(
    "follows (1 to 10 cities each; the demo resident 50)",
    `with c as (select array_agg(id order by id) as ids, count(*)::int as n from jurisdictions)
     insert into follows (user_id, jurisdiction_id)
     select u.id, c.ids[1 + ((u.id * 7919 + k * 104729) % c.n)]
     from users u, c, generate_series(1, 10) k
     where u.email like 'load-user-%' and k <= 1 + u.id % 10
     on conflict do nothing;
     insert into follows (user_id, jurisdiction_id)
     select (select id from users where email = 'resident@example.org'), id
     from (select id from jurisdictions order by id) j
     where j.id % 2 = 0 and exists (select 1 from users where email = 'resident@example.org')
     limit 50
     on conflict do nothing`,
  );
  await step(
    `${sizes.updates} updates (${pending} pending)`,
    `with c as (select array_agg(id order by id) as ids, count(*)::int as n from jurisdictions),
          a as (select min(id) as first, count(*)::int as n from users where email like 'load-user-%'),
          m as (select coalesce(
                  (select id from users where email = 'moderator@example.org'),
                  (select min(id) from users where role = 'moderator')) as id)
     insert into policy_updates (jurisdiction_id, author_id, title, summary, source_url, effective_on,
                                 kind, status, decided_by_id, decided_at, created_at)
     select c.ids[1 + g % c.n], a.first + (g * 31) % a.n, 'Load update ' || g,
            'The council adopted rule ' || g || ' on cooperation with federal immigration detainers.',
            'https://example.gov/rules/' || g, date '2017-01-01' + (g % 3000),
            (array['ordinance', 'executive_order', 'police_directive', 'court_ruling', 'statement'])[1 + g % 5],
            case when g > ${sizes.updates - pending} then 'pending' else 'approved' end,
            case when g > ${sizes.updates - pending} then null else m.id end,
            case when g > ${sizes.updates - pending} then null
                 else timestamptz '2017-01-01 00:00:00+00' + g * interval '1 minute' end,
            timestamptz '2017-01-01 00:00:00+00' + g * interval '1 minute' - interval '1 day'
     from generate_series(1, ${sizes.updates}) g, c, a, m`,
  );
  // The count trigger fires per row; for a bulk load, count once at the end instead.
  await step(
    `${sizes.comments} comments (${threads} threads of 10)`,
    `alter table comments disable trigger comments_visible_count;
     with c as (select array_agg(id order by id) as ids, count(*)::int as n from jurisdictions),
          u as (select array_agg(id order by id) as ids, count(*)::int as n
                from (select id from policy_updates where status = 'approved' order by id limit 50000) x),
          a as (select min(id) as first, count(*)::int as n from users where email like 'load-user-%'),
          hot as (select id from jurisdictions where slug = '${HOT_CITY}'),
          art as (select min(id) as id from articles)
     insert into comments (subject_type, subject_id, author_id, body, depth, created_at)
     select case when g % 20 = 0 then 'article' when g % 4 = 3 then 'update' else 'city' end,
            case when g % 20 = 0 then art.id
                 when g % 4 = 3 then u.ids[1 + g % u.n]
                 when g % 2 = 1 then hot.id
                 else c.ids[1 + g % c.n] end,
            a.first + (g * 17) % a.n,
            'Load thread ' || g || ': what the council decided about detainers.', 1,
            timestamptz '2020-01-01 00:00:00+00' + g * interval '1 minute'
     from generate_series(1, ${threads}) g, c, u, a, hot, art;
     with a as (select min(id) as first, count(*)::int as n from users where email like 'load-user-%')
     insert into comments (subject_type, subject_id, author_id, parent_id, root_id, depth, body, created_at)
     select r.subject_type, r.subject_id, a.first + (r.id * 13 + k) % a.n, r.id, r.id, 2,
            'Load reply ' || k || ' to ' || r.id, r.created_at + k * interval '1 second'
     from comments r, a, generate_series(1, 9) k
     where r.parent_id is null and r.body like 'Load thread %';
     alter table comments enable trigger comments_visible_count;
     insert into comment_counts (subject_type, subject_id, n)
       select subject_type, subject_id, count(*) from comments where status = 'visible'
       group by subject_type, subject_id
       on conflict (subject_type, subject_id) do update set n = excluded.n`,
  );
  await step("statistics (analyze)", "analyze");
  return db.one<Totals>(`
    select (select count(*)::int from jurisdictions) as cities,
           (select count(*)::int from users) as users,
           (select count(*)::int from follows) as follows,
           (select count(*)::int from policy_updates) as updates,
           (select count(*)::int from policy_updates where status = 'pending') as pending,
           (select count(*)::int from comments) as comments`);
}

/** Flags over the defaults for this kind of database. */
export function loadSizes(
  kind: keyof typeof DEFAULT_SIZES,
  argv: string[] = process.argv.slice(2),
): Sizes {
  const defaults = DEFAULT_SIZES[kind];
  const { values } = parseArgs({
    args: argv,
    strict: false,
    options: Object.fromEntries(Object.keys(defaults).map((k) => [k, { type: "string" as const }])),
  });
  const sizes = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof Sizes)[]) {
    if (values[key] === undefined) continue;
    const n = Number(values[key]);
    if (!Number.isInteger(n) || n < 0) fail(`--${key} must be a whole number, not ${values[key]}`);
    sizes[key] = n;
  }
  if (sizes.users < 1) fail("--users must be at least 1");
  return sizes;
}

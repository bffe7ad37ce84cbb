// `npm run bench:me`: the signed-in resident's pages with a large database.
// The demo resident follows 50 cities out of 100; the database holds
// 100,000 approved updates spread over all 100 cities, 2,000 profile
// changes, and 10,000 notifications for the resident (half unread).
// Loads the production build (it never builds) on 127.0.0.1:
//   npm run build && npm run bench:me [-- --updates 100000 --duration 10]
// Uses a fresh embedded database, or Postgres when DATABASE_URL is set (the
// database must be empty or this script's own: it adds rows).
import { runPageBench } from "./bench/page-bench";

const RESIDENT = "resident@example.org";

await runPageBench({
  name: "bench-me",
  title: "Signed-in resident pages",
  port: 3310,
  signInAs: "resident",
  rows: rowsSql,
  async inspect(db, total) {
    // The feed's page 250 (5,000 items in; less with a small --updates), as its
    // "Show older" links would reach it.
    const depth = Math.min(5000, Math.floor(total / 4));
    const deep = await db.one<{ u: string; r: number }>(`
      with followed as (select jurisdiction_id from follows
                        where user_id = (select id from users where email = '${RESIDENT}')),
           items as (
             select 'u' as t, u.id, u.decided_at as at from policy_updates u
             where u.status = 'approved' and u.jurisdiction_id in (select * from followed)
             union all
             select 'r', r.id, r.created_at from profile_revisions r
             where r.kind <> 'baseline' and r.jurisdiction_id in (select * from followed)
             order by at desc, id desc limit ${depth})
      select (select (extract(epoch from at) * 1000)::bigint || '.' || id from items where t = 'u'
                order by at asc, id asc limit 1) as u,
             (select id from items where t = 'r' order by id asc limit 1) as r`);
    const counts = await db.one<{
      updates: number;
      follows: number;
      notifications: number;
      newest: string;
    }>(`
      select (select count(*)::int from policy_updates) as updates,
             (select count(*)::int from follows where user_id = (select id from users where email = '${RESIDENT}')) as follows,
             (select count(*)::int from notifications) as notifications,
             (select title from policy_updates where jurisdiction_id in
                (select jurisdiction_id from follows where user_id = (select id from users where email = '${RESIDENT}'))
              order by decided_at desc limit 1) as newest`);
    const targets = [
      { name: "/me, first page", path: "/me", shows: `${counts.newest}<` },
      {
        name: `/me, page ${depth / 20}`,
        path: `/me?after=${deep.u}:${deep.r}`,
        shows: "Bench update",
      },
      { name: "/notifications", path: "/notifications", shows: "Bench update" },
      {
        name: "/api/notifications (header count)",
        path: "/api/notifications",
        shows: '"unread":100}',
      },
    ];
    return {
      holds: `${counts.updates} updates, ${counts.follows} followed cities, ${counts.notifications} notifications`,
      targets: targets.map((t) => ({ ...t, signedIn: true })),
    };
  },
});

/** 85 more cities, half of them followed, `total` updates over all, profile changes, notifications. */
function rowsSql(total: number) {
  return `
  insert into users (email, name, role) values ('bench-author@example.net', 'Bench Author', 'resident')
    on conflict do nothing;
  -- 85 more cities (in Kansas, a real state), so there are 100 and the resident follows half of them
  insert into jurisdictions (slug, name, kind, state, state_name, population, population_year,
                             population_source_url, leader_title, leader_name, summary, article_mention)
  select 'bench-city-' || g || '-ks', 'Bench City ' || g, 'city', 'KS', 'Kansas', 10000 + g, 2020,
         'https://example.gov/census', 'Mayor', 'Pat Bench ' || g, 'A city added by the benchmark.', ''
  from generate_series(1, 85) g;
  delete from follows where user_id = (select id from users where email = '${RESIDENT}');
  insert into follows (user_id, jurisdiction_id)
  select (select id from users where email = '${RESIDENT}'), id
  from (select id from jurisdictions order by id) j where j.id % 2 = 0 limit 50;
  with ids as (select array_agg(id order by id) as all_ids from jurisdictions),
       author as (select id from users where email = 'bench-author@example.net'),
       moderator as (select id from users where email = 'moderator@example.org')
  insert into policy_updates (jurisdiction_id, author_id, title, summary, source_url, effective_on,
                              kind, status, decided_by_id, decided_at, created_at)
  select ids.all_ids[1 + g % cardinality(ids.all_ids)], author.id, 'Bench update ' || g,
         'The council adopted rule ' || g || ' on cooperation with federal immigration detainers.',
         'https://example.gov/rules/' || g, date '2017-01-01' + (g % 3000), 'ordinance',
         'approved', moderator.id,
         timestamptz '2017-01-01 00:00:00+00' + g * interval '1 minute',
         timestamptz '2017-01-01 00:00:00+00' + g * interval '1 minute' - interval '1 day'
  from generate_series(1, ${total}) g, ids, author, moderator;
  -- profile changes: one field each, spread over the cities and the same years
  with ids as (select array_agg(id order by id) as all_ids from jurisdictions)
  insert into profile_revisions (jurisdiction_id, kind, note, created_at)
  select ids.all_ids[1 + g % cardinality(ids.all_ids)], 'edit', 'bench',
         timestamptz '2017-01-01 00:00:00+00' + g * ${total / 2000} * interval '1 minute' + interval '30 seconds'
  from generate_series(1, 2000) g, ids;
  insert into profile_revision_changes (revision_id, field, from_value, from_detail, to_value, to_detail, source_url, as_of)
  select id, 'federal_actions', 'none', '', 'a DOJ letter', '', 'https://example.gov/doj', date '2017-04-24'
  from profile_revisions where note = 'bench';
  -- the resident's notifications about the newest 10,000 updates in followed cities, half read
  insert into notifications (user_id, kind, jurisdiction_id, update_id, read_at, created_at)
  select user_id, 'update_approved', jurisdiction_id, id, case when n % 2 = 0 then decided_at end, decided_at
  from (select f.user_id, u.jurisdiction_id, u.id, u.decided_at,
               row_number() over (order by u.decided_at desc) as n
        from policy_updates u join follows f on f.jurisdiction_id = u.jurisdiction_id
        where f.user_id = (select id from users where email = '${RESIDENT}')
        order by u.decided_at desc limit 10000) newest;
  analyze;
`;
}

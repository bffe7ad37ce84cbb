// `npm run bench:deep`: do the review queue and a city's update timeline cost
// the same on their last page as on their first, with 100,000 updates in the
// database? Loads the production build (it never builds) on 127.0.0.1:
//   npm run build && npm run bench:deep [-- --updates 100000 --duration 10]
// Uses a fresh embedded database, or Postgres when DATABASE_URL is set (the
// database must be empty or this script's own: it adds rows).
//
// The rows: half the updates are approved in Boston (its timeline is then
// 5,000 pages long), half are pending across all cities (the queue is 2,500
// pages long). Each URL is checked to show the rows its page must show.
import { runPageBench } from "./bench/page-bench";

const CITY = "boston-ma";

await runPageBench({
  name: "bench-deep",
  title: "Deep pages",
  port: 3300,
  signInAs: "moderator",
  rows: updatesSql,
  async inspect(db, total) {
    // The last pages' cursors, as the pages' own "next" links would reach them.
    const lastApproved = await db.one<{ ms: string; id: number }>(
      `select (extract(epoch from decided_at) * 1000)::bigint as ms, id from policy_updates
       where status = 'approved' and jurisdiction_id = (select id from jurisdictions where slug = '${CITY}')
       order by decided_at desc, id desc offset ${total / 2 - 11} limit 1`,
    );
    const lastPending = await db.one<{ id: number }>(
      `select id from policy_updates where status = 'pending' order by id offset ${total / 2 - 21} limit 1`,
    );
    const count = await db.one<{ n: number }>(`select count(*)::int as n from policy_updates`);
    return {
      holds: `${count.n} updates`,
      targets: [
        {
          name: "timeline, first page",
          path: `/cities/${CITY}/updates`,
          shows: `Bench update ${total / 2}`,
        },
        {
          name: "timeline, last page",
          path: `/cities/${CITY}/updates?cursor=${lastApproved.ms}.${lastApproved.id}`,
          shows: "Bench update 1<",
        },
        {
          name: "queue, first page",
          path: "/moderation",
          shows: `Bench update ${total / 2 + 1}<`,
          signedIn: true,
        },
        {
          name: "queue, last page",
          path: `/moderation?after=${lastPending.id}-0`,
          shows: `Bench update ${total}<`,
          signedIn: true,
        },
      ],
    };
  },
});

/** The rows, in one statement. */
function updatesSql(total: number) {
  return `
  insert into users (email, name, role) values ('bench-author@example.net', 'Bench Author', 'resident')
    on conflict do nothing;
  with ids as (select array_agg(id order by id) as all_ids,
                      (select id from jurisdictions where slug = '${CITY}') as city from jurisdictions),
       author as (select id from users where email = 'bench-author@example.net'),
       moderator as (select id from users where email = 'moderator@example.org')
  insert into policy_updates (jurisdiction_id, author_id, title, summary, source_url, effective_on,
                              kind, status, decided_by_id, decided_at, created_at)
  select case when g <= ${total / 2} then ids.city else ids.all_ids[1 + g % cardinality(ids.all_ids)] end,
         author.id, 'Bench update ' || g,
         'The council adopted rule ' || g || ' on cooperation with federal immigration detainers.',
         'https://example.gov/rules/' || g, date '2017-01-01' + (g % 3000), 'ordinance',
         case when g <= ${total / 2} then 'approved' else 'pending' end,
         case when g <= ${total / 2} then moderator.id end,
         case when g <= ${total / 2} then timestamptz '2017-01-01 00:00:00+00' + g * interval '1 minute' end,
         now() - (${total} - g) * interval '1 second'
  from generate_series(1, ${total}) g, ids, author, moderator;
  analyze;
`;
}

// `npm run bench:comments`: a city's comments with 1,000,000 comments in the
// database, all on Boston: 100,000 threads of one comment and nine replies.
// Measures the first and the last page of its threads (the JSON the city
// page's comment section reads) and the city page itself. Loads the
// production build (it never builds) on 127.0.0.1:
//   npm run build && npm run bench:comments [-- --updates 1000000 --duration 10]
// (--updates here is the number of comments.) A fresh embedded database, or
// Postgres when DATABASE_URL is set (an empty database or this script's own).
import { runPageBench } from "./bench/page-bench";

const CITY = "boston-ma";

await runPageBench({
  name: "bench-comments",
  title: "Comments",
  port: 3320,
  defaultRows: 1_000_000,
  rows: (total) => commentsSql(Math.floor(total / 10)),
  async inspect(db, total) {
    // The cursor of the last page: after the 11th-oldest thread come the 10 oldest.
    const last = await db.one<{ ms: string; id: number }>(`
      select (extract(epoch from created_at) * 1000)::bigint as ms, id from comments
      where subject_type = 'city' and parent_id is null
        and subject_id = (select id from jurisdictions where slug = '${CITY}')
      order by created_at asc, id asc offset 10 limit 1`);
    const count = await db.one<{ n: number }>(`select count(*)::int as n from comments`);
    const on = `city:${CITY}`;
    return {
      holds: `${count.n} comments`,
      targets: [
        {
          name: "comments, first page (JSON)",
          path: `/api/comments?on=${on}`,
          shows: `Bench thread ${Math.floor(total / 10)}:`,
        },
        {
          name: "comments, last page (JSON)",
          path: `/api/comments?on=${on}&after=${last.ms}.${last.id}`,
          shows: "Bench thread 1:",
        },
        { name: "city page (HTML, cached)", path: `/cities/${CITY}`, shows: "Boston" },
      ],
    };
  },
});

/** `threads` threads of one comment and nine replies on CITY, counted once at the end. */
function commentsSql(threads: number) {
  return `
  insert into users (email, name, role) values ('bench-commenter@example.net', 'Bench Commenter', 'resident')
    on conflict do nothing;
  -- the count trigger fires per row; for a bulk load, count once at the end instead
  alter table comments disable trigger comments_visible_count;
  insert into comments (subject_type, subject_id, author_id, body, depth, created_at)
  select 'city', (select id from jurisdictions where slug = '${CITY}'),
         (select id from users where email = 'bench-commenter@example.net'),
         'Bench thread ' || g || ': what the council decided about detainers.', 1,
         timestamptz '2020-01-01 00:00:00+00' + g * interval '1 minute'
  from generate_series(1, ${threads}) g;
  insert into comments (subject_type, subject_id, author_id, parent_id, root_id, depth, body, created_at)
  select r.subject_type, r.subject_id, r.author_id, r.id, r.id, 2,
         'Bench reply ' || k || ' to ' || r.id, r.created_at + k * interval '1 second'
  from comments r, generate_series(1, 9) k
  where r.subject_type = 'city' and r.parent_id is null
    and r.subject_id = (select id from jurisdictions where slug = '${CITY}');
  alter table comments enable trigger comments_visible_count;
  insert into comment_counts (subject_type, subject_id, n)
    select subject_type, subject_id, count(*) from comments where status = 'visible'
    group by subject_type, subject_id
    on conflict (subject_type, subject_id) do update set n = excluded.n;
  analyze;
`;
}

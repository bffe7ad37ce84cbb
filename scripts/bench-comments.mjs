// `npm run bench:comments`: a city's comments with 1,000,000 comments in the
// database, all on Boston: 100,000 threads of one comment and nine replies.
// Measures the first and the last page of its threads (the JSON the city
// page's comment section reads) and the city page itself. Loads the
// production build (it never builds) on 127.0.0.1:
//   npm run build && npm run bench:comments [-- --updates 1000000 --duration 10]
// (--updates here is the number of comments.) A fresh embedded database, or
// Postgres when DATABASE_URL is set (an empty database or this script's own).
import {
  measureTargets,
  openBenchDb,
  prepareLargeBench,
  printResults,
  rssOf,
  startApp,
  waitFor,
} from "./bench-lib.mjs";

const CITY = "boston-ma";
const { opts, env, appUrl, total } = await prepareLargeBench("bench-comments", 3320, 1_000_000);
const threads = Math.floor(total / 10);

const started = performance.now();
const db = await openBenchDb(env);
await db.exec(`
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
`);
const loadSeconds = (performance.now() - started) / 1000;
// The cursor of the last page: after the 11th-oldest thread come the 10 oldest.
const [last] = await db.rows(`
  select (extract(epoch from created_at) * 1000)::bigint as ms, id from comments
  where subject_type = 'city' and parent_id is null
    and subject_id = (select id from jurisdictions where slug = '${CITY}')
  order by created_at asc, id asc offset 10 limit 1`);
const [count] = await db.rows(`select count(*)::int as n from comments`);
await db.close();

const app = startApp(env);
await waitFor(`${appUrl}/api/health`);
const on = `city:${CITY}`;
const results = await measureTargets(
  appUrl,
  [
    {
      name: "comments, first page (JSON)",
      path: `/api/comments?on=${on}`,
      shows: `Bench thread ${threads}:`,
    },
    {
      name: "comments, last page (JSON)",
      path: `/api/comments?on=${on}&after=${last.ms}.${last.id}`,
      shows: "Bench thread 1:",
    },
    { name: "city page (HTML, cached)", path: `/cities/${CITY}`, shows: "Boston" },
  ],
  opts,
);
printResults(
  "Comments",
  `database: ${process.env.DATABASE_URL ? "postgres" : "pglite (fresh)"}, ${count.n} comments (rows added in ${loadSeconds.toFixed(1)} s); ${opts.connections} connections, ${opts.duration} s after ${opts.warmup} s warm-up; app RSS after load: ${rssOf(app.pid)}`,
  results,
);
process.exit(results.some((r) => r.errors > 0) ? 1 : 0);

import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import type { JurisdictionKind } from "@/lib/enums";
import {
  MARK_START,
  MARK_STOP,
  splitHighlights,
  type HighlightPiece,
} from "@/lib/search-highlight";
import { decodeCursor, encodeCursor } from "./cursor";
import { stateOfQuery } from "./state-query";

/** Results per page. */
export const SEARCH_PAGE = 20;

/**
 * The most updates a search ranks: the most recently published of those that
 * match. Ranking means scoring every match before the first page can be cut,
 * and a word every update holds would score 100,000 rows (600 ms on Postgres);
 * the newest thousand come off an index in order (about 10 ms). A query that
 * matches more says so on the page, and more words narrow it.
 */
export const UPDATE_CANDIDATES = 1000;

export type SearchHitKind = "place" | "article" | "quote" | "update";

export type SearchHit = {
  kind: SearchHitKind;
  /** Unique within a page and across pages: the kind and the row's id. */
  key: string;
  href: string;
  title: HighlightPiece[];
  snippet: HighlightPiece[];
  /** City, county…: places only. */
  placeKind?: JurisdictionKind;
  /** The place's or the update's state. */
  state?: { code: string; name: string };
  /** The update's city, or the article a quote is in. */
  context?: string;
  /** The update's publication date or the article's, YYYY-MM-DD. */
  date?: string;
};

export type SearchPage = {
  hits: SearchHit[];
  nextCursor: string | null;
  /** More published updates match than are ranked (UPDATE_CANDIDATES, the newest). */
  updatesCapped: boolean;
};

const KINDS: Record<number, SearchHitKind> = { 1: "place", 2: "article", 3: "quote", 4: "update" };

// ts_headline's options: whole short fields with every match marked, and up to
// two fragments of long ones. The sentinels are control characters, stripped
// from the text first (lib/search-highlight.ts).
const TITLE = `StartSel="${MARK_START}", StopSel="${MARK_STOP}", HighlightAll=true`;
const SNIPPET = `StartSel="${MARK_START}", StopSel="${MARK_STOP}", MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
const SENTINELS = MARK_START + MARK_STOP;

type Row = {
  kind: number;
  id: number;
  score: string;
  slug: string;
  title: string;
  snippet: string;
  place_kind: JurisdictionKind | null;
  state: string | null;
  state_name: string | null;
  context: string | null;
  date: string | null;
  update_matches: number;
};

/**
 * Published content matching a (validated, non-empty) query: jurisdictions by
 * name, state and leader; approved updates by title and summary; the article
 * and its quotes. One ranked list, best first, keyset-paginated on (score,
 * kind, id); nothing pending, rejected, withdrawn or hidden. Public data.
 */
export async function searchSite(
  query: string,
  cursor?: string,
  options: { pageSize?: number } = {},
): Promise<SearchPage> {
  const size = Math.min(100, Math.max(1, Math.trunc(options.pageSize ?? SEARCH_PAGE)));
  const db = await getDb();
  const after = decodeCursor(cursor);
  const state = stateOfQuery(query)?.code ?? null;
  // The same configuration as each vector (drizzle/0021), on the accent-folded query.
  const simple = sql`websearch_to_tsquery('simple', cw_unaccent(${query}))`;
  const english = sql`websearch_to_tsquery('english', cw_unaccent(${query}))`;
  const clean = (column: ReturnType<typeof sql>) => sql`translate(${column}, ${SENTINELS}, '')`;
  const introText = sql`replace(regexp_replace(a.intro_markdown, '\\[([^]]*)\\]\\([^)]*\\)', '\\1', 'g'), '**', '')`;

  const result = await db.execute(sql`
    with upd as (
      select u.id, u.decided_at, u.search_vector from policy_updates u
      where u.status = 'approved' and u.search_vector @@ ${english}
      order by u.decided_at desc, u.id desc
      limit ${UPDATE_CANDIDATES + 1}
    ), hits as (
      select 1 as kind, j.id,
             ts_rank_cd(j.search_vector, ${simple})::float8 * 2
               + case when lower(cw_unaccent(j.name)) = lower(cw_unaccent(${query})) then 4 else 0 end
               + case when j.state = ${state}::text then 1 else 0 end as score
      from jurisdictions j
      where j.search_vector @@ ${simple} or j.state = ${state}::text
      union all
      select 2, a.id, ts_rank_cd(a.search_vector, ${english})::float8 * 1.5
      from articles a where a.search_vector @@ ${english}
      union all
      select 3, q.id, ts_rank_cd(q.search_vector, ${english})::float8 * 1.2
      from article_quotes q where q.search_vector @@ ${english}
      union all
      select 4, id, ts_rank_cd(search_vector, ${english})::float8
      from (select * from upd order by decided_at desc, id desc limit ${UPDATE_CANDIDATES}) ranked
    ), page as (
      select kind, id, score from hits
      where ${
        after
          ? sql`score < ${after.score}::float8 or (score = ${after.score}::float8 and (kind, id) > (${after.kind}::int, ${after.id}::int))`
          : sql`true`
      }
      order by score desc, kind, id
      limit ${size + 1}
    )
    select p.kind, p.id, p.score::text as score,
      case p.kind when 1 then j.slug when 2 then a.slug when 3 then qa.slug else uj.slug end as slug,
      case p.kind
        when 1 then ts_headline('cw_simple_unaccent', ${clean(sql`j.name`)}, ${simple}, ${TITLE})
        when 2 then ts_headline('cw_english_unaccent', ${clean(sql`a.headline`)}, ${english}, ${TITLE})
        when 3 then ts_headline('cw_english_unaccent', ${clean(sql`q.attribution`)}, ${english}, ${TITLE})
        else ts_headline('cw_english_unaccent', ${clean(sql`u.title`)}, ${english}, ${TITLE})
      end as title,
      case p.kind
        when 1 then ts_headline('cw_simple_unaccent', ${clean(sql`j.leader_title || ' ' || j.leader_name`)}, ${simple}, ${TITLE})
        when 2 then ts_headline('cw_english_unaccent', ${clean(introText)}, ${english}, ${SNIPPET})
        when 3 then ts_headline('cw_english_unaccent', ${clean(sql`q.text`)}, ${english}, ${SNIPPET})
        else ts_headline('cw_english_unaccent', ${clean(sql`u.summary`)}, ${english}, ${SNIPPET})
      end as snippet,
      j.kind as place_kind,
      coalesce(j.state, uj.state) as state,
      coalesce(j.state_name, uj.state_name) as state_name,
      case p.kind when 3 then qa.title when 4 then uj.name end as context,
      case p.kind
        when 2 then a.published_on::text
        when 4 then to_char(u.decided_at at time zone 'UTC', 'YYYY-MM-DD')
      end as date,
      (select count(*)::int from upd) as update_matches
    from page p
    left join jurisdictions j on p.kind = 1 and j.id = p.id
    left join articles a on p.kind = 2 and a.id = p.id
    left join article_quotes q on p.kind = 3 and q.id = p.id
    left join articles qa on qa.id = q.article_id
    left join policy_updates u on p.kind = 4 and u.id = p.id
    left join jurisdictions uj on uj.id = u.jurisdiction_id
    order by p.score desc, p.kind, p.id
  `);
  // Both drivers (pg and PGlite) answer raw SQL with `{ rows }`; drizzle's shared type cannot say so.
  const rows = (result as { rows: Row[] }).rows;
  const page = rows.slice(0, size);
  const last = page.at(-1);
  return {
    hits: page.map(toHit),
    nextCursor:
      rows.length > size && last
        ? encodeCursor({ score: last.score, kind: last.kind, id: last.id })
        : null,
    updatesCapped: (rows[0]?.update_matches ?? 0) > UPDATE_CANDIDATES,
  };
}

function toHit(r: Row): SearchHit {
  const kind = KINDS[r.kind] ?? "update";
  const href =
    kind === "place"
      ? `/cities/${r.slug}`
      : kind === "article"
        ? `/articles/${r.slug}`
        : kind === "quote"
          ? `/articles/${r.slug}#quote-${r.id}`
          : `/updates/${r.id}`;
  return {
    kind,
    key: `${kind}-${r.id}`,
    href,
    title: splitHighlights(r.title),
    snippet: splitHighlights(r.snippet),
    ...(r.place_kind ? { placeKind: r.place_kind } : {}),
    ...(r.state && r.state_name ? { state: { code: r.state, name: r.state_name } } : {}),
    ...(r.context ? { context: r.context } : {}),
    ...(r.date ? { date: r.date } : {}),
  };
}

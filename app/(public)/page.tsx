import Link from "next/link";
import { connection } from "next/server";
import {
  getArticleCached,
  listMostFollowedCached,
  listRecentlyChangedCached,
} from "@/lib/cache/public-data";
import { formatDate, formatNumber } from "@/lib/format";
import { HighlightList } from "./_components/highlight-list";

const ARTICLE_SLUG = "us-sanctuary-cities";

export default async function HomePage() {
  await connection(); // rendered at request time (the build has no database); data is cached
  const [article, mostFollowed, recentlyChanged] = await Promise.all([
    getArticleCached(ARTICLE_SLUG),
    listMostFollowedCached(),
    listRecentlyChangedCached(),
  ]);

  return (
    <>
      <section className="max-w-3xl">
        <h1 className="text-3xl font-bold leading-tight sm:text-4xl">
          Follow what your city does about immigration policy
        </h1>
        <p className="mt-4 text-lg text-stone-700">
          CityWatch keeps a sourced profile of every city and county named in World Mayor’s report
          on US sanctuary cities. Residents follow their city, volunteers send in local policy news,
          and moderators check every change against its source before it goes public.
        </p>
      </section>

      {article && (
        <section
          aria-labelledby="featured"
          className="mt-10 rounded-lg border border-stone-200 bg-white p-6 shadow-sm"
        >
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">
            Featured article
          </p>
          <h2 id="featured" className="mt-2 font-serif text-2xl font-bold">
            <Link href={`/articles/${article.slug}`}>{article.headline}</Link>
          </h2>
          <p className="mt-2 text-sm text-stone-600">
            {article.sourceName} ·{" "}
            <time dateTime={article.publishedOn}>{formatDate(article.publishedOn)}</time> ·{" "}
            {article.quotes.length} mayors’ statements
          </p>
        </section>
      )}

      <div className="mt-10 grid gap-8 lg:grid-cols-2">
        <HighlightList
          id="most-followed"
          title="Most followed"
          empty="No one follows a place yet. Follow yours from its page."
          cities={mostFollowed}
          detail={(c) =>
            c.followers === 1 ? "1 follower" : `${formatNumber(c.followers)} followers`
          }
        />
        <HighlightList
          id="recently-changed"
          title="Recently changed"
          empty="No approved update or profile change yet."
          cities={recentlyChanged}
          detail={(c) => (c.changedAt ? `Changed ${formatDate(c.changedAt)}` : "")}
        />
      </div>
      <p className="mt-6">
        <Link href="/cities" className="font-semibold">
          Browse all cities and counties
        </Link>{" "}
        — filter by state and policy, sort, and compare places side by side.
      </p>
    </>
  );
}

import Link from "next/link";
import { connection } from "next/server";
import { PolicyBadge } from "@/components/policy-badge";
import { getArticleCached, listJurisdictionsCached } from "@/lib/cache/public-data";
import { formatDate } from "@/lib/format";

const ARTICLE_SLUG = "us-sanctuary-cities";

export default async function HomePage() {
  await connection(); // rendered at request time (the build has no database); data is cached
  const [article, cities] = await Promise.all([
    getArticleCached(ARTICLE_SLUG),
    listJurisdictionsCached(),
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

      <section aria-labelledby="home-cities" className="mt-10">
        <div className="flex items-baseline justify-between gap-4">
          <h2 id="home-cities" className="text-2xl font-bold">
            The cities
          </h2>
          <Link href="/cities">Filter by state or policy</Link>
        </div>
        <ul className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {cities.map((c) => (
            <li
              key={c.slug}
              className="flex items-center justify-between gap-2 rounded border border-stone-200 bg-white px-4 py-3"
            >
              <Link href={`/cities/${c.slug}`} className="font-medium">
                {c.name}, {c.state}
              </Link>
              <PolicyBadge badge={c.badge} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

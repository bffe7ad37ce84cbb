import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Comments } from "@/app/_comments/comments";
import { PolicyBadge } from "@/components/policy-badge";
import { UpdateTimeline } from "@/components/update-timeline";
import { getJurisdictionCached, listLatestUpdatesCached } from "@/lib/cache/public-data";
import { formatDate, formatNumber } from "@/lib/format";
import { slugParam } from "@/lib/validation/params";
import { FollowButton, FollowStates } from "../_components/follow";
import { PolicyProfile } from "./_components/policy-profile";

// Rendered on first request (never at build: the build has no database),
// then served from the cache until a write invalidates its tags.
export const revalidate = 86400;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = slugParam((await params).slug);
  const city = slug ? await getJurisdictionCached(slug) : null;
  return city
    ? {
        title: `${city.name}, ${city.state}`,
        description: city.summary,
        alternates: {
          types: { "application/atom+xml": `/cities/${city.slug}/feed.xml` },
        },
      }
    : { title: "Place not found" };
}

export default async function CityPage({ params }: Props) {
  const slug = slugParam((await params).slug);
  if (!slug) notFound();
  const [city, timeline] = await Promise.all([
    getJurisdictionCached(slug),
    listLatestUpdatesCached(slug),
  ]);
  if (!city) notFound();

  return (
    <article>
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/cities">Cities</Link> <span aria-hidden="true">/</span> {city.name}
      </nav>
      <header className="mt-3 flex flex-wrap items-center gap-3">
        <h1 className="text-3xl font-bold">
          {city.name}, {city.stateName}
        </h1>
        <PolicyBadge badge={city.badge} />
        <FollowStates slugs={[city.slug]}>
          <FollowButton slug={city.slug} />
        </FollowStates>
      </header>

      <dl className="mt-4 grid max-w-xl grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="text-stone-600">{city.leaderTitle}</dt>
        <dd>
          <span className="font-medium">{city.leaderName}</span>{" "}
          <span className="text-sm text-stone-600">
            (as of <time dateTime={city.leaderAsOf}>{formatDate(city.leaderAsOf)}</time>)
          </span>
        </dd>
        <dt className="text-stone-600">Population</dt>
        <dd>
          {formatNumber(city.population)} ({city.populationYear} Census,{" "}
          <a href={city.populationSourceUrl} rel="noopener">
            source
          </a>
          )
        </dd>
      </dl>

      <p className="mt-6 max-w-3xl text-lg leading-8">{city.summary}</p>

      {/* A jurisdiction proposed later is not in the article. */}
      {(city.articleMention || city.quotes.length > 0) && (
        <section aria-labelledby="in-the-article" className="mt-10">
          <h2 id="in-the-article" className="text-xl font-bold">
            In the article
          </h2>
          <p className="mt-2 max-w-3xl">{city.articleMention}</p>
          {city.quotes.map((q) => (
            <figure
              key={`${q.articleSlug}-${q.text.slice(0, 20)}`}
              className="my-5 border-l-4 border-brand-600 bg-white py-4 pl-5 pr-4 shadow-sm"
            >
              <blockquote className="font-serif text-xl leading-8">
                <p>“{q.text}”</p>
              </blockquote>
              <figcaption className="mt-3 text-sm text-stone-700">
                <span className="font-semibold">{q.attribution}</span>, in{" "}
                <Link href={`/articles/${q.articleSlug}`}>{q.articleTitle}</Link> (World Mayor)
              </figcaption>
            </figure>
          ))}
        </section>
      )}

      <section aria-labelledby="policy-updates" className="mt-10">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="policy-updates" className="text-xl font-bold">
            Policy updates
          </h2>
          <p className="flex gap-4">
            <Link href={`/cities/${city.slug}/updates/new`}>Submit an update</Link>
            <a href={`/cities/${city.slug}/feed.xml`} type="application/atom+xml">
              Atom feed
            </a>
          </p>
        </div>
        {timeline.updates.length === 0 ? (
          <p className="mt-2 text-stone-600">
            No updates have been published yet. Know of a change? Submit it for review.
          </p>
        ) : (
          <UpdateTimeline updates={timeline.updates} />
        )}
        {timeline.nextCursor && (
          <p className="mt-4">
            <Link href={`/cities/${city.slug}/updates?cursor=${timeline.nextCursor}`}>
              Show older updates
            </Link>
          </p>
        )}
      </section>

      <PolicyProfile slug={city.slug} facts={city.facts} />
      <Comments subject={`city:${city.slug}`} />
    </article>
  );
}

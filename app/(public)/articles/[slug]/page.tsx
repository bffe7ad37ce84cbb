import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Comments } from "@/app/_comments/comments";
import { PullQuote } from "@/components/pull-quote";
import { TrustedMarkdown } from "@/components/trusted-markdown";
import { getArticleCached } from "@/lib/cache/public-data";
import { formatDate } from "@/lib/format";
import { slugParam } from "@/lib/validation/params";
import { ArticleSide } from "./_components/article-side";
import { Corrections } from "./_components/corrections";

// Rendered on first request (never at build: the build has no database),
// then served from the cache until a write invalidates its tags.
export const revalidate = 86400;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = slugParam((await params).slug);
  const article = slug ? await getArticleCached(slug) : null;
  return article ? { title: article.title, description: article.headline } : {};
}

export default async function ArticlePage({ params }: Props) {
  const slug = slugParam((await params).slug);
  const article = slug ? await getArticleCached(slug) : null;
  if (!article) notFound();
  const [introId, quotesId] = ["sanctuary-cities-confront-trump", "mayors-stand-by-immigrants"];

  return (
    <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_16rem]">
      <article className="min-w-0">
        <header className="mb-8 border-b border-stone-200 pb-6">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">
            {article.title}
          </p>
          <h1 className="mt-2 font-serif text-3xl font-bold leading-tight sm:text-4xl">
            {article.headline}
          </h1>
          <p className="mt-3 text-sm text-stone-600">
            Published <time dateTime={article.publishedOn}>{formatDate(article.publishedOn)}</time>{" "}
            by {article.sourceName} ·{" "}
            <a href={article.sourceUrl} rel="noopener">
              Source: {article.sourceName}
            </a>
          </p>
        </header>

        <section aria-labelledby={introId} className="prose-article">
          <h2 id={introId} className="mb-4 text-xl font-bold">
            {article.sideMaterial.onThisPage[0]}
          </h2>
          <TrustedMarkdown>{article.introMarkdown}</TrustedMarkdown>
        </section>

        <section aria-labelledby={quotesId} className="mt-10">
          <h2 id={quotesId} className="mb-2 text-xl font-bold">
            {article.quotesHeading}
          </h2>
          {article.quotes.map((q) => (
            <PullQuote
              key={q.id}
              id={`quote-${q.id}`}
              text={q.text}
              attribution={q.attribution}
              speakers={q.speakers}
              placeAddedNote={q.sourceHeading === null}
            />
          ))}
        </section>

        <Corrections corrections={article.corrections} />
        <Comments subject={`article:${article.slug}`} />
      </article>

      <ArticleSide side={article.sideMaterial} sectionIds={[introId, quotesId]} />
    </div>
  );
}

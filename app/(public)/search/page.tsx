import type { Metadata } from "next";
import Link from "next/link";
import { SearchBox } from "@/components/search-box";
import { searchSite, UPDATE_CANDIDATES } from "@/lib/dal/search/search";
import { formatNumber } from "@/lib/format";
import { searchParamsOf, searchSchema } from "@/lib/validation/search";
import { NoResults } from "./_components/no-results";
import { SearchResults } from "./_components/search-results";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The query as the page uses it, or the message saying why it cannot be searched. */
async function readQuery(searchParams: Props["searchParams"]) {
  const { q, after } = searchParamsOf(await searchParams);
  const parsed = searchSchema.safeParse({ q });
  return parsed.success
    ? { q: parsed.data.q, after, error: undefined }
    : { q: "", after, error: parsed.error.issues[0]?.message ?? "This search cannot be run." };
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = await readQuery(searchParams);
  return {
    title: q ? `Search: ${q}` : "Search",
    description: "Search cities, counties, mayors, policy updates and the article.",
    robots: { index: false },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const { q, after, error } = await readQuery(searchParams);
  const page = q && !error ? await searchSite(q, after || undefined) : null;

  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold">Search</h1>
      <SearchBox
        // A new query starts a fresh box (the value typed is the one shown).
        key={q}
        id="search-page-q"
        label="Search terms"
        showLabel
        defaultValue={q}
        error={error}
      />

      {error ? null : !page ? (
        <p className="mt-6 text-stone-700">
          Type the name of a city, county or state, a mayor, or words from a policy update.
        </p>
      ) : page.hits.length === 0 && !after ? (
        <NoResults query={q} />
      ) : (
        <>
          <p className="mt-6 text-sm text-stone-600" role="status">
            Results for “{q}”{after ? ", continued" : ""}, best match first.
          </p>
          {page.updatesCapped && (
            <p className="mt-2 text-sm text-stone-600">
              {`More than ${formatNumber(UPDATE_CANDIDATES)} published updates match: the results rank the ${formatNumber(UPDATE_CANDIDATES)} most recent. Add words to narrow the search.`}
            </p>
          )}
          {page.hits.length === 0 ? (
            <p className="mt-4">No more results.</p>
          ) : (
            <SearchResults hits={page.hits} />
          )}
          <nav aria-label="Pages" className="mt-6 flex gap-4">
            {after && <Link href={`/search?q=${encodeURIComponent(q)}`}>First page</Link>}
            {page.nextCursor && (
              <Link href={`/search?q=${encodeURIComponent(q)}&after=${page.nextCursor}`}>
                Next page
              </Link>
            )}
          </nav>
        </>
      )}
    </div>
  );
}

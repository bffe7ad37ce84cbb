import Link from "next/link";

/** What to try when a search finds nothing. */
export function NoResults({ query }: { query: string }) {
  return (
    <div className="mt-6 rounded border border-dashed border-stone-300 bg-white p-6">
      <p className="font-semibold">No results for “{query}”.</p>
      <ul className="mt-2 list-disc pl-5 text-stone-700">
        <li>Check the spelling, or use fewer words: every word must match.</li>
        <li>Search for a city, a county, a state (“CA” or “California”) or a mayor’s name.</li>
        <li>
          Put words in quotes for a phrase (“police directive”), or a minus before a word to leave
          it out (sanctuary -county).
        </li>
      </ul>
      <p className="mt-3">
        <Link href="/cities">Browse all cities and counties</Link>
      </p>
    </div>
  );
}

import Link from "next/link";
import type { SearchHit } from "@/lib/dal/search/search";
import type { JurisdictionKind } from "@/lib/enums";
import { formatDate } from "@/lib/format";
import { Highlighted } from "./highlighted";

const PLACE_KINDS: Record<JurisdictionKind, string> = {
  city: "City",
  county: "County",
  city_and_county: "City and county",
  state: "State",
};

function kindLabel(hit: SearchHit): string {
  if (hit.kind === "place") return PLACE_KINDS[hit.placeKind ?? "city"];
  return { article: "Article", quote: "Quote in the article", update: "Update" }[hit.kind];
}

/** One page of search results, best first. */
export function SearchResults({ hits }: { hits: SearchHit[] }) {
  return (
    <ol className="mt-4 space-y-4" aria-label="Results">
      {hits.map((hit) => (
        <li key={hit.key} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
          <p className="text-xs font-semibold uppercase tracking-wide text-stone-600">
            {kindLabel(hit)}
            {hit.context && <> · {hit.context}</>}
            {hit.state && <> · {hit.state.name}</>}
            {hit.date && (
              <>
                {" "}
                · <time dateTime={hit.date}>{formatDate(hit.date)}</time>
              </>
            )}
          </p>
          <h2 className="mt-1 text-lg font-semibold">
            <Link href={hit.href}>
              <Highlighted pieces={hit.title} />
            </Link>
          </h2>
          {hit.snippet.length > 0 && (
            <p className="mt-1 text-stone-700">
              {hit.kind === "quote" && "“"}
              <Highlighted pieces={hit.snippet} />
              {hit.kind === "quote" && "”"}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

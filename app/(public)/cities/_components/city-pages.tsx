import Link from "next/link";
import { cityFilterQuery, type CityFilterInput } from "@/lib/validation/city-filter";
import { COMPARE_FORM_ID } from "./city-list";

type Props = { filter: CityFilterInput; next: string | null; prev: string | null };

/** "Previous page" / "Next page" links (keyset cursors) and the compare form's button. */
export function CityPages({ filter, next, prev }: Props) {
  const href = (extra: Record<string, string>) => `/cities?${cityFilterQuery(filter, extra)}`;
  return (
    <div className="mt-6 flex flex-wrap items-center justify-between gap-4">
      <form id={COMPARE_FORM_ID} method="get" action="/compare">
        <button
          type="submit"
          className="rounded border border-brand-700 px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50"
        >
          Compare selected
        </button>
      </form>
      <nav aria-label="Pages" className="flex gap-4">
        {prev && (
          <Link href={href({ before: prev })} rel="prev" className="py-2">
            ← Previous page
          </Link>
        )}
        {next && (
          <Link href={href({ after: next })} rel="next" className="py-2">
            Next page →
          </Link>
        )}
      </nav>
    </div>
  );
}

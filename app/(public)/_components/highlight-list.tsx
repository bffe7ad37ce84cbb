import Link from "next/link";
import type { CityHighlight } from "@/lib/dal/cities/highlights";

type Props = {
  id: string;
  title: string;
  /** What to say when the list is empty. */
  empty: string;
  cities: CityHighlight[];
  detail: (city: CityHighlight) => string;
};

/** One of the home page's short lists of places ("Most followed", "Recently changed"). */
export function HighlightList({ id, title, empty, cities, detail }: Props) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="text-2xl font-bold">
        {title}
      </h2>
      {cities.length === 0 ? (
        <p className="mt-4 rounded border border-dashed border-stone-300 bg-white p-4">{empty}</p>
      ) : (
        <ol className="mt-4 grid gap-2">
          {cities.map((c) => (
            <li
              key={c.slug}
              className="flex flex-wrap items-center justify-between gap-2 rounded border border-stone-200 bg-white px-4 py-3"
            >
              <Link href={`/cities/${c.slug}`} className="font-medium">
                {c.name}, {c.state}
              </Link>
              <span className="text-sm text-stone-600">{detail(c)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

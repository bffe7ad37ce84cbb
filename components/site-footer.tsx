import Link from "next/link";

/** The footer every page shares. */
export function SiteFooter() {
  return (
    <footer className="border-t border-stone-200 bg-white text-sm text-stone-600">
      <div className="mx-auto flex max-w-5xl flex-col gap-2 px-4 py-6 sm:flex-row sm:justify-between sm:px-6">
        <p>
          CityWatch follows what US cities do about immigration policy. Profiles start from the
          World Mayor article of 24 April 2017 and public records; every change is sourced and
          reviewed.
        </p>
        <nav aria-label="Footer" className="shrink-0">
          <ul className="flex gap-4">
            <li>
              <Link href="/cities">All cities</Link>
            </li>
            <li>
              <Link href="/api/cities">Open data (JSON)</Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}

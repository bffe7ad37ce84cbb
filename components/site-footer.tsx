import Link from "next/link";
import { DATA_LICENSE } from "@/lib/open-data/license";

/** The footer every page shares. */
export function SiteFooter() {
  return (
    <footer className="border-t border-stone-200 bg-white text-sm text-stone-600">
      <div className="mx-auto flex max-w-5xl flex-col gap-2 px-4 py-6 sm:flex-row sm:justify-between sm:px-6">
        <div className="space-y-2">
          <p>
            CityWatch follows what US cities do about immigration policy. Profiles start from the
            World Mayor article of 24 April 2017 and public records; every change is sourced and
            reviewed.
          </p>
          <p>
            CityWatch&apos;s data is open under{" "}
            <a href={DATA_LICENSE.url} rel="license">
              {DATA_LICENSE.short}
            </a>
            ; the World Mayor article and its quotes are World Mayor&apos;s text, not covered by it.
          </p>
        </div>
        <nav aria-label="Footer" className="shrink-0">
          <ul className="flex gap-4">
            <li>
              <Link href="/cities">All cities</Link>
            </li>
            <li>
              <Link href="/docs/api">API and open data</Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}

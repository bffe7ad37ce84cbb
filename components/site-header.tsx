import Link from "next/link";
import { SearchBox } from "./search-box";
import { UserMenu } from "./user-menu";
import { VerifyEmailBanner } from "./verify-email-banner";

const NAV = [
  { href: "/articles/us-sanctuary-cities", label: "The article" },
  { href: "/cities", label: "Cities" },
  { href: "/map", label: "Map" },
];

/** The header every page shares. */
export function SiteHeader() {
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="text-xl font-bold tracking-tight text-brand-900 no-underline">
          City<span className="text-brand-600">Watch</span>
        </Link>
        <nav aria-label="Main">
          <ul className="flex gap-5 text-sm font-medium">
            {NAV.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  className="text-stone-700 no-underline hover:text-brand-700 hover:underline"
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <SearchBox id="site-search" label="Search" landmark />
        <UserMenu />
      </div>
      <VerifyEmailBanner />
    </header>
  );
}

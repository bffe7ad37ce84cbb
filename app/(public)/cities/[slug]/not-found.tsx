import Link from "next/link";

/**
 * Static on purpose: Next renders a segment's not-found into every page of the
 * segment, so a list of every city here made each city page carry them all
 * (170 KB with 1,000 cities).
 */
export default function CityNotFound() {
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">We have no profile for that place</h1>
      <p className="mt-3">
        CityWatch follows the cities and counties named in the World Mayor article. Check the
        address, or <Link href="/cities">browse every city we follow</Link>.
      </p>
    </div>
  );
}

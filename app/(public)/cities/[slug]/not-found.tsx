import Link from "next/link";
import { listJurisdictionsCached } from "@/lib/cache/public-data";

export default async function CityNotFound() {
  const cities = await listJurisdictionsCached();
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">We have no profile for that place</h1>
      <p className="mt-3">
        CityWatch follows the cities and counties named in the World Mayor article. Check the
        address, or pick one of these:
      </p>
      <ul className="mt-4 grid grid-cols-1 gap-1 sm:grid-cols-2" aria-label="Cities we follow">
        {cities.map((c) => (
          <li key={c.slug}>
            <Link href={`/cities/${c.slug}`}>
              {c.name}, {c.state}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

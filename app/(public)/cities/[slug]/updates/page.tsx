import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { UpdateTimeline } from "@/components/update-timeline";
import { getJurisdictionCached } from "@/lib/cache/public-data";
import { listPublishedUpdates } from "@/lib/dal/submissions/updates";
import { slugParam } from "@/lib/validation/params";

export const metadata: Metadata = { title: "Policy updates" };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Every approved update of a city, page by page (keyset cursor). */
export default async function CityUpdatesPage({ params, searchParams }: Props) {
  const slug = slugParam((await params).slug);
  if (!slug) notFound();
  const raw = (await searchParams).cursor;
  const cursor = typeof raw === "string" ? raw : undefined;
  const [city, page] = await Promise.all([
    getJurisdictionCached(slug),
    listPublishedUpdates(slug, cursor),
  ]);
  if (!city) notFound();
  return (
    <div className="max-w-3xl">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/cities">Cities</Link> <span aria-hidden="true">/</span>{" "}
        <Link href={`/cities/${city.slug}`}>{city.name}</Link> <span aria-hidden="true">/</span>{" "}
        Updates
      </nav>
      <h1 className="mt-3 text-3xl font-bold">Policy updates in {city.name}</h1>
      {page.updates.length === 0 ? (
        <p className="mt-4 text-stone-600">No more updates.</p>
      ) : (
        <UpdateTimeline updates={page.updates} />
      )}
      <nav aria-label="Pages" className="mt-4 flex gap-4">
        {cursor && <Link href={`/cities/${city.slug}/updates`}>Newest updates</Link>}
        {page.nextCursor && (
          <Link href={`/cities/${city.slug}/updates?cursor=${page.nextCursor}`}>
            Show older updates
          </Link>
        )}
      </nav>
    </div>
  );
}

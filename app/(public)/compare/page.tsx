import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getComparisonCached, listPlaceChoicesCached } from "@/lib/cache/public-data";
import { compareMessages } from "@/lib/messages/browse";
import { parseCompare } from "@/lib/validation/compare";
import { ComparePicker } from "./_components/compare-picker";
import { CompareTable } from "./_components/compare-table";

export const metadata: Metadata = {
  title: "Compare places",
  description: "Up to four cities' and counties' immigration policies side by side, with sources.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ComparePage({ searchParams }: Props) {
  await connection();
  const request = parseCompare(await searchParams);
  const [comparison, choices] = await Promise.all([
    getComparisonCached(request.slugs),
    listPlaceChoicesCached(),
  ]);
  const { places, unknown } = comparison;
  const chosen = places.map((p) => p.slug);
  const removeHref = (slug: string) => {
    const rest = chosen.filter((s) => s !== slug);
    return rest.length ? `/compare?cities=${rest.join(",")}` : "/compare";
  };

  return (
    <>
      <h1 className="text-3xl font-bold">Compare places</h1>
      <p className="mt-2 max-w-2xl text-stone-700">
        Up to four cities and counties side by side: each policy field with its value, the date it
        was known to hold and its source. Tick places on the <Link href="/cities">city list</Link>{" "}
        or add them here.
      </p>

      {(!request.ok || unknown.length > 0) && (
        <div role="alert" className="mt-6 rounded border border-red-300 bg-red-50 p-4 text-red-900">
          {!request.ok && <p>{compareMessages.tooMany(request.count)}</p>}
          {unknown.length > 0 && <p>{compareMessages.unknown(unknown)}</p>}
        </div>
      )}

      {places.length === 0 ? (
        <p className="mt-6 rounded border border-dashed border-stone-300 bg-white p-6">
          No places chosen yet. Add one below, or tick “Compare” beside places on the{" "}
          <Link href="/cities">city list</Link>.
        </p>
      ) : (
        <CompareTable places={places} removeHref={removeHref} />
      )}

      <ComparePicker chosen={chosen} choices={choices} />
    </>
  );
}

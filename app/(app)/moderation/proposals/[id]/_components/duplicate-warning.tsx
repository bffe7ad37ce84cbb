import Link from "next/link";
import type { SimilarPlace } from "@/lib/dal/moderation/internal/proposal-rows";

/** Places of a similar name in the same state: the proposal may be one of them again. */
export function DuplicateWarning({ similar }: { similar: SimilarPlace[] }) {
  if (similar.length === 0) return null;
  return (
    <section
      aria-label="Possible duplicate"
      className="mt-4 rounded border border-amber-400 bg-amber-50 p-4"
    >
      <p className="font-semibold">
        Possible duplicate: a place of a similar name is in this state.
      </p>
      <ul className="mt-1 list-disc pl-6">
        {similar.map((s) =>
          s.type === "jurisdiction" ? (
            <li key={`j-${s.slug}`}>
              <Link href={`/cities/${s.slug}`}>
                {s.name}, {s.state}
              </Link>{" "}
              is already on CityWatch.
            </li>
          ) : (
            <li key={`p-${s.id}`}>
              <Link href={`/moderation/proposals/${s.id}`}>
                {s.name}, {s.state}
              </Link>{" "}
              is waiting for review (proposal {s.id}).
            </li>
          ),
        )}
      </ul>
      <p className="mt-1">If it is the same place, reject this proposal as a duplicate.</p>
    </section>
  );
}

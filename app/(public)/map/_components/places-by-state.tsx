import Link from "next/link";
import type { JurisdictionSummary } from "@/lib/dal/cities/jurisdictions";
import { isOnMap } from "@/lib/geo/projection";
import { POLICY_BADGE_LABELS } from "@/lib/policy-fields";

type Place = Pick<
  JurisdictionSummary,
  "slug" | "name" | "state" | "stateName" | "badge" | "latitude" | "longitude"
>;

/** Places grouped by state, in the order of the states' names. */
export function groupByState(places: Place[]): { code: string; name: string; places: Place[] }[] {
  const groups = new Map<string, { code: string; name: string; places: Place[] }>();
  for (const p of places) {
    const group = groups.get(p.state) ?? { code: p.state, name: p.stateName, places: [] };
    group.places.push(p);
    groups.set(p.state, group);
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** One state's places as links, each with its status in words (the map's text equivalent). */
export function StatePlaces({ name, places }: { name: string; places: Place[] }) {
  return (
    <>
      <h3 className="mt-4 font-semibold">{name}</h3>
      <ul className="mt-1 space-y-0.5 text-sm">
        {places.map((p) => (
          <li key={p.slug}>
            <Link href={`/cities/${p.slug}`}>{p.name}</Link>: {POLICY_BADGE_LABELS[p.badge]}
            {isOnMap(p) ? null : <span className="text-stone-600"> (not on the map)</span>}
          </li>
        ))}
      </ul>
    </>
  );
}

/** With many places, the states only, each a link to its own list (keeps /map small). */
export function StateIndex({
  groups,
}: {
  groups: { code: string; name: string; places: Place[] }[];
}) {
  return (
    <ul className="mt-2 grid grid-cols-2 gap-x-4 gap-y-0.5 text-sm" aria-label="States">
      {groups.map((g) => (
        <li key={g.code}>
          <Link href={`/map?state=${g.code}#places`}>{g.name}</Link> ({g.places.length})
        </li>
      ))}
    </ul>
  );
}

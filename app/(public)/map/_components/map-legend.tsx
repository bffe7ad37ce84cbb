import { MARKER_ORDER, MARKERS } from "@/lib/geo/markers";
import { POLICY_BADGE_LABELS, type PolicyBadge } from "@/lib/policy-fields";

/** What each marker means: its shape and colour, the status in words and how many there are. */
export function MapLegend({ counts }: { counts: Record<PolicyBadge, number> }) {
  return (
    <figure className="mt-4">
      <figcaption className="text-sm font-semibold">Legend</figcaption>
      <ul className="mt-1 flex flex-wrap gap-x-5 gap-y-1 text-sm" aria-label="Legend">
        {MARKER_ORDER.map((badge) => (
          <li key={badge} className="flex items-center gap-1.5">
            <svg viewBox="-7 -7 14 14" width="14" height="14" aria-hidden="true">
              <path d={MARKERS[badge].d} fill={MARKERS[badge].fill} stroke="#1c1917" />
            </svg>
            <span>
              {POLICY_BADGE_LABELS[badge]} ({MARKERS[badge].shape}): {counts[badge]}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

import { POLICY_BADGE_LABELS, type PolicyBadge as Badge } from "@/lib/policy-fields";

const STYLES: Record<Badge, string> = {
  sanctuary: "bg-emerald-100 text-emerald-900 ring-emerald-300",
  limited: "bg-amber-100 text-amber-900 ring-amber-300",
  none: "bg-stone-200 text-stone-800 ring-stone-300",
  unknown: "bg-white text-stone-700 ring-stone-300",
};

/** The sanctuary-policy badge shown in lists and on profiles. */
export function PolicyBadge({ badge }: { badge: Badge }) {
  return (
    <span
      className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${STYLES[badge]}`}
    >
      {POLICY_BADGE_LABELS[badge]}
    </span>
  );
}

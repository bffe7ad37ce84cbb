import Link from "next/link";
import type { AuditLogFilterInput } from "@/lib/validation/audit-log";

/** Links to the newest entries and to older ones, keeping the filter. */
export function LogPages({
  filter,
  nextBefore,
}: {
  filter: AuditLogFilterInput;
  nextBefore: string | null;
}) {
  const href = (before?: string) => {
    const query = new URLSearchParams({
      ...(filter.moderator !== undefined && { moderator: String(filter.moderator) }),
      ...(filter.city && { city: filter.city }),
      ...(before && { before }),
    }).toString();
    return query ? `/moderation/log?${query}` : "/moderation/log";
  };
  return (
    <nav aria-label="Pages" className="mt-4 flex gap-4">
      {filter.before && <Link href={href()}>Newest entries</Link>}
      {nextBefore && <Link href={href(nextBefore)}>Older entries</Link>}
    </nav>
  );
}

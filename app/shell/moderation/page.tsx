import type { Metadata } from "next";
import { Suspense } from "react";
import { ModerationIsland } from "@/app/(app)/moderation/_components/moderation-island";
import { QueueHeading } from "@/app/(app)/moderation/_components/queue-heading";
import { ShellLoading } from "@/components/personal-data-status";
import { ShellNoScript } from "@/components/shell-noscript";

export const metadata: Metadata = { title: "Review queue", robots: { index: false } };

/**
 * /moderation's cached shell: the proxy sends it, under /moderation's
 * address, to a moderator's browser that runs scripts (lib/pages/shells.ts).
 * The island reads the queue from GET /api/moderation/queue, which checks
 * the role against the database.
 */
export default function ModerationShell() {
  return (
    <div>
      <QueueHeading />
      <ShellNoScript path="/moderation" />
      <Suspense fallback={<ShellLoading text="Loading the review queue…" />}>
        <ModerationIsland />
      </Suspense>
    </div>
  );
}

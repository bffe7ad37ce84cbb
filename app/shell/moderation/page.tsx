import type { Metadata } from "next";
import { ModerationIsland } from "@/app/(app)/moderation/_components/moderation-island";
import { QueueHeading } from "@/app/(app)/moderation/_components/queue-heading";
import { ShellPage } from "@/components/shell-page";

export const metadata: Metadata = { title: "Review queue", robots: { index: false } };

/**
 * /moderation's cached shell: the proxy sends it, under /moderation's
 * address, to a moderator's browser that runs scripts (lib/pages/shells.ts).
 * The island reads the queue from GET /api/moderation/queue, which checks
 * the role against the database.
 */
export default function ModerationShell() {
  return (
    <ShellPage heading={<QueueHeading />} path="/moderation" loading="Loading the review queue…">
      <ModerationIsland />
    </ShellPage>
  );
}

import type { Metadata } from "next";
import { guardPage } from "@/lib/auth/page-guards";
import { loadQueuePage } from "@/lib/dal/moderation/queue-page";
import { ModerationView } from "./_components/moderation-view";
import { QueueHeading } from "./_components/queue-heading";

export const metadata: Metadata = { title: "Review queue" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The review queue rendered on the server: for browsers without scripts, and
 * whenever the proxy does not send the cached shell (app/shell/moderation,
 * lib/pages/shells.ts).
 */
export default async function ModerationPage({ searchParams }: Props) {
  await guardPage("/moderation", "moderator", "admin");
  const data = await loadQueuePage(await searchParams);
  return (
    <div>
      <QueueHeading />
      <ModerationView data={data} />
    </div>
  );
}

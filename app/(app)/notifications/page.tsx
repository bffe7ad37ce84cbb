import type { Metadata } from "next";
import { guardPage } from "@/lib/auth/page-guards";
import { loadNotificationsPage } from "@/lib/dal/news/notifications-page";
import { NotificationsIntro } from "./_components/notifications-intro";
import { NotificationsView } from "./_components/notifications-view";

export const metadata: Metadata = { title: "Notifications" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * What happened that concerns me: approvals in cities I follow, decisions on
 * my work. Rendered on the server for browsers without scripts, and whenever
 * the proxy does not send the cached shell (app/shell/notifications).
 */
export default async function NotificationsPage({ searchParams }: Props) {
  await guardPage("/notifications");
  const raw = (await searchParams).before;
  const data = await loadNotificationsPage(typeof raw === "string" ? raw : undefined);
  return (
    <div className="max-w-3xl">
      <NotificationsIntro />
      <NotificationsView data={data} />
    </div>
  );
}

import type { Metadata } from "next";
import { NotificationsIntro } from "@/app/(app)/notifications/_components/notifications-intro";
import { NotificationsIsland } from "@/app/(app)/notifications/_components/notifications-island";
import { ShellPage } from "@/components/shell-page";

export const metadata: Metadata = { title: "Notifications", robots: { index: false } };

/**
 * /notifications' cached shell: the proxy sends it, under /notifications'
 * address, to a signed-in browser that runs scripts (lib/pages/shells.ts).
 */
export default function NotificationsShell() {
  return (
    <ShellPage
      className="max-w-3xl"
      heading={<NotificationsIntro />}
      path="/notifications"
      loading="Loading your notifications…"
    >
      <NotificationsIsland />
    </ShellPage>
  );
}

import type { Metadata } from "next";
import { Suspense } from "react";
import { NotificationsIntro } from "@/app/(app)/notifications/_components/notifications-intro";
import { NotificationsIsland } from "@/app/(app)/notifications/_components/notifications-island";
import { ShellLoading } from "@/components/personal-data-status";
import { ShellNoScript } from "@/components/shell-noscript";

export const metadata: Metadata = { title: "Notifications", robots: { index: false } };

/**
 * /notifications' cached shell: the proxy sends it, under /notifications'
 * address, to a signed-in browser that runs scripts (lib/pages/shells.ts).
 */
export default function NotificationsShell() {
  return (
    <div className="max-w-3xl">
      <NotificationsIntro />
      <ShellNoScript path="/notifications" />
      <Suspense fallback={<ShellLoading text="Loading your notifications…" />}>
        <NotificationsIsland />
      </Suspense>
    </div>
  );
}

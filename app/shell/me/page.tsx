import type { Metadata } from "next";
import { Suspense } from "react";
import { MeIsland } from "@/app/(app)/me/_components/me-island";
import { ShellLoading } from "@/components/personal-data-status";
import { ShellNoScript } from "@/components/shell-noscript";

export const metadata: Metadata = { title: "My cities", robots: { index: false } };

/**
 * /me's cached shell: the proxy sends it, under /me's address, to a signed-in
 * browser that runs scripts (lib/pages/shells.ts). The same for everyone; the
 * island reads the person's cities and feed from GET /api/me.
 */
export default function MeShell() {
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold">My cities</h1>
      <ShellNoScript path="/me" />
      <Suspense fallback={<ShellLoading text="Loading your cities…" />}>
        <MeIsland />
      </Suspense>
    </div>
  );
}

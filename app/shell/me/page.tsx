import type { Metadata } from "next";
import { MeIsland } from "@/app/(app)/me/_components/me-island";
import { ShellPage } from "@/components/shell-page";

export const metadata: Metadata = { title: "My cities", robots: { index: false } };

/**
 * /me's cached shell: the proxy sends it, under /me's address, to a signed-in
 * browser that runs scripts (lib/pages/shells.ts). The same for everyone; the
 * island reads the person's cities and feed from GET /api/me.
 */
export default function MeShell() {
  return (
    <ShellPage
      className="max-w-3xl"
      heading={<h1 className="text-3xl font-bold">My cities</h1>}
      path="/me"
      loading="Loading your cities…"
    >
      <MeIsland />
    </ShellPage>
  );
}

import type { Metadata } from "next";
import { guardPage } from "@/lib/auth/page-guards";
import { loadMyPage } from "@/lib/dal/news/me";
import { MeView } from "./_components/me-view";

export const metadata: Metadata = { title: "My cities" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The cities I follow and one feed of what changed in them, newest first,
 * rendered on the server: for browsers without scripts, and whenever the
 * proxy does not send the cached shell (app/shell/me, lib/pages/shells.ts).
 */
export default async function MePage({ searchParams }: Props) {
  await guardPage("/me");
  const raw = (await searchParams).after;
  const data = await loadMyPage(typeof raw === "string" ? raw : undefined);
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold">My cities</h1>
      <MeView data={data} />
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { UpdateForm } from "@/components/forms/update-form";
import { guardPage } from "@/lib/auth/page-guards";
import { getMyPendingUpdate } from "@/lib/dal/submissions/updates";
import { reviseUpdateAction } from "../../actions";

export const metadata: Metadata = { title: "Revise your update" };

type Props = { params: Promise<{ id: string }> };

export default async function ReviseUpdatePage({ params }: Props) {
  const { id } = await params;
  await guardPage(`/me/submissions/updates/${id}`);
  const numericId = /^\d{1,9}$/.test(id) ? Number(id) : null;
  const update = numericId ? await getMyPendingUpdate(numericId) : null;
  if (!numericId || !update) notFound();
  const { version, city, ...initial } = update;
  return (
    <div className="max-w-2xl">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/me/submissions">Your submissions</Link> <span aria-hidden="true">/</span>{" "}
        Revise
      </nav>
      <h1 className="mt-3 text-3xl font-bold">Revise your update for {city.name}</h1>
      <p className="mt-2 text-stone-700">
        It is still waiting for review. The moderator will see your new version and the earlier one.
      </p>
      <UpdateForm
        cityName={city.name}
        initial={initial}
        submitLabel="Send the new version"
        action={reviseUpdateAction.bind(null, numericId, version)}
      />
    </div>
  );
}

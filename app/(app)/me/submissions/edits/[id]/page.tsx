import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProfileEditForm } from "@/components/forms/profile-edit-form";
import { guardPage } from "@/lib/auth/page-guards";
import { getMyPendingEdit } from "@/lib/dal/submissions/profile-edits";
import { reviseEditAction } from "../../actions";

export const metadata: Metadata = { title: "Revise your profile edit" };

type Props = { params: Promise<{ id: string }> };

export default async function ReviseEditPage({ params }: Props) {
  const { id } = await params;
  await guardPage(`/me/submissions/edits/${id}`);
  const numericId = /^\d{1,9}$/.test(id) ? Number(id) : null;
  const edit = numericId ? await getMyPendingEdit(numericId) : null;
  if (!numericId || !edit) notFound();
  return (
    <div className="max-w-3xl">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/me/submissions">Your submissions</Link> <span aria-hidden="true">/</span>{" "}
        Revise
      </nav>
      <h1 className="mt-3 text-3xl font-bold">Revise your edit to {edit.name}</h1>
      <p className="mt-2 text-stone-700">
        It is still waiting for review. Each field starts from the profile as it is now, with your
        proposed value filled in; the moderator will see your new version and the earlier one.
      </p>
      <ProfileEditForm
        cityName={edit.name}
        leaderTitle={edit.leaderTitle}
        fields={edit.fields}
        proposed={edit.proposed}
        note={edit.note}
        submitLabel="Send the new version"
        action={reviseEditAction.bind(null, numericId, edit.version)}
      />
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProfileEditForm } from "@/components/forms/profile-edit-form";
import { guardPage } from "@/lib/auth/page-guards";
import { getEditableProfile } from "@/lib/dal/submissions/profile-edits";
import { proposeEditAction } from "./actions";
import { newFormKey } from "@/lib/actions/form-state";

export const metadata: Metadata = { title: "Propose a profile edit" };

type Props = { params: Promise<{ slug: string }> };

export default async function EditProfilePage({ params }: Props) {
  const { slug } = await params;
  await guardPage(`/cities/${slug}/edit`);
  const profile = /^[a-z0-9-]{1,80}$/.test(slug) ? await getEditableProfile(slug) : null;
  if (!profile) notFound();
  return (
    <div className="max-w-3xl">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/cities">Cities</Link> <span aria-hidden="true">/</span>{" "}
        <Link href={`/cities/${profile.slug}`}>{profile.name}</Link>{" "}
        <span aria-hidden="true">/</span> Propose an edit
      </nav>
      <h1 className="mt-3 text-3xl font-bold">Propose an edit to {profile.name}</h1>
      <p className="mt-2 text-stone-700">
        Change the fields that are out of date and give a source for each. A moderator compares your
        edit with the profile before it is published; see the{" "}
        <Link href={`/cities/${profile.slug}/history`}>profile history</Link> for earlier changes.
      </p>
      <ProfileEditForm
        cityName={profile.name}
        leaderTitle={profile.leaderTitle}
        fields={profile.fields}
        submitLabel="Send edit for review"
        action={proposeEditAction.bind(null, profile.slug)}
        idempotencyKey={newFormKey()}
      />
    </div>
  );
}

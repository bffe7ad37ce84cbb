import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { newFormKey } from "@/lib/actions/form-state";
import { guardPage } from "@/lib/auth/page-guards";
import { getJurisdictionCached } from "@/lib/cache/public-data";
import { UpdateForm } from "@/components/forms/update-form";
import { slugParam } from "@/lib/validation/params";
import { submitUpdateAction } from "./actions";

export const metadata: Metadata = { title: "Submit a policy update" };

type Props = { params: Promise<{ slug: string }> };

export default async function NewUpdatePage({ params }: Props) {
  const { slug } = await params;
  await guardPage(`/cities/${slug}/updates/new`);
  const city = slugParam(slug) ? await getJurisdictionCached(slug) : null;
  if (!city) notFound();
  return (
    <div className="max-w-2xl">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/cities">Cities</Link> <span aria-hidden="true">/</span>{" "}
        <Link href={`/cities/${city.slug}`}>{city.name}</Link> <span aria-hidden="true">/</span> New
        update
      </nav>
      <h1 className="mt-3 text-3xl font-bold">Submit a policy update for {city.name}</h1>
      <p className="mt-2 text-stone-700">
        Tell residents what changed: a new ordinance, a police directive, a court ruling. A
        moderator checks it against its source before it is published.
      </p>
      <UpdateForm
        cityName={city.name}
        submitLabel="Submit for review"
        action={submitUpdateAction.bind(null, city.slug)}
        idempotencyKey={newFormKey()}
        anotherHref={`/cities/${city.slug}/updates/new`}
      />
    </div>
  );
}

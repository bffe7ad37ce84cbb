import type { Metadata } from "next";
import Link from "next/link";
import { JurisdictionProposalForm } from "@/components/forms/jurisdiction-proposal-form";
import { newFormKey } from "@/lib/actions/form-state";
import { guardPage } from "@/lib/auth/page-guards";
import { proposeJurisdictionAction } from "./actions";

export const metadata: Metadata = { title: "Propose a jurisdiction" };

export default async function ProposeJurisdictionPage() {
  await guardPage("/cities/new");
  return (
    <div className="max-w-2xl">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/cities">Cities</Link> <span aria-hidden="true">/</span> Propose a jurisdiction
      </nav>
      <h1 className="mt-3 text-3xl font-bold">Propose a jurisdiction</h1>
      <p className="mt-2 text-stone-700">
        A city, county or state CityWatch does not cover yet. A moderator checks each field against
        its source before it gets a page of its own.
      </p>
      <JurisdictionProposalForm action={proposeJurisdictionAction} idempotencyKey={newFormKey()} />
    </div>
  );
}

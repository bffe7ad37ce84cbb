import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { guardPage } from "@/lib/auth/page-guards";
import { getProposalReview } from "@/lib/dal/moderation/proposals";
import { formatDate } from "@/lib/format";
import { JURISDICTION_KIND_LABELS } from "@/lib/labels";
import { idParam } from "@/lib/validation/params";
import { DecisionPanel } from "../../_components/decision-panel";
import { decisionPanelProps } from "../../_components/decision-props";
import { DuplicateWarning } from "./_components/duplicate-warning";
import { ProposedFacts } from "./_components/proposed-facts";
import { Source } from "./_components/source";

export const metadata: Metadata = { title: "Review a proposed jurisdiction" };

type Props = { params: Promise<{ id: string }> };

export default async function ReviewProposalPage({ params }: Props) {
  const { id } = await params;
  await guardPage(`/moderation/proposals/${id}`, "moderator", "admin");
  const numericId = idParam(id);
  const item = numericId ? await getProposalReview(numericId) : null;
  if (!item) notFound();

  return (
    <div className="max-w-4xl">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/moderation">Review queue</Link> <span aria-hidden="true">/</span> Proposed
        jurisdiction {item.id}
      </nav>
      <h1 className="mt-3 text-3xl font-bold">{item.title}</h1>
      <p className="mt-2 text-stone-700">
        Sent by {item.authorName} on {formatDate(item.submittedAt)}
        {item.createdSlug && (
          <>
            {" "}
            · now <Link href={`/cities/${item.createdSlug}`}>/cities/{item.createdSlug}</Link>
          </>
        )}
      </p>
      {item.status === "pending" && <DuplicateWarning similar={item.similar} />}
      <dl
        aria-label="Proposed jurisdiction"
        className="mt-6 grid gap-x-6 gap-y-3 rounded-lg border border-stone-200 bg-white p-5 sm:grid-cols-[max-content_1fr]"
      >
        <dt className="font-semibold">Name</dt>
        <dd>{item.name}</dd>
        <dt className="font-semibold">State</dt>
        <dd>
          {item.stateName} ({item.state})
        </dd>
        <dt className="font-semibold">Kind</dt>
        <dd>{JURISDICTION_KIND_LABELS[item.jurisdictionKind]}</dd>
        <dt className="font-semibold">Address once approved</dt>
        <dd>/cities/{item.slug}</dd>
        <dt className="font-semibold">{item.leaderTitle}</dt>
        <dd>
          {item.leaderName}, in office since {formatDate(item.leaderSince)}
          <Source url={item.leaderSourceUrl} />
        </dd>
        <dt className="font-semibold">Population</dt>
        <dd>
          {item.population.toLocaleString("en-US")} ({item.populationYear})
          <Source url={item.populationSourceUrl} />
        </dd>
        <dt className="font-semibold">Coordinates</dt>
        <dd>
          {item.latitude}, {item.longitude}
        </dd>
        <dt className="font-semibold">Description</dt>
        <dd className="whitespace-pre-wrap">{item.description}</dd>
      </dl>
      <ProposedFacts facts={item.facts} />
      <DecisionPanel {...decisionPanelProps(item)} />
    </div>
  );
}

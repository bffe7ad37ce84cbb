import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { UserMarkdown } from "@/components/user-markdown";
import { guardPage } from "@/lib/auth/page-guards";
import { getUpdateReview } from "@/lib/dal/moderation/review";
import { formatDate } from "@/lib/format";
import { UPDATE_KIND_LABELS } from "@/lib/labels";
import { DecisionPanel } from "../../_components/decision-panel";
import { decisionPanelProps } from "../../_components/decision-props";
import { EarlierVersions } from "../../_components/earlier-versions";
import { VisibilityPanel } from "../../_components/visibility-panel";

export const metadata: Metadata = { title: "Review a submission" };

type Props = { params: Promise<{ id: string }> };

export default async function ReviewUpdatePage({ params }: Props) {
  const { id } = await params;
  await guardPage(`/moderation/updates/${id}`, "moderator", "admin");
  const numericId = /^\d{1,9}$/.test(id) ? Number(id) : null;
  const item = numericId ? await getUpdateReview(numericId) : null;
  if (!item) notFound();

  return (
    <div className="max-w-3xl">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/moderation">Review queue</Link> <span aria-hidden="true">/</span> Update{" "}
        {item.id}
      </nav>
      <h1 className="mt-3 text-3xl font-bold">{item.title}</h1>
      <p className="mt-2 text-stone-700">
        {UPDATE_KIND_LABELS[item.kind]} in{" "}
        <Link href={`/cities/${item.city.slug}`}>{item.city.name}</Link>, took effect{" "}
        {formatDate(item.effectiveOn)} · sent by {item.authorName} on {formatDate(item.submittedAt)}
      </p>
      <p className="mt-2">
        Source:{" "}
        <a href={item.sourceUrl} rel="nofollow ugc noopener" className="break-all">
          {item.sourceUrl}
        </a>
      </p>
      <section
        aria-label="Submission as it would be published"
        className="mt-6 rounded-lg border border-stone-200 bg-white p-5"
      >
        <UserMarkdown>{item.summary}</UserMarkdown>
      </section>
      <EarlierVersions current={item.version} versions={item.earlierVersions} />
      <DecisionPanel {...decisionPanelProps(item)} />
      {(item.status === "approved" || item.status === "hidden") && (
        <VisibilityPanel
          id={item.id}
          hidden={item.status === "hidden"}
          hiddenReason={item.hiddenReason}
        />
      )}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { guardPage } from "@/lib/auth/page-guards";
import { getEditReview, type ChangeView } from "@/lib/dal/moderation/review";
import { formatDate } from "@/lib/format";
import { DecisionPanel } from "../../_components/decision-panel";
import { decisionPanelProps } from "../../_components/decision-props";
import { EarlierVersions } from "../../_components/earlier-versions";

export const metadata: Metadata = { title: "Review a profile edit" };

type Props = { params: Promise<{ id: string }> };

export default async function ReviewEditPage({ params }: Props) {
  const { id } = await params;
  await guardPage(`/moderation/edits/${id}`, "moderator", "admin");
  const numericId = /^\d{1,9}$/.test(id) ? Number(id) : null;
  const item = numericId ? await getEditReview(numericId) : null;
  if (!item) notFound();
  const conflicts = item.changes.filter((c) => c.conflict);

  return (
    <div className="max-w-4xl">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/moderation">Review queue</Link> <span aria-hidden="true">/</span> Profile edit{" "}
        {item.id}
      </nav>
      <h1 className="mt-3 text-3xl font-bold">{item.title}</h1>
      <p className="mt-2 text-stone-700">
        For <Link href={`/cities/${item.city.slug}`}>{item.city.name}</Link> · sent by{" "}
        {item.authorName} on {formatDate(item.submittedAt)} ·{" "}
        <Link href={`/cities/${item.city.slug}/history`}>Profile history</Link>
      </p>
      {item.note && (
        <section aria-label="Note from the author" className="mt-4">
          <h2 className="font-semibold">Note from the author</h2>
          <p className="mt-1 whitespace-pre-wrap rounded border border-stone-200 bg-white p-3">
            {item.note}
          </p>
        </section>
      )}
      {item.status === "pending" && conflicts.length > 0 && (
        <section
          aria-label="Conflict"
          className="mt-4 rounded border border-amber-400 bg-amber-50 p-4"
        >
          <p className="font-semibold">
            This edit conflicts with the profile as it is now:{" "}
            {conflicts.map((c) => c.label).join(", ")} changed after it was proposed.
          </p>
          <p className="mt-1">
            Approving it would overwrite that change, so it cannot be approved. The author sees the
            conflict in their submissions and can revise the edit from the current profile; or
            reject it with a reason.
          </p>
        </section>
      )}
      <div className="mt-6 overflow-x-auto">
        <table className="w-full border-collapse rounded-lg bg-white text-left text-sm">
          <caption className="mb-2 text-left text-lg font-bold">Proposed changes</caption>
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="p-2">
                Field
              </th>
              <th scope="col" className="p-2">
                Started from
              </th>
              <th scope="col" className="p-2">
                Proposed
              </th>
              <th scope="col" className="p-2">
                On the profile now
              </th>
            </tr>
          </thead>
          <tbody>
            {item.changes.map((c) => (
              <ChangeRow key={c.field} change={c} />
            ))}
          </tbody>
        </table>
      </div>
      <EarlierVersions current={item.version} versions={item.earlierVersions} />
      <DecisionPanel {...decisionPanelProps(item)} conflict={conflicts.length > 0} />
    </div>
  );
}

function ChangeRow({ change: c }: { change: ChangeView }) {
  return (
    <tr
      className={`border-b border-stone-200 align-top ${c.conflict ? "bg-amber-50" : ""}`}
      aria-label={c.label}
    >
      <th scope="row" className="p-2 font-semibold">
        {c.label}
        {c.conflict && <p className="mt-1 font-medium text-amber-800">Changed since proposed</p>}
      </th>
      <td className="p-2">
        <del className="text-red-800">{c.fromLabel || "(empty)"}</del>
        {c.fromDetail && <p className="mt-1 text-stone-600">{c.fromDetail}</p>}
      </td>
      <td className="p-2">
        <ins className="font-medium text-emerald-800 no-underline">{c.toLabel}</ins>
        {c.toDetail && <p className="mt-1 text-stone-700">{c.toDetail}</p>}
        <p className="mt-1">
          <a href={c.sourceUrl} rel="nofollow ugc noopener" className="break-all">
            Source<span className="sr-only"> for {c.label}</span>
          </a>
        </p>
      </td>
      <td className="p-2">
        {c.currentLabel || "(empty)"}
        {c.current?.detail && c.current.detail !== c.fromDetail && (
          <p className="mt-1 text-stone-600">{c.current.detail}</p>
        )}
      </td>
    </tr>
  );
}

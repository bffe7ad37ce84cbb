import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { listRevisions, type RevisionView } from "@/lib/dal/profile/history";
import { formatDate } from "@/lib/format";
import { historyCursorSchema } from "@/lib/validation/moderation";
import { RevertForm } from "./_components/revert-form";

export const metadata: Metadata = { title: "Profile history" };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const KIND_LABELS: Record<RevisionView["kind"], string> = {
  baseline: "First published",
  edit: "Edit",
  revert: "Revert",
};

/** Every change to a city's profile, newest first, with who, when, sources and diffs. */
export default async function HistoryPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const before = historyCursorSchema.parse((await searchParams).before);
  const history = /^[a-z0-9-]{1,80}$/.test(slug) ? await listRevisions(slug, before) : null;
  if (!history) notFound();
  const { city, revisions } = history;
  return (
    <div className="max-w-3xl">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/cities">Cities</Link> <span aria-hidden="true">/</span>{" "}
        <Link href={`/cities/${city.slug}`}>{city.name}</Link> <span aria-hidden="true">/</span>{" "}
        History
      </nav>
      <h1 className="mt-3 text-3xl font-bold">Profile history of {city.name}</h1>
      <p className="mt-2 text-stone-700">
        Every change to the profile, newest first: who proposed it, who approved it, and the source
        for each field. <Link href={`/cities/${city.slug}/edit`}>Propose an edit</Link>
      </p>
      {revisions.length === 0 ? (
        <p className="mt-6 text-stone-600">No revisions recorded.</p>
      ) : (
        <ol className="mt-6 space-y-4" aria-label="Revisions">
          {revisions.map((r) => (
            <li
              key={r.id}
              id={`revision-${r.id}`}
              aria-label={`Revision ${r.id}`}
              className="rounded-lg border border-stone-200 bg-white p-4"
            >
              <p className="font-semibold">
                Revision {r.id}: {KIND_LABELS[r.kind]}
                {r.revertedToId && <> to revision {r.revertedToId}</>}
                {r.id === history.latestRevisionId && (
                  <span className="ml-2 rounded bg-emerald-100 px-2 py-0.5 text-sm">Current</span>
                )}
              </p>
              <p className="mt-1 text-sm text-stone-600">
                <time dateTime={r.at}>{formatDate(r.at)}</time>
                {r.proposedBy && r.kind === "edit" && <> · proposed by {r.proposedBy}</>}
                {r.approvedBy && (
                  <>
                    {" "}
                    · {r.kind === "revert" ? "reverted" : "approved"} by {r.approvedBy}
                  </>
                )}
              </p>
              {r.note && <p className="mt-2 whitespace-pre-wrap text-stone-800">{r.note}</p>}
              <dl className="mt-3 space-y-3">
                {r.changes.map((c) => (
                  <div key={c.field} className="border-l-4 border-stone-200 pl-3">
                    <dt className="font-medium">{c.label}</dt>
                    <dd className="text-sm">
                      {r.kind !== "baseline" && (
                        <>
                          <del className="text-red-800">{c.fromLabel || "(empty)"}</del>{" "}
                          <span aria-hidden="true">→</span>
                          <span className="sr-only">changed to</span>{" "}
                        </>
                      )}
                      <ins className="font-medium text-emerald-800 no-underline">{c.toLabel}</ins>
                      {c.toDetail && c.toDetail !== c.fromDetail && (
                        <p className="mt-1 text-stone-700">{c.toDetail}</p>
                      )}
                      {c.sourceUrl && (
                        <p className="mt-1">
                          <a href={c.sourceUrl} rel="nofollow ugc noopener" className="break-all">
                            Source<span className="sr-only"> for {c.label}</span>
                          </a>
                        </p>
                      )}
                    </dd>
                  </div>
                ))}
              </dl>
              {r.id !== history.latestRevisionId && (
                <RevertForm revisionId={r.id} latestRevisionId={history.latestRevisionId} />
              )}
            </li>
          ))}
        </ol>
      )}
      <nav aria-label="Pages" className="mt-4 flex gap-4">
        {before && <Link href={`/cities/${city.slug}/history`}>Newest revisions</Link>}
        {history.nextBefore && (
          <Link href={`/cities/${city.slug}/history?before=${history.nextBefore}`}>
            Older revisions
          </Link>
        )}
      </nav>
    </div>
  );
}

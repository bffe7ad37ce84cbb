import type { Metadata } from "next";
import Link from "next/link";
import { guardPage } from "@/lib/auth/page-guards";
import { listMySubmissions } from "@/lib/dal/submissions/my-submissions";
import { formatDate } from "@/lib/format";
import { WithdrawButton } from "./_components/withdraw-button";

export const metadata: Metadata = { title: "Your submissions" };

const STATUS_LABELS: Record<string, string> = {
  pending: "Waiting for review",
  approved: "Approved",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
  hidden: "Hidden by a moderator",
};

export default async function MySubmissionsPage() {
  await guardPage("/me/submissions");
  const submissions = await listMySubmissions();
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold">Your submissions</h1>
      {submissions.length === 0 ? (
        <div className="mt-6 rounded border border-dashed border-stone-300 bg-white p-6">
          <p>You have not sent any policy updates, profile edits or proposed places yet.</p>
          <p className="mt-2">
            Pick a city from the <Link href="/cities">city list</Link> and use “Submit an update” or
            “Propose an edit”.
          </p>
        </div>
      ) : (
        <ul className="mt-6 space-y-3" aria-label="Submissions">
          {submissions.map((s) => (
            <li
              key={`${s.type}-${s.id}`}
              className="rounded-lg border border-stone-200 bg-white p-4"
              aria-label={s.title}
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <span className="font-semibold">{s.title}</span>
                <span className="rounded bg-stone-200 px-2 py-0.5 text-sm">
                  {STATUS_LABELS[s.status] ?? s.status}
                </span>
              </div>
              <p className="mt-1 text-sm text-stone-600">
                {s.city ? (
                  <Link href={`/cities/${s.city.slug}`}>{s.city.name}</Link>
                ) : (
                  "A place not yet on CityWatch"
                )}{" "}
                · sent {formatDate(s.submittedAt)}
                {s.decidedAt && <> · decided {formatDate(s.decidedAt)}</>}
                {s.version > 1 && <> · version {s.version}</>}
              </p>
              {s.status === "approved" && (
                <p className="mt-2">
                  {s.type === "update" ? (
                    <Link href={`/updates/${s.id}`}>View the published update</Link>
                  ) : !s.city ? null : s.type === "proposal" ? (
                    <Link href={`/cities/${s.city.slug}`}>See its profile</Link>
                  ) : (
                    <Link href={`/cities/${s.city.slug}/history`}>
                      See it in the profile history
                    </Link>
                  )}
                </p>
              )}
              {s.conflict && (
                <p className="mt-2 font-medium text-amber-800">
                  Conflicts with a newer change: revise it. Someone changed a field this edit
                  changes after you proposed it, so it cannot be approved as it is.
                </p>
              )}
              {s.status === "pending" && (
                <div className="mt-2 flex flex-wrap items-center gap-4">
                  {s.type !== "proposal" && (
                    <Link
                      href={`/me/submissions/${s.type}s/${s.id}`}
                      aria-label={`Revise “${s.title}”`}
                    >
                      Revise
                    </Link>
                  )}
                  <WithdrawButton type={s.type} id={s.id} title={s.title} />
                </div>
              )}
              {s.status === "hidden" && s.hiddenReason && (
                <p className="mt-2 text-stone-800">Moderator’s reason: {s.hiddenReason}</p>
              )}
              {s.status === "rejected" && s.decisionReason && (
                <p className="mt-2 text-stone-800">Moderator’s reason: {s.decisionReason}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

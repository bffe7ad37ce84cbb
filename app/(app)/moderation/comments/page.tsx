import type { Metadata } from "next";
import Link from "next/link";
import { UserMarkdown } from "@/components/user-markdown";
import { guardPage } from "@/lib/auth/page-guards";
import { countReportedComments, listReportedComments } from "@/lib/dal/comments/reports";
import { formatDate } from "@/lib/format";
import {
  COMMENT_REPORTS_TO_HIDE,
  REPORTER_MIN_AGE_DAYS,
  REPORT_REASON_LABELS,
} from "@/lib/validation/comment";
import { REPORT_REASONS } from "@/lib/enums";
import { idSchema } from "@/lib/validation/moderation";
import { CommentDecision } from "../_components/comment-decision";
import { ModerationTabs } from "../_components/moderation-tabs";

export const metadata: Metadata = { title: "Reported comments" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Reported comments, visible or hidden by reports, waiting for a moderator to hide or keep them. */
export default async function ReportedCommentsPage({ searchParams }: Props) {
  await guardPage("/moderation/comments", "moderator", "admin");
  const raw = (await searchParams).after;
  const parsed = idSchema.safeParse(typeof raw === "string" ? raw : undefined);
  const after = parsed.success ? parsed.data : 0;
  const [page, reported] = await Promise.all([
    listReportedComments(after),
    countReportedComments(),
  ]);
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-3xl font-bold">Reported comments</h1>
        <Link href="/moderation/log">Moderation log</Link>
      </div>
      <ModerationTabs current="comments" reported={reported} />
      <p className="mt-4 text-stone-700">
        Every reported comment waits here. It stays visible unless {COMMENT_REPORTS_TO_HIDE}{" "}
        established accounts (verified, over {REPORTER_MIN_AGE_DAYS} days old, with a good record of
        reports) reported it; then it is hidden until you decide. Hide it for good, or keep or
        restore it: its reports are then dismissed, and people whose reports are often dismissed no
        longer hide comments. Your reason is shown to the comment’s author.
      </p>
      {page.items.length === 0 ? (
        <div className="mt-6 rounded border border-dashed border-stone-300 bg-white p-6">
          <p className="font-medium">No reported comments are waiting.</p>
        </div>
      ) : (
        <ol aria-label="Reported comments" className="mt-6 space-y-4">
          {page.items.map((c) => (
            <li
              key={c.id}
              aria-label={`Comment by ${c.authorName}`}
              className="rounded-lg border border-stone-200 bg-white p-4"
            >
              <p className="text-sm text-stone-600">
                {c.authorName} · {formatDate(c.createdAt)} · <Link href={c.href}>on its page</Link>
              </p>
              <div className="mt-2 rounded bg-stone-50 p-3">
                <UserMarkdown>{c.body}</UserMarkdown>
              </div>
              <p className="mt-2 text-sm">
                {c.hidden ? "Hidden by reports" : "Still visible"} · Reports:{" "}
                {REPORT_REASONS.filter((r) => c.reports[r] > 0)
                  .map((r) => `${REPORT_REASON_LABELS[r]} ${c.reports[r]}`)
                  .join(" · ")}
              </p>
              <CommentDecision id={c.id} hidden={c.hidden} />
            </li>
          ))}
        </ol>
      )}
      {page.next && (
        <p className="mt-4">
          <Link href={`/moderation/comments?after=${page.next}`}>Next page</Link>
        </p>
      )}
    </div>
  );
}

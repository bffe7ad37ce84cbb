"use client";

import { ReasonForm } from "@/components/forms/reason-form";
import { REPORT_REASONS } from "@/lib/enums";
import { REPORT_REASON_LABELS, reportCommentSchema } from "@/lib/validation/comment";
import { reportCommentFormAction } from "./actions";

const OPTIONS = REPORT_REASONS.map((r) => ({ value: r, label: REPORT_REASON_LABELS[r] }));

/**
 * A reader reports a comment to the moderators, with one of the set reasons.
 * Without JavaScript it posts, and the page comes back with the thanks.
 */
export function ReportForm({
  id,
  onReported,
  onAlert,
  onCancel,
}: {
  id: number;
  onReported?: () => void;
  /** Once hydrated, the comment shows the error under its text, where it shows the thanks. */
  onAlert?: (message: string | undefined) => void;
  onCancel?: () => void;
}) {
  return (
    <ReasonForm
      id={`report-${id}`}
      label="Reason"
      control={{ kind: "choice", placeholder: "Choose a reason", options: OPTIONS }}
      inline
      submit={{ label: "Report", pendingLabel: "Reporting…" }}
      action={reportCommentFormAction}
      schema={reportCommentSchema}
      fields={{ id }}
      onSaved={onReported}
      onAlert={onAlert}
      onCancel={onCancel}
      className="mt-3 text-sm"
    />
  );
}

"use client";

import { useRouter } from "next/navigation";
import { ReasonForm } from "@/components/forms/reason-form";
import { moderateCommentFormAction } from "@/app/_comments/actions";
import { commentModerationSchema } from "@/lib/validation/comment";

/**
 * Hide a reported comment for good, or dismiss its reports: restore it if reports
 * hid it, keep it if it is still visible. With a reason its author sees.
 */
export function CommentDecision({ id, hidden }: { id: number; hidden: boolean }) {
  const router = useRouter();
  // Both send "restore": the comment is visible and its reports are dismissed.
  const dismiss = hidden ? "Restore comment" : "Keep comment";
  return (
    <ReasonForm
      id={`decision-reason-${id}`}
      label="Reason"
      // The buttons keep their names while the decision is sent.
      submit={[
        { label: dismiss, pendingLabel: dismiss, variant: "safe", value: "restore" },
        { label: "Hide comment", pendingLabel: "Hide comment", variant: "danger", value: "hide" },
      ]}
      action={moderateCommentFormAction}
      schema={commentModerationSchema}
      fields={{ id }}
      onSaved={() => router.refresh()}
      className="mt-3 space-y-2"
    />
  );
}

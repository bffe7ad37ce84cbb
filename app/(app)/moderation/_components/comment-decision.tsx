"use client";

import { useRouter } from "next/navigation";
import { ReasonForm } from "@/components/forms/reason-form";
import { moderateCommentFormAction } from "@/app/_comments/actions";
import { commentModerationSchema } from "@/lib/validation/comment";

/** Hide a reported comment for good, or restore it, with a reason its author sees. */
export function CommentDecision({ id }: { id: number }) {
  const router = useRouter();
  return (
    <ReasonForm
      id={`decision-reason-${id}`}
      label="Reason"
      // The buttons keep their names while the decision is sent.
      submit={[
        {
          label: "Restore comment",
          pendingLabel: "Restore comment",
          variant: "safe",
          value: "restore",
        },
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

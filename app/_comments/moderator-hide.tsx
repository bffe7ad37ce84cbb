"use client";

import { ReasonForm } from "@/components/forms/reason-form";
import { commentModerationSchema } from "@/lib/validation/comment";
import { moderateCommentFormAction } from "./actions";

/**
 * A moderator hides a comment where it stands, with a reason its author sees.
 * Without JavaScript it posts, and the page comes back with the comment hidden.
 */
export function ModeratorHide({
  id,
  onHidden,
  onCancel,
}: {
  id: number;
  onHidden?: () => void;
  onCancel?: () => void;
}) {
  return (
    <ReasonForm
      id={`hide-reason-${id}`}
      label="Reason"
      submit={{ label: "Hide comment", pendingLabel: "Hiding…", variant: "danger", value: "hide" }}
      action={moderateCommentFormAction}
      schema={commentModerationSchema}
      fields={{ id }}
      onSaved={onHidden}
      onCancel={onCancel}
      className="mt-3 space-y-2 text-sm"
    />
  );
}

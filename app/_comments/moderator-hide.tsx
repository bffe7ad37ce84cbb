"use client";

import { ReasonForm } from "@/components/forms/reason-form";
import { moderateCommentAction } from "./actions";

/** A moderator hides a comment where it stands, with a reason its author sees. */
export function ModeratorHide({
  id,
  onHidden,
  onCancel,
}: {
  id: number;
  onHidden: () => void;
  onCancel: () => void;
}) {
  return (
    <ReasonForm
      id={`hide-reason-${id}`}
      label="Reason"
      submit={{ label: "Hide comment", pendingLabel: "Hiding…", variant: "danger" }}
      onSubmit={(reason) => moderateCommentAction({ id, action: "hide", reason })}
      onSuccess={onHidden}
      onCancel={onCancel}
      className="mt-3 space-y-2 text-sm"
    />
  );
}

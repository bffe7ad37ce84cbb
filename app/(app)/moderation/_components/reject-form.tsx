"use client";

import { inputClass } from "@/components/forms/field";
import { ReasonForm } from "@/components/forms/reason-form";
import type { ReviewType } from "@/lib/enums";
import { decisionFormSchema, REJECT_REASONS } from "@/lib/validation/moderation";
import { decideAction } from "../actions";

type Props = {
  type: ReviewType;
  id: number;
  /** The version on screen, sent with the decision. */
  version: number;
  disabled: boolean;
  /** Runs once hydrated after each answer, success or refusal. */
  onAnswer: () => void;
};

/**
 * Reject with a reason: one of the common ones, words of one's own, or both
 * (the server joins them). A refused reason keeps the common one chosen.
 */
export function RejectForm({ type, id, version, disabled, onAnswer }: Props) {
  return (
    <ReasonForm
      id="reason"
      label="Reason"
      control={{ kind: "text", rows: 3 }}
      legend="Reject with a reason the author will see"
      // The label stays "Reject" while it is sent; Approve says "Working…" for itself.
      submit={{
        label: "Reject",
        pendingLabel: "Reject",
        variant: "danger",
        name: "decision",
        value: "reject",
      }}
      action={decideAction}
      schema={decisionFormSchema}
      fields={{ type, id, version }}
      disabled={disabled}
      onSaved={onAnswer}
      onRefused={onAnswer}
      className="space-y-3 border-t border-stone-200 pt-4"
    >
      {({ register, valueOf }) => (
        <>
          <label htmlFor="reason-preset" className="block text-sm">
            Common reason
          </label>
          <select
            id="reason-preset"
            {...register("preset")}
            defaultValue={valueOf("preset")}
            className={inputClass}
          >
            <option value="">(none, write your own)</option>
            {REJECT_REASONS.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </>
      )}
    </ReasonForm>
  );
}

"use client";

import { useState, type TransitionStartFunction } from "react";
import { inputClass } from "@/components/forms/field";
import { ReasonForm } from "@/components/forms/reason-form";
import type { ActionResult } from "@/lib/actions/result";
import { REJECT_REASONS } from "@/lib/validation/moderation";

type Props = {
  /** Gets the reason the author will read: the common reason chosen, then the words typed. */
  reject: (reason: string) => Promise<ActionResult<unknown>>;
  disabled: boolean;
  onAlert: (message: string | undefined) => void;
  transition: [boolean, TransitionStartFunction];
  /** Bumped when Claim or Approve is pressed: a refused reason no longer applies. */
  resetErrors: number;
};

/** Reject with a reason: one of the common ones, words of one's own, or both. */
export function RejectForm({ reject, disabled, onAlert, transition, resetErrors }: Props) {
  const [preset, setPreset] = useState("");
  return (
    <ReasonForm
      id="reason"
      label="Reason"
      control={{ kind: "text", rows: 3 }}
      legend="Reject with a reason the author will see"
      // The label stays "Reject" while it is sent; Approve says "Working…" for both.
      submit={{ label: "Reject", pendingLabel: "Reject", variant: "danger" }}
      disabled={disabled}
      onSubmit={(reason) => reject([preset, reason.trim()].filter(Boolean).join(": "))}
      onAlert={onAlert}
      transition={transition}
      resetErrors={resetErrors}
      className="space-y-3 border-t border-stone-200 pt-4"
    >
      <label htmlFor="reason-preset" className="block text-sm">
        Common reason
      </label>
      <select
        id="reason-preset"
        value={preset}
        onChange={(e) => setPreset(e.target.value)}
        className={inputClass}
      >
        <option value="">(none, write your own)</option>
        {REJECT_REASONS.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
    </ReasonForm>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { inputClass } from "@/components/forms/field";
import { REJECT_REASONS } from "@/lib/validation/moderation";
import { type SubmissionType } from "@/lib/enums";
import { claimAction, decideAction } from "../actions";

export type DecisionPanelProps = {
  type: SubmissionType;
  id: number;
  /** The version on screen: a decision on an older version than the author's latest is refused. */
  version: number;
  status: string;
  isMine: boolean;
  claimedBy: string | null;
  claimedByMe: boolean;
  claimExpiresAt: string | null;
  decidedBy: string | null;
  decisionReason: string | null;
  /** The edit no longer fits the profile (shown above the panel): approving would be refused. */
  conflict?: boolean;
};

/** Claim, approve, or reject with a reason the author will see. */
export function DecisionPanel(props: DecisionPanelProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const [reasonError, setReasonError] = useState<string>();
  const [preset, setPreset] = useState("");
  const [reason, setReason] = useState("");

  if (props.status !== "pending") {
    return (
      <section
        aria-label="Decision"
        className="mt-6 rounded-lg border border-stone-200 bg-stone-100 p-5"
      >
        <p className="font-semibold">
          {props.status === "withdrawn"
            ? "Withdrawn by the author."
            : `${cap(props.status === "hidden" ? "approved" : props.status)} by ${props.decidedBy ?? "a moderator"}.`}
        </p>
        {props.decisionReason && <p className="mt-1">Reason: {props.decisionReason}</p>}
      </section>
    );
  }

  const run = (
    action: () => Promise<{
      ok: boolean;
      formError?: string;
      fieldErrors?: Record<string, string>;
    }>,
  ) =>
    startTransition(async () => {
      setError(undefined);
      setReasonError(undefined);
      const result = await action();
      if (!result.ok) {
        setReasonError(result.fieldErrors?.reason);
        setError(result.formError);
      }
      router.refresh();
    });

  const ref = { type: props.type, id: props.id };
  const fullReason = [preset, reason.trim()].filter(Boolean).join(": ");
  const claimedByOther = props.claimedBy && !props.claimedByMe;

  return (
    <section
      aria-label="Decision"
      className="mt-6 space-y-4 rounded-lg border border-stone-200 bg-white p-5"
    >
      <FormAlert error={error} />
      {props.isMine && (
        <p className="font-medium">
          This is your own submission: another moderator must decide it.
        </p>
      )}
      {claimedByOther && (
        <p className="font-medium text-amber-800">
          {props.claimedBy} is reviewing this item until {props.claimExpiresAt?.slice(11, 16)} UTC.
        </p>
      )}
      {props.claimedByMe && (
        <p className="text-stone-700">
          You are reviewing this item until {props.claimExpiresAt?.slice(11, 16)} UTC.
        </p>
      )}
      <div className="flex flex-wrap gap-3">
        {!props.claimedByMe && (
          <button
            type="button"
            disabled={pending || props.isMine}
            onClick={() => run(() => claimAction({ type: props.type, id: props.id }))}
            className="rounded border border-stone-400 px-4 py-2 font-semibold hover:bg-stone-100 disabled:opacity-60"
          >
            Claim for review
          </button>
        )}
        <button
          type="button"
          disabled={pending || props.isMine || props.conflict}
          onClick={() =>
            run(() => decideAction({ ...ref, version: props.version, decision: "approve" }))
          }
          className="rounded bg-emerald-700 px-4 py-2 font-semibold text-white hover:bg-emerald-800 disabled:opacity-60"
        >
          {pending ? "Working…" : "Approve"}
        </button>
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          run(() =>
            decideAction({
              ...ref,
              version: props.version,
              decision: "reject",
              reason: fullReason,
            }),
          );
        }}
        className="space-y-3 border-t border-stone-200 pt-4"
      >
        <fieldset className="space-y-2">
          <legend className="font-medium">Reject with a reason the author will see</legend>
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
          <label htmlFor="reason" className="block text-sm font-medium">
            Reason
          </label>
          <textarea
            id="reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={3}
            aria-invalid={Boolean(reasonError)}
            aria-describedby={reasonError ? "reason-error" : undefined}
            className={inputClass}
          />
          {reasonError && (
            <p id="reason-error" className="text-sm font-medium text-red-700">
              {reasonError}
            </p>
          )}
        </fieldset>
        <button
          type="submit"
          disabled={pending || props.isMine}
          className="rounded bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800 disabled:opacity-60"
        >
          Reject
        </button>
      </form>
    </section>
  );
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

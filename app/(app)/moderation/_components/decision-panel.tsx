"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import type { ActionResult } from "@/lib/actions/result";
import type { SubmissionType } from "@/lib/enums";
import { claimAction, decideAction } from "../actions";
import { ClaimStatus } from "./claim-status";
import { DecisionOutcome } from "./decision-outcome";
import { RejectForm } from "./reject-form";

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
  // One transition for the three buttons: while one decision is sent, none can be pressed.
  const transition = useTransition();
  const [pending, startTransition] = transition;
  const [error, setError] = useState<string>();
  // Claim and Approve clear a refused reason below, as a new attempt.
  const [attempt, setAttempt] = useState(0);

  if (props.status !== "pending") return <DecisionOutcome {...props} />;

  const ref = { type: props.type, id: props.id };
  const run = (action: () => Promise<ActionResult<unknown>>) =>
    startTransition(async () => {
      setError(undefined);
      setAttempt((n) => n + 1);
      const result = await action();
      if (!result.ok) setError(result.formError);
      router.refresh();
    });

  return (
    <section
      aria-label="Decision"
      className="mt-6 space-y-4 rounded-lg border border-stone-200 bg-white p-5"
    >
      <FormAlert error={error} />
      <ClaimStatus {...props} />
      <div className="flex flex-wrap gap-3">
        {!props.claimedByMe && (
          <button
            type="button"
            disabled={pending || props.isMine}
            onClick={() => run(() => claimAction(ref))}
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
      <RejectForm
        // Refreshed whatever the answer: a refusal usually means the item changed meanwhile.
        reject={async (reason) => {
          const result = await decideAction({
            ...ref,
            version: props.version,
            decision: "reject",
            reason,
          });
          router.refresh();
          return result;
        }}
        disabled={props.isMine}
        onAlert={setError}
        transition={transition}
        resetErrors={attempt}
      />
    </section>
  );
}

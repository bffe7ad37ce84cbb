"use client";

import { useRouter } from "next/navigation";
import { ButtonForm } from "@/components/forms/button-form";
import type { ReviewType } from "@/lib/enums";
import { claimAction, decideAction } from "../actions";
import { ClaimStatus } from "./claim-status";
import { DecisionOutcome } from "./decision-outcome";
import { RejectForm } from "./reject-form";

export type DecisionPanelProps = {
  type: ReviewType;
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

/**
 * Claim, approve, or reject with a reason the author will see: each a form of
 * its own, so each works without JavaScript (the page comes back in the new
 * state, or with the refusal beside the button pressed).
 */
export function DecisionPanel(props: DecisionPanelProps) {
  const router = useRouter();
  if (props.status !== "pending") return <DecisionOutcome {...props} />;

  const item = { type: props.type, id: String(props.id) };
  // Refreshed whatever the answer: a refusal usually means the item changed meanwhile.
  const refresh = () => router.refresh();
  return (
    <section
      aria-label="Decision"
      className="mt-6 space-y-4 rounded-lg border border-stone-200 bg-white p-5"
    >
      <ClaimStatus {...props} />
      <div className="flex flex-wrap gap-3">
        {!props.claimedByMe && (
          <ButtonForm
            action={claimAction}
            fields={item}
            disabled={props.isMine}
            onSaved={refresh}
            onRefused={refresh}
            buttonClassName="rounded border border-stone-400 px-4 py-2 font-semibold hover:bg-stone-100 disabled:opacity-60"
          >
            Claim for review
          </ButtonForm>
        )}
        <ButtonForm
          action={decideAction}
          fields={{ ...item, version: String(props.version), decision: "approve" }}
          disabled={props.isMine || props.conflict}
          pendingText="Working…"
          onSaved={refresh}
          onRefused={refresh}
          buttonClassName="rounded bg-emerald-700 px-4 py-2 font-semibold text-white hover:bg-emerald-800 disabled:opacity-60"
        >
          Approve
        </ButtonForm>
      </div>
      <RejectForm
        type={props.type}
        id={props.id}
        version={props.version}
        disabled={props.isMine}
        onAnswer={refresh}
      />
    </section>
  );
}

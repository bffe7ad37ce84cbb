import type { ReviewBase } from "@/lib/dal/moderation/review";
import type { DecisionPanelProps } from "./decision-panel";

/**
 * What the decision panel needs from a reviewed item, and nothing more: the
 * panel is a client component, so everything passed to it is sent to the browser.
 */
export function decisionPanelProps(item: ReviewBase): DecisionPanelProps {
  return {
    type: item.type,
    id: item.id,
    version: item.version,
    status: item.status,
    isMine: item.isMine,
    claimedBy: item.claimedBy,
    claimedByMe: item.claimedByMe,
    claimExpiresAt: item.claimExpiresAt,
    decidedBy: item.decidedBy,
    decisionReason: item.decisionReason,
  };
}

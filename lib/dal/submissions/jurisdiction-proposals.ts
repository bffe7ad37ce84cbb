import "server-only";
import { getDb } from "@/db/client";
import { jurisdictionProposalFacts, jurisdictionProposals } from "@/db/schema";
import { requireVerifiedUser } from "@/lib/auth/current-user";
import type { DalResult } from "@/lib/refusals";
import type { JurisdictionProposalInput } from "@/lib/validation/jurisdiction-proposal";
import { madeBefore, oncePerKey } from "@/lib/dal/internal/once";
import { checkSubmitLimit } from "@/lib/dal/submissions/internal/lifecycle";

/**
 * Sends a proposed jurisdiction for review (verified people); nothing is
 * public until a moderator approves it, which creates the jurisdiction.
 */
export async function proposeJurisdiction(
  input: JurisdictionProposalInput,
  idempotencyKey?: string,
): Promise<DalResult<{ id: number }>> {
  const me = await requireVerifiedUser("propose jurisdiction");
  const db = await getDb();
  const who = { userId: me.id, key: idempotencyKey, kind: "proposal" };
  // A second send of the same form is the first proposal, not one more against the limit.
  const earlier = await madeBefore(db, who);
  if (earlier !== null) return { ok: true, data: { id: earlier } };
  const limited = await checkSubmitLimit(me.id);
  if (limited) return { ok: false, refusal: limited };
  const { facts, ...proposal } = input;
  const { id } = await oncePerKey(db, who, async (tx) => {
    const [row] = await tx
      .insert(jurisdictionProposals)
      .values({ ...proposal, authorId: me.id })
      .returning({ id: jurisdictionProposals.id });
    if (facts.length > 0) {
      await tx
        .insert(jurisdictionProposalFacts)
        .values(facts.map((f) => ({ ...f, proposalId: row!.id })));
    }
    return { id: row!.id };
  });
  return { ok: true, data: { id } };
}

import "server-only";
import { auditLog } from "@/db/schema";
import type { Database, Transaction } from "@/db/open";

export type AuditEntry = {
  actorId: number | null;
  action: string;
  targetUserId?: number | null;
  reason?: string | null;
  details?: string | null;
  jurisdictionId?: number | null;
  subject?: string | null;
};

/** Writes one audit row inside the caller's transaction, so it stands or falls with the change. */
export async function writeAudit(tx: Transaction | Database, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    targetUserId: entry.targetUserId ?? null,
    reason: entry.reason ?? null,
    details: entry.details ?? null,
    jurisdictionId: entry.jurisdictionId ?? null,
    subject: entry.subject ?? null,
  });
  console.info(
    `[audit] ${new Date().toISOString()} ${entry.action} actor=${entry.actorId ?? "system"} target=${entry.targetUserId ?? entry.subject ?? "-"}`,
  );
}

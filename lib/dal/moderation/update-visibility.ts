import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { jurisdictions, policyUpdates } from "@/db/schema";
import { requireRole } from "@/lib/auth/current-user";
import { invalidateUpdate } from "@/lib/cache/tags";
import type { DalResult } from "@/lib/refusals";
import type { VisibilityInput } from "@/lib/validation/moderation";
import { withdrawEmailsAbout } from "@/lib/dal/news/internal/email-rows";
import { writeAudit } from "@/lib/dal/internal/audit";
import { notifyAuthor } from "@/lib/dal/news/internal/notification-rows";

/**
 * Takes an approved update down from every public place (its page, the city
 * timeline, the JSON, the feeds and the notifications that point to it), or
 * puts a hidden one back. Moderators only; one conditional UPDATE and its
 * audit row in one transaction, so two moderators acting at once do it once.
 * The author is told either way, with the reason. Like approving, restoring
 * is for another moderator than the author.
 */
export async function setUpdateVisibility(input: VisibilityInput): Promise<DalResult> {
  const me = await requireRole(`${input.action} update`, "moderator", "admin");
  const db = await getDb();
  const hide = input.action === "hide";
  const slug = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(policyUpdates)
      .set({
        status: hide ? "hidden" : "approved",
        hiddenReason: hide ? input.reason : null,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(policyUpdates.id, input.id),
          eq(policyUpdates.status, hide ? "approved" : "hidden"),
          // putting an update back in public is publishing it: never one's own
          hide ? undefined : ne(policyUpdates.authorId, me.id),
        ),
      )
      .returning({
        jurisdictionId: policyUpdates.jurisdictionId,
        authorId: policyUpdates.authorId,
      });
    if (!row) return null;
    await writeAudit(tx, {
      actorId: me.id,
      action: `update.${input.action}`,
      subject: `update:${input.id}`,
      jurisdictionId: row.jurisdictionId,
      reason: input.reason,
    });
    // emails not yet sent that would still tell of it are withdrawn
    if (hide) await withdrawEmailsAbout(tx, input.id);
    await notifyAuthor(tx, {
      userId: row.authorId,
      jurisdictionId: row.jurisdictionId,
      updateId: input.id,
      decision: hide ? "hidden" : "restored",
      reason: input.reason,
    });
    const [city] = await tx
      .select({ slug: jurisdictions.slug })
      .from(jurisdictions)
      .where(eq(jurisdictions.id, row.jurisdictionId));
    return city!.slug;
  });
  if (slug === null) {
    const [now] = await db
      .select({ status: policyUpdates.status, authorId: policyUpdates.authorId })
      .from(policyUpdates)
      .where(eq(policyUpdates.id, input.id));
    if (!now) return { ok: false, refusal: { code: "no_such_update" } };
    if (!hide && now.status === "hidden" && now.authorId === me.id) {
      return { ok: false, refusal: { code: "own_update_restore" } };
    }
    return {
      ok: false,
      refusal: {
        code: hide
          ? now.status === "hidden"
            ? "update_already_hidden"
            : "update_not_published"
          : now.status === "approved"
            ? "update_already_public"
            : "update_not_hidden",
      },
    };
  }
  invalidateUpdate(input.id, slug);
  return { ok: true, data: null };
}

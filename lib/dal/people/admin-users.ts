import "server-only";
import { and, desc, eq, ilike, isNull, lt, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import type { Role } from "@/lib/enums";
import { requireRole } from "@/lib/auth/current-user";
import type { DalResult, Refusal } from "@/lib/refusals";
import type { BanUserInput, SetRoleInput, UnbanUserInput } from "@/lib/validation/admin";
import { invalidateAccount } from "@/lib/cache/tags";
import { writeAudit } from "@/lib/dal/internal/audit";
import { lockAdminSeats, otherActiveAdmins } from "./internal/admin-seats";

const PAGE_SIZE = 25;
// Serialises changes to admin seats, so two admins cannot demote each other at once.

export type AdminUserRow = {
  id: number;
  name: string;
  email: string | null;
  role: Role;
  banned: boolean;
  banReason: string | null;
  deleted: boolean;
  createdAt: string;
};

/** Users for the admin page, newest first, searched by name or email (admins only). */
export async function listUsers(filter: { q?: string; after?: number }): Promise<{
  users: AdminUserRow[];
  nextAfter: number | null;
}> {
  await requireRole("list users", "admin");
  const db = await getDb();
  const pattern = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await db
    .select()
    .from(users)
    .where(
      and(
        pattern ? or(ilike(users.email, pattern), ilike(users.name, pattern)) : undefined,
        filter.after ? lt(users.id, filter.after) : undefined,
      ),
    )
    .orderBy(desc(users.id))
    .limit(PAGE_SIZE + 1);
  const page = rows.slice(0, PAGE_SIZE);
  return {
    users: page.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      banned: u.bannedAt !== null,
      banReason: u.banReason,
      deleted: u.deletedAt !== null,
      createdAt: u.createdAt.toISOString(),
    })),
    nextAfter: rows.length > PAGE_SIZE ? (page.at(-1)?.id ?? null) : null,
  };
}

export type AuditRow = {
  id: number;
  action: string;
  actorName: string | null;
  targetName: string | null;
  reason: string | null;
  details: string | null;
  createdAt: string;
};

/** The latest account audit entries (admins only). */
export async function listUserAudit(limit = 20): Promise<AuditRow[]> {
  await requireRole("read audit log", "admin");
  const db = await getDb();
  const actor = sql<string | null>`(select name from users a where a.id = ${auditLog.actorId})`;
  const target = sql<
    string | null
  >`(select name from users t where t.id = ${auditLog.targetUserId})`;
  const rows = await db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      actorName: actor,
      targetName: target,
      reason: auditLog.reason,
      details: auditLog.details,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** Promotes or demotes a user; the last active admin cannot lose the seat. */
export async function setUserRole(input: SetRoleInput): Promise<DalResult> {
  const admin = await requireRole("set role", "admin");
  return changeUser(input.userId, async (tx, target) => {
    if (target.role === input.role)
      return { code: "role_unchanged", name: target.name, role: input.role };
    if (target.role === "admin" && (await otherActiveAdmins(tx, target.id)) === 0) {
      return { code: "last_admin_demote" };
    }
    await tx
      .update(users)
      .set({ role: input.role, updatedAt: new Date() })
      .where(eq(users.id, target.id));
    await writeAudit(tx, {
      actorId: admin.id,
      action: "user.role",
      targetUserId: target.id,
      reason: input.reason ?? null,
      details: `${target.role} → ${input.role}`,
    });
    return null;
  });
}

/** Bans a user with a reason; their sessions end at once. */
export async function banUser(input: BanUserInput): Promise<DalResult> {
  const admin = await requireRole("ban user", "admin");
  return changeUser(input.userId, async (tx, target) => {
    if (target.bannedAt) return { code: "already_banned", name: target.name };
    if (target.role === "admin" && (await otherActiveAdmins(tx, target.id)) === 0) {
      return { code: "last_admin_ban" };
    }
    await tx
      .update(users)
      .set({
        bannedAt: new Date(),
        banReason: input.reason,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, target.id));
    await writeAudit(tx, {
      actorId: admin.id,
      action: "user.ban",
      targetUserId: target.id,
      reason: input.reason,
    });
    return null;
  });
}

/** Lifts a ban, with a reason. */
export async function unbanUser(input: UnbanUserInput): Promise<DalResult> {
  const admin = await requireRole("unban user", "admin");
  return changeUser(input.userId, async (tx, target) => {
    if (!target.bannedAt) return { code: "not_banned", name: target.name };
    await tx
      .update(users)
      .set({ bannedAt: null, banReason: null, updatedAt: new Date() })
      .where(eq(users.id, target.id));
    await writeAudit(tx, {
      actorId: admin.id,
      action: "user.unban",
      targetUserId: target.id,
      reason: input.reason,
    });
    return null;
  });
}

type Tx = Parameters<Parameters<Awaited<ReturnType<typeof getDb>>["transaction"]>[0]>[0];
type UserRow = typeof users.$inferSelect;

/** Runs a change to one user under the admin-seats lock; `apply` returns a refusal or null. */
async function changeUser(
  targetId: number,
  apply: (tx: Tx, target: UserRow) => Promise<Refusal | null>,
): Promise<DalResult> {
  const db = await getDb();
  const refusal = await db.transaction(async (tx): Promise<Refusal | null> => {
    await lockAdminSeats(tx);
    const [target] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, targetId), isNull(users.deletedAt)))
      .for("update");
    if (!target) return { code: "no_such_user" };
    return apply(tx, target);
  });
  if (refusal) return { ok: false, refusal };
  // After the commit: the person's session cookie no longer shows a cached shell by its role.
  invalidateAccount(targetId);
  return { ok: true, data: null };
}
